/**
 * German, the second factor's section of the German string set (de.ts puts it together), and the
 * messages of the MFA error codes, which de.ts spreads into `errors`.
 */
import type { MfaSections, mfaErrorsEn } from './en-mfa.js';

export const mfaDe: MfaSections = {
  mfa: {
    title: 'Bestätigung in zwei Schritten',
    intro:
      'Zusätzlich zu Ihrem Passwort oder Anmeldelink wird ein Code aus einer Authenticator-App auf Ihrem Smartphone abgefragt.',
    signedOut: 'Melden Sie sich an, um die Bestätigung in zwei Schritten zu verwalten.',
    loadFailed: 'Die Bestätigung in zwei Schritten konnte nicht geladen werden.',
    off: 'Die Bestätigung in zwei Schritten ist ausgeschaltet.',
    on: 'Die Bestätigung in zwei Schritten ist eingeschaltet.',
    enabledSince: (when) => `Eingeschaltet seit ${when}.`,
    turnOn: 'Authenticator-App einrichten',
    scan: 'Scannen Sie diesen QR-Code mit Ihrer Authenticator-App (z. B. Google Authenticator, 1Password oder Authy).',
    qrLabel: 'QR-Code Ihres Authenticator-Schlüssels',
    manualKey: 'Oder geben Sie diesen Schlüssel in der App ein:',
    codeLabel: 'Code aus der App',
    codeHint: 'Sechs Ziffern.',
    confirm: 'Einschalten',
    cancel: 'Abbrechen',
    recoveryTitle: 'Speichern Sie Ihre Wiederherstellungscodes',
    recoveryText:
      'Mit jedem Code können Sie sich einmal anmelden, falls Sie Ihr Smartphone verlieren. Sie werden nur jetzt angezeigt: Bewahren Sie sie sicher auf, z. B. in einem Passwortmanager.',
    copy: 'Kopieren',
    copied: 'Kopiert.',
    download: 'Herunterladen (.txt)',
    print: 'Drucken',
    done: 'Ich habe sie gespeichert',
    remaining: (count) =>
      count === 1 ? 'Noch 1 Wiederherstellungscode übrig.' : `Noch ${count} Wiederherstellungscodes übrig.`,
    fewLeft: 'Nur noch wenige Wiederherstellungscodes übrig: Erstellen Sie neue.',
    regenerate: 'Neue Wiederherstellungscodes erstellen',
    confirmRegenerate: 'Neue Wiederherstellungscodes erstellen? Die bisherigen funktionieren dann nicht mehr.',
    disable: 'Ausschalten',
    confirmDisable:
      'Bestätigung in zwei Schritten ausschalten? Bei der Anmeldung werden dann wieder nur Ihr Passwort oder ein Link abgefragt.',
    disabled: 'Die Bestätigung in zwei Schritten ist ausgeschaltet.',
    fileHeading: (product) => `Wiederherstellungscodes für ${product}`,
    fileNote: 'Jeder Code funktioniert einmal.',
  },
};

export const mfaErrorsDe: typeof mfaErrorsEn = {
  mfa_already_enabled: 'Die Bestätigung in zwei Schritten ist bereits eingeschaltet.',
  mfa_not_enabled: 'Die Bestätigung in zwei Schritten ist nicht eingeschaltet.',
  mfa_enrolment_missing: 'Beginnen Sie die Einrichtung der Authenticator-App erneut.',
  mfa_required:
    'Diese Organisation verlangt die Bestätigung in zwei Schritten. Schalten Sie sie in den Sicherheitseinstellungen Ihres Kontos ein und kehren Sie dann zurück.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...mfaDe, errors: mfaErrorsDe };
