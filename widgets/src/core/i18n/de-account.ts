/**
 * German, the account centre's sections of the German string set (de.ts puts it together). Typed
 * as `AccountSections`, so a key added to en-account.ts and missing here fails the build.
 */
import type { AccountSections, accountErrorsEn } from './en-account.js';

export const accountDe: AccountSections = {
  dataExport: {
    title: 'Ihre Daten herunterladen',
    intro:
      'Erhalten Sie eine Kopie von allem, was wir zu Ihrem Konto speichern. Wir schicken Ihnen eine E-Mail, sobald sie fertig ist.',
    format: 'Format',
    json: 'JSON (eine Datei)',
    csv: 'CSV für Tabellen (ein ZIP-Archiv)',
    request: 'Meine Daten anfordern',
    preparing:
      'Ihr Archiv wird vorbereitet. Sie können diese Seite verlassen: Wir schicken Ihnen eine E-Mail, sobald es fertig ist.',
    history: 'Ihre Exporte',
    empty: 'Sie haben Ihre Daten noch nicht exportiert.',
    download: 'Herunterladen',
    downloadLabel: (format, date) => `${format}-Export vom ${date} herunterladen`,
    status: { pending: 'Wartet', processing: 'Wird vorbereitet', ready: 'Bereit', expired: 'Abgelaufen' },
    formatName: { json: 'JSON', csv: 'CSV' },
    requestedAt: (date) => `Angefordert am ${date}`,
    availableUntil: (date) => `Verfügbar bis ${date}`,
    signedOut: 'Melden Sie sich an, um Ihre Daten herunterzuladen.',
    loadFailed: 'Ihre Exporte konnten nicht geladen werden.',
  },
  deleteAccount: {
    title: 'Konto löschen',
    intro:
      'Wenn Sie Ihr Konto löschen, werden Sie überall abgemeldet, und nach einer Schonfrist wird es endgültig gelöscht.',
    grace: (days) =>
      `${days ? `Ihr Konto wird ${days} Tage nach Ihrer Anfrage gelöscht. ` : ''}Bis zu dem Datum, das wir Ihnen anzeigen (und per E-Mail senden), können Sie es sich anders überlegen: Melden Sie sich erneut an und brechen Sie ab, oder verwenden Sie den Link in der E-Mail.`,
    deleted:
      'Dann werden Ihr Profil, Ihre Anmeldemethoden, Geräte, Ihr Verlauf, Ihr Einrichtungsfortschritt und Ihre Mitgliedschaften gelöscht. Das lässt sich nicht rückgängig machen.',
    organizations:
      'Eine Organisation, deren einziger Inhaber Sie sind, geht an ihren dienstältesten Administrator oder sonst an ihr dienstältestes Mitglied; eine Organisation ohne weitere Mitglieder wird gelöscht.',
    reason: 'Warum gehen Sie? (optional)',
    noReason: 'Grund wählen',
    reasons: {
      not_useful: 'Es ist für mich nicht nützlich',
      too_expensive: 'Es kostet zu viel',
      privacy: 'Bedenken beim Datenschutz',
      switching: 'Ich wechsle zu einem anderen Dienst',
      other: 'Ein anderer Grund',
    },
    feedback: 'Möchten Sie uns noch etwas sagen? (optional)',
    confirmLabel: (email) => `Geben Sie zur Bestätigung Ihre E-Mail-Adresse ein: ${email}`,
    submit: 'Mein Konto löschen',
    reauthenticate:
      'Zu Ihrer Sicherheit erfordert das Löschen Ihres Kontos eine aktuelle Anmeldung. Melden Sie sich erneut an und kommen Sie dann hierher zurück.',
    signInAgain: 'Erneut anmelden',
    scheduledTitle: 'Die Löschung Ihres Kontos ist geplant',
    scheduledOn: (date) => `Ihr Konto wird am ${date} gelöscht.`,
    requestedDone:
      'Alle Geräte wurden abgemeldet. Um Ihr Konto zu behalten, melden Sie sich vor diesem Datum erneut an und brechen Sie ab, oder verwenden Sie den Link aus unserer E-Mail.',
    cancel: 'Löschung abbrechen',
    cancelled: 'Die Löschung ist abgebrochen: Ihr Konto bleibt bestehen.',
    signedOut: 'Melden Sie sich an, um Ihr Konto zu löschen.',
    loadFailed: 'Ihr Konto konnte nicht geladen werden.',
  },
  passwordChange: {
    title: 'Passwort',
    intro: 'Wenn Sie Ihr Passwort ändern, werden Sie auf Ihren anderen Geräten abgemeldet.',
    current: 'Aktuelles Passwort',
    new: 'Neues Passwort',
    confirm: 'Neues Passwort wiederholen',
    submit: 'Passwort ändern',
    mismatch: 'Die beiden neuen Passwörter stimmen nicht überein.',
    changed: (others) =>
      others === 0
        ? 'Ihr Passwort ist geändert.'
        : `Ihr Passwort ist geändert. ${others === 1 ? 'Ein anderes Gerät wurde' : `${others} andere Geräte wurden`} abgemeldet.`,
    noPassword:
      'Noch kein Passwort (Sie melden sich mit einem Link, einem Passkey oder einem anderen Konto an)? Verwenden Sie „Passwort vergessen?“ im Anmeldeformular, um eines festzulegen.',
    signedOut: 'Melden Sie sich an, um Ihr Passwort zu ändern.',
  },
  profile: {
    title: 'Profil',
    avatar: 'Profilbild',
    noAvatar: 'Kein Bild',
    uploadAvatar: 'Bild hochladen',
    avatarHint: 'Ein PNG-, JPEG-, WebP- oder GIF-Bild.',
    removeAvatar: 'Bild entfernen',
    avatarSaved: 'Bild gespeichert.',
    avatarRemoved: 'Bild entfernt.',
    language: 'Sprache Ihrer E-Mails',
    languageAuto: 'Die Sprache der jeweiligen Seite',
    bio: 'Über Sie',
    languages: { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', ar: 'العربية' },
    save: 'Speichern',
    saved: 'Profil gespeichert.',
    emailTitle: 'E-Mail',
    changeEmail: 'Ändern',
    newEmail: 'Neue E-Mail-Adresse',
    sendLink: 'Bestätigungslink senden',
    cancel: 'Abbrechen',
    pendingTitle: 'Sehen Sie in Ihr Postfach',
    pending: (email) =>
      `Wir haben einen Link an ${email} gesendet. Öffnen Sie ihn, um die neue Adresse zu bestätigen; bis dahin bleibt Ihre Adresse unverändert.`,
    pendingUntil: (date) => `Der Link funktioniert bis ${date}.`,
    cancelChange: 'Änderung abbrechen',
    changeCancelled: 'Die Änderung der E-Mail-Adresse ist abgebrochen: Der Link funktioniert nicht mehr.',
    reauthenticate:
      'Zu Ihrer Sicherheit erfordert das Ändern Ihrer E-Mail-Adresse eine aktuelle Anmeldung. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
    signInAgain: 'Erneut anmelden',
    loadFailed: 'Ihr Profil konnte nicht geladen werden.',
    signedOut: 'Melden Sie sich an, um Ihr Profil zu sehen.',
  },
  account: {
    label: 'Konto',
    tabs: {
      profile: 'Profil',
      security: 'Sicherheit',
      notifications: 'Benachrichtigungen',
      privacy: 'Daten & Datenschutz',
    },
  },
};

export const accountErrorsDe: typeof accountErrorsEn = {
  unsupported_image_type: 'Wählen Sie ein PNG-, JPEG-, WebP- oder GIF-Bild.',
  image_too_large: 'Dieses Bild ist zu groß. Wählen Sie ein kleineres.',
  email_unchanged: 'Das ist bereits Ihre E-Mail-Adresse.',
  email_in_use: 'Ein anderes Konto verwendet diese E-Mail-Adresse inzwischen.',
  export_in_progress: 'Ein Export wird bereits vorbereitet. Warten Sie, bis er fertig ist.',
  export_not_ready: 'Dieser Export ist noch nicht fertig.',
  export_expired: 'Dieser Export ist abgelaufen. Fordern Sie einen neuen an.',
  export_link_invalid: 'Dieser Download-Link ist ungültig. Verwenden Sie den Link aus Ihrem Konto.',
  email_mismatch: 'Geben Sie zur Bestätigung genau die E-Mail-Adresse Ihres Kontos ein.',
  deletion_already_scheduled: 'Die Löschung Ihres Kontos ist bereits geplant.',
  deletion_not_scheduled: 'Für Ihr Konto ist keine Löschung geplant.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...accountDe, errors: accountErrorsDe };
