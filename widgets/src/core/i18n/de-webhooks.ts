/**
 * German, `<acct-webhooks>`'s section of the German string set (de.ts puts it together), and the
 * messages of the webhook error codes, which de.ts spreads into `errors`.
 */
import type { WebhookSections, webhookErrorsEn } from './en-webhooks.js';

export const webhooksDe: WebhookSections = {
  webhooks: {
    title: 'Webhooks',
    intro:
      'Webhooks senden die Ereignisse dieser Organisation sofort an Ihre eigenen Server, signiert, damit Sie sie prüfen können.',
    noOrganization: 'Wählen Sie eine Organisation, um ihre Webhooks zu verwalten.',
    signedOut: 'Melden Sie sich an, um Webhooks zu verwalten.',
    loadFailed: 'Die Webhooks konnten nicht geladen werden.',
    createTitle: 'Neuer Endpunkt',
    url: 'URL des Endpunkts',
    urlHint: 'Eine https-Adresse Ihres Servers, z.\u00a0B. https://example.com/acct-events.',
    description: 'Beschreibung',
    events: 'Ereignisse',
    eventsRequired: 'Wählen Sie mindestens ein Ereignis.',
    category: { user: 'Benutzer', session: 'Sitzungen', organization: 'Organisation', onboarding: 'Einrichtung' },
    create: 'Endpunkt hinzufügen',
    createdTitle: 'Kopieren Sie das Signaturgeheimnis',
    createdText:
      'Das Geheimnis wird nur dieses eine Mal angezeigt. Ihr Server braucht es, um die Signatur jeder Zustellung zu prüfen.',
    secretLabel: 'Signaturgeheimnis',
    copy: 'Kopieren',
    copied: 'Kopiert.',
    copyFailed: 'Das Kopieren ist fehlgeschlagen: Markieren Sie das Geheimnis und kopieren Sie es selbst.',
    done: 'Ich habe es gespeichert',
    listTitle: 'Endpunkte',
    empty: 'Noch keine Endpunkte.',
    active: 'Aktiv',
    disabled: {
      manual: 'Deaktiviert',
      gone: 'Deaktiviert: Der Endpunkt hat mit 410 Gone geantwortet',
      failing: 'Nach wiederholten Fehlschlägen deaktiviert',
    },
    failures: (count: number) => (count === 1 ? '1 Fehlschlag in Folge' : `${count} Fehlschläge in Folge`),
    lastTriggered: (when: string) => `Letzte Zustellung ${when}`,
    neverTriggered: 'Noch keine Zustellung',
    overlap: (when: string) => `Das bisherige Geheimnis signiert noch bis ${when}`,
    enable: 'Aktivieren',
    disable: 'Deaktivieren',
    rotate: 'Geheimnis erneuern',
    sendTest: 'Testereignis senden',
    testQueued: 'Ein Testereignis wurde in die Warteschlange gestellt.',
    showLog: 'Zustellprotokoll',
    hideLog: 'Protokoll ausblenden',
    remove: 'Löschen',
    removeLabel: (url: string) => `${url} löschen`,
    confirmRemove: (url: string) => `Den Endpunkt ${url} und sein Zustellprotokoll löschen?`,
    confirm: 'Löschen',
    cancel: 'Abbrechen',
    removed: (url: string) => `${url} wurde gelöscht.`,
    logEmpty: 'Noch keine Zustellungen.',
    status: { pending: 'Ausstehend', succeeded: 'Zugestellt', failed: 'Fehlgeschlagen' },
    attempt: (n: number) => `Versuch ${n}`,
    duration: (ms: number) => `${ms} ms`,
    request: 'Inhalt der Anfrage',
    response: 'Inhalt der Antwort',
    noResponse: (error: string) => `Keine Antwort (${error})`,
    replay: 'Erneut zustellen',
    replayed: 'Die Zustellung wurde erneut in die Warteschlange gestellt.',
    more: 'Ältere Zustellungen',
  },
};

export const webhookErrorsDe: typeof webhookErrorsEn = {
  too_many_webhooks: 'Diese Organisation hat zu viele Webhook-Endpunkte. Löschen Sie zuerst einen.',
  webhook_url_blocked:
    'Diese URL verweist auf eine private, Loopback- oder anderweitig reservierte Adresse, die Webhooks nicht erreichen können.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...webhooksDe, errors: webhookErrorsDe };
