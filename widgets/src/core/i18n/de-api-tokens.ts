/**
 * German, `<acct-api-tokens>`'s section of the German string set (de.ts puts it together), and
 * the messages of the API-token error codes, which de.ts spreads into `errors`.
 */
import type { ApiTokenSections, apiTokenErrorsEn } from './en-api-tokens.js';

export const apiTokensDe: ApiTokenSections = {
  apiTokens: {
    title: 'API-Tokens',
    intro:
      'Mit Tokens können Ihre eigenen Server acct für diese Organisation aufrufen. Geben Sie jedem nur die Berechtigungen, die er braucht.',
    noOrganization: 'Wählen Sie eine Organisation, um ihre API-Tokens zu verwalten.',
    signedOut: 'Melden Sie sich an, um API-Tokens zu verwalten.',
    loadFailed: 'Die API-Tokens konnten nicht geladen werden.',
    createTitle: 'Neues Token',
    name: 'Name',
    nameHint: 'Was es verwendet, z.\u00a0B. „Abrechnungsserver“.',
    scopes: 'Berechtigungen',
    scopesRequired: 'Wählen Sie mindestens eine Berechtigung.',
    scope: {
      'checklist:write': 'Punkte der Checkliste für Mitglieder abhaken',
      'members:read': 'Mitglieder lesen',
      'webhooks:manage': 'Webhooks verwalten',
      'events:read': 'Ereignisse lesen',
    },
    expiry: 'Läuft ab',
    expiryNever: 'Nie',
    expiryDays: (days) => `In ${days} Tagen`,
    create: 'Token erstellen',
    createdTitle: 'Kopieren Sie Ihr neues Token',
    createdText:
      'Das Token wird nur dieses eine Mal angezeigt. Bewahren Sie es sicher auf, etwa in den geheimen Einstellungen Ihres Servers.',
    secretLabel: 'Token',
    copy: 'Kopieren',
    copied: 'Kopiert.',
    copyFailed: 'Kopieren fehlgeschlagen: Markieren Sie das Token und kopieren Sie es selbst.',
    done: 'Ich habe es gespeichert',
    empty: 'Noch keine API-Tokens.',
    listTitle: 'Tokens',
    createdBy: (who, when) => `Erstellt von ${who} am ${when}`,
    createdOn: (when) => `Erstellt am ${when}`,
    lastUsed: (when) => `Zuletzt verwendet ${when}`,
    neverUsed: 'Nie verwendet',
    expires: (when) => `Läuft am ${when} ab`,
    noExpiry: 'Läuft nicht ab',
    expired: 'Abgelaufen',
    revoke: 'Widerrufen',
    revokeLabel: (name) => `${name} widerrufen`,
    confirmRevoke: (name) => `„${name}“ widerrufen? Aufrufe damit schlagen ab der nächsten Anfrage fehl.`,
    confirm: 'Widerrufen',
    cancel: 'Abbrechen',
    revoked: (name) => `„${name}“ wurde widerrufen.`,
  },
};

export const apiTokenErrorsDe: typeof apiTokenErrorsEn = {
  api_token_invalid: 'Das API-Token ist fehlerhaft, unbekannt, widerrufen oder abgelaufen.',
  api_token_scope: 'Dem API-Token fehlt die Berechtigung, die dieser Aufruf braucht.',
  api_token_expiry_past: 'Das Ablaufdatum muss in der Zukunft liegen.',
  too_many_api_tokens: 'Diese Organisation hat zu viele API-Tokens. Widerrufen Sie zuerst eines.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...apiTokensDe, errors: apiTokenErrorsDe };
