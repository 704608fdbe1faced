/**
 * German, the re-authentication dialog's section of the German string set (de.ts puts it together),
 * and the messages of the re-authentication error codes, which de.ts spreads into `errors`.
 */
import type { ReauthSections, reauthErrorsEn } from './en-reauth.js';

export const reauthDe: ReauthSections = {
  reauth: {
    title: 'Bestätigen Sie, dass Sie es sind',
    explain:
      'Zu Ihrer Sicherheit: Weisen Sie vor dieser Änderung erneut nach, dass Sie es sind. Sie bleiben angemeldet.',
    password: 'Passwort',
    code: 'Code aus Ihrer Authenticator-App',
    confirm: 'Bestätigen',
    usePasskey: 'Passkey verwenden',
    or: 'oder',
    cancel: 'Abbrechen',
    checking: 'Wird geprüft…',
    noMethod:
      'Ihr Konto bietet hier keine Möglichkeit zur Bestätigung. Melden Sie sich ab und wieder an und versuchen Sie es dann erneut.',
    loadFailed: 'Die Bestätigungsmöglichkeiten konnten nicht geladen werden.',
  },
};

export const reauthErrorsDe: typeof reauthErrorsEn = {
  reauthentication_required: 'Zu Ihrer Sicherheit: Bestätigen Sie, dass Sie es sind, um fortzufahren.',
  reauthentication_failed: 'Damit wurde nicht nachgewiesen, dass Sie es sind. Versuchen Sie es erneut.',
  reauthentication_method_unavailable: 'Diese Art der Bestätigung ist für Ihr Konto nicht verfügbar.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...reauthDe, errors: reauthErrorsDe };
