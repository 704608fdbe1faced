/**
 * German, `<acct-connected-apps>`'s section of the German string set (de.ts puts it together),
 * and the connected-app error messages. Typed from the English, so a key missing here fails the
 * build.
 */
import type { ConnectedAppSections, connectedAppErrorsEn } from './en-connected-apps.js';

export const connectedAppsDe: ConnectedAppSections = {
  connectedApps: {
    title: 'Verbundene Apps',
    intro: 'Apps, mit denen Ihre Organisation arbeitet. Eine verbundene App handelt für die ganze Organisation.',
    noOrganization: 'Erstellen Sie zuerst eine Organisation: Apps werden mit einer Organisation verbunden.',
    availableTitle: 'Verfügbare Apps',
    connectedTitle: 'Verbunden',
    empty: 'Noch keine App verbunden.',
    noneAvailable: 'Auf dieser Website wird keine App angeboten.',
    connect: 'Verbinden',
    connectLabel: (name) => `${name} verbinden`,
    reconnect: 'Erneut verbinden',
    reconnectLabel: (name) => `${name} erneut verbinden`,
    connectedBy: (who, when) => `Verbunden von ${who} ${when}`,
    connectedByUnknown: (when) => `Verbunden ${when} von einem ehemaligen Mitglied`,
    lastSync: (when) => `zuletzt synchronisiert ${when}`,
    account: (id) => `Konto ${id}`,
    disconnect: 'Trennen',
    disconnectLabel: (name) => `${name} trennen`,
    confirmDisconnect: (name) =>
      `${name} trennen? Die App verliert den Zugriff auf Ihre Organisation, bis jemand sie erneut verbindet.`,
    confirm: 'Ja, trennen',
    cancel: 'Abbrechen',
    connected: (name) => `${name} ist verbunden.`,
    disconnected: (name) => `${name} ist getrennt.`,
    adminsOnly: 'Nur Inhaber und Administratoren der Organisation können Apps verbinden oder trennen.',
    signedOut: 'Melden Sie sich an, um die Apps Ihrer Organisation zu sehen.',
    loadFailed: 'Die verbundenen Apps konnten nicht geladen werden.',
  },
};

export const connectedAppErrorsDe: typeof connectedAppErrorsEn = {
  unknown_app: 'Diese App wird hier nicht angeboten.',
  connect_attempt_invalid:
    'Dieser Verbindungsversuch ist unbekannt, abgelaufen oder wurde anderswo gestartet. Beginnen Sie von vorn.',
  connect_refused: 'Die App hat keinen Zugriff gewährt. Versuchen Sie es erneut.',
  connect_failed: 'Die App war nicht erreichbar oder ihre Antwort war ungültig. Versuchen Sie es später erneut.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...connectedAppsDe, errors: connectedAppErrorsDe };
