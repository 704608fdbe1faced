/**
 * German. Its core, typed as `TranslationCore`, so a key added to `en.ts` and missing here fails the
 * build; its areas (chunks.ts) are the `de-<area>.ts` files. The
 * reader is addressed with „Sie“, as German sign-in and account pages do; quotation marks are
 * „…“. The elements' sections live in de-<area>.ts files beside the English ones.
 */
import type { AreaChunks } from './chunks.js';
import type { TranslationCore } from './en.js';

export const de: TranslationCore = {
  $lang: 'de',
  $dir: 'ltr',
  loading: 'Wird geladen…',
  retry: 'Erneut versuchen',
  loadFailed: 'Das Anmeldeformular konnte nicht geladen werden.',
  signInTitle: (product) => `Bei ${product} anmelden`,
  signUpTitle: (product) => `Ihr ${product}-Konto erstellen`,
  displayName: 'Name',
  email: 'E-Mail-Adresse',
  password: 'Passwort',
  passwordHint: (min) => `Mindestens ${min} Zeichen.`,
  signIn: 'Anmelden',
  signUp: 'Konto erstellen',
  passkeySignIn: 'Mit einem Passkey fortfahren',
  magicLinkSignIn: 'Anmeldelink per E-Mail senden',
  magicLinkSignUp: 'Registrierungslink per E-Mail senden',
  noAccount: 'Noch kein Konto?',
  createAccount: 'Konto erstellen',
  haveAccount: 'Sie haben bereits ein Konto?',
  signInInstead: 'Stattdessen anmelden',
  forgotPassword: 'Passwort vergessen?',
  forgotTitle: 'Passwort zurücksetzen',
  forgotIntro:
    'Geben Sie Ihre E-Mail-Adresse ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen können.',
  sendResetLink: 'Link senden',
  resetSentTitle: 'Sehen Sie in Ihr Postfach',
  resetSent: (email) =>
    `Falls ein Konto ${email} verwendet, haben wir einen Link gesendet, mit dem Sie ein neues Passwort wählen können.`,
  backToSignIn: 'Zurück zur Anmeldung',
  verifyTitle: 'E-Mail-Adresse bestätigen',
  verifySent: (email) =>
    `Wir haben einen Link an ${email} gesendet. Öffnen Sie ihn, um Ihre Adresse zu bestätigen und sich anzumelden.`,
  verifyNeeded: (email) =>
    `${email} ist noch nicht bestätigt. Wir haben Ihnen einen neuen Link gesendet: Öffnen Sie ihn, um Ihre Adresse zu bestätigen und sich anzumelden.`,
  resendLink: 'Link erneut senden',
  linkResent: 'Wir haben einen weiteren Link gesendet.',
  linkSentTitle: 'Sehen Sie in Ihr Postfach',
  linkSent: (email) =>
    `Wir haben einen Anmeldelink an ${email} gesendet. Öffnen Sie ihn in diesem Browser: Diese Seite meldet Sie dann von selbst an.`,
  linkLifetime: (when) => `Der Link funktioniert einmal und läuft ${when} ab.`,
  linkUsedElsewhere:
    'Sie haben sich über den Link in einem anderen Browser oder Tab angemeldet. Um sich auch hier anzumelden, fordern Sie einen neuen Link an.',
  linkExpired: 'Der Link ist abgelaufen. Fordern Sie einen neuen an.',
  sendNewLink: 'Neuen Link senden',
  passkeySignInCancelled:
    'Die Anmeldung mit einem Passkey wurde abgebrochen. Versuchen Sie es erneut oder melden Sie sich auf andere Weise an.',
  offerPasskey: {
    title: 'Nächstes Mal schneller anmelden: Passkey hinzufügen',
    text: 'Mit einem Passkey melden Sie sich per Fingerabdruck, Gesicht oder Bildschirmsperre an: nichts eintippen, nichts merken.',
    add: 'Passkey hinzufügen',
    notNow: 'Nicht jetzt',
    added: 'Ihr Passkey ist hinzugefügt. Melden Sie sich nächstes Mal damit an.',
    cancelled: 'Es wurde kein Passkey hinzugefügt. Sie können später in Ihrem Konto einen hinzufügen.',
  },
  signedInAs: (name) => `Sie sind als ${name} angemeldet.`,
  continue: 'Weiter',
  signOut: 'Abmelden',
  returned: {
    email_verification: 'Ihre E-Mail-Adresse ist bestätigt.',
    password_reset: 'Ihr neues Passwort ist gespeichert.',
  },
  validation: {
    displayNameMissing: 'Geben Sie Ihren Namen ein.',
    emailMissing: 'Geben Sie Ihre E-Mail-Adresse ein.',
    emailInvalid: 'Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.',
    passwordMissing: 'Geben Sie Ihr Passwort ein.',
    passwordTooShort: (min) => `Verwenden Sie mindestens ${min} Zeichen.`,
    passwordTooLong: 'Dieses Passwort ist zu lang.',
    passwordTooCommon: 'Dieses Passwort ist zu verbreitet. Wählen Sie eines, das schwerer zu erraten ist.',
    fieldInvalid: 'Prüfen Sie dieses Feld.',
  },
  errors: {
    unknown: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
    no_methods: 'Hier ist keine Anmeldemethode verfügbar.',
    network_error: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    unexpected_response: 'Die Antwort des Servers konnte nicht gelesen werden.',
    invalid_json: 'Die Anfrage war kein gültiges JSON.',
    invalid_request: 'Einige Felder fehlen oder sind ungültig.',
    unsupported_media_type: 'Die Anfrage muss als JSON gesendet werden.',
    payload_too_large: 'Die Anfrage ist zu groß.',
    headers_too_large: 'Die Header der Anfrage sind zu groß. Es kann helfen, die Cookies dieser Website zu löschen.',
    malformed_request: 'Die Anfrage konnte nicht gelesen werden.',
    request_timeout: 'Die Anfrage hat zu lange gedauert. Versuchen Sie es erneut.',
    too_deeply_nested: 'Die Anfrage ist zu tief verschachtelt.',
    not_found: 'Unter dieser Adresse gibt es nichts.',
    method_not_allowed: 'Diese Adresse nimmt diese Anfrage nicht an.',
    forbidden_origin: 'Anfragen von dieser Website sind nicht erlaubt.',
    database_unavailable: 'Der Dienst ist kurz nicht verfügbar. Versuchen Sie es gleich noch einmal.',
    internal_error: 'Bei uns ist etwas schiefgelaufen. Versuchen Sie es später erneut.',
    invalid_credentials: 'E-Mail-Adresse oder Passwort stimmen nicht.',
    email_not_verified: 'Bestätigen Sie zuerst Ihre E-Mail-Adresse: Wir haben Ihnen einen neuen Link gesendet.',
    email_taken: 'Ein Konto verwendet diese E-Mail-Adresse bereits. Melden Sie sich stattdessen an.',
    sign_up_disabled: 'Hier können keine neuen Konten erstellt werden.',
    too_many_requests: 'Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es erneut.',
    not_signed_in: 'Sie sind abgemeldet. Melden Sie sich erneut an.',
    wrong_password: 'Ihr aktuelles Passwort stimmt nicht.',
    invalid_code: 'Dieser Link ist abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an.',
    hosted_page_only: 'Nur die Anmeldeseite dieses Dienstes kann das.',
    passkey_challenge_expired: 'Diese Passkey-Anfrage ist abgelaufen. Versuchen Sie es erneut.',
    invalid_passkey_response: 'Der Passkey konnte nicht geprüft werden. Versuchen Sie es erneut.',
    unknown_passkey:
      'Dieser Passkey ist hier nicht registriert: Vielleicht wurde er entfernt. Melden Sie sich auf andere Weise an.',
    passkey_counter_regression:
      'Dieser Passkey wurde abgelehnt, weil er kopiert aussieht. Melden Sie sich auf andere Weise an und prüfen Sie dann Ihre Passkeys.',
    passkey_already_registered: 'Dieser Passkey ist bereits für Ihr Konto registriert.',
    unknown_provider: 'Dieser Anmeldeanbieter wird hier nicht angeboten.',
    passkey_cancelled: 'Die Passkey-Anfrage wurde abgebrochen.',
    passkey_unsupported: 'Dieser Browser kann keine Passkeys verwenden.',
    passkey_wrong_domain: 'Passkeys sind für die Adresse dieser Website nicht eingerichtet.',
    passkey_failed:
      'Der Passkey konnte nicht verwendet werden. Versuchen Sie es erneut oder melden Sie sich auf andere Weise an.',
    passkey_unavailable:
      'Auf diesem Gerät gibt es keinen Passkey für diese Website. Melden Sie sich auf andere Weise an.',
    passkey_timed_out:
      'Die Passkey-Anfrage hat zu lange gedauert. Versuchen Sie es erneut oder melden Sie sich auf andere Weise an.',
    organization_required: 'Erstellen oder wählen Sie zuerst eine Organisation: Gehen Sie zu diesem Schritt zurück.',
    forbidden_role: 'Ihre Rolle in dieser Organisation erlaubt das nicht.',
    json_required: 'Die Anfrage muss einen JSON-Inhalt senden.',
    starting: 'Der Dienst startet gerade. Versuchen Sie es gleich noch einmal.',
    oauth_attempt: 'Dieser Anmeldeversuch ist abgelaufen oder wurde bereits verwendet. Versuchen Sie es erneut.',
    oauth_provider:
      'Der Anbieter hat nicht bestätigt, wer Sie sind. Versuchen Sie es erneut oder melden Sie sich auf andere Weise an.',
    oauth_no_email:
      'Der Anbieter hat Ihre E-Mail-Adresse nicht übermittelt, die diese Website braucht. Melden Sie sich auf andere Weise an.',
    oauth_account_exists:
      'Ein Konto mit dieser E-Mail-Adresse existiert bereits. Melden Sie sich auf andere Weise daran an und verbinden Sie dann diesen Anbieter in Ihrem Konto.',
    oauth_sign_up_closed:
      'Hier können keine neuen Konten erstellt werden. Melden Sie sich auf andere Weise bei einem bestehenden Konto an.',
  },
  tooManyRequestsWait: (when) => `Zu viele Versuche. Versuchen Sie es ${when} erneut.`,
  deletionNotice: {
    text: (date) => `Die Löschung Ihres Kontos ist für den ${date} geplant.`,
    cancel: 'Löschung abbrechen',
    cancelled: 'Die Löschung ist abgebrochen: Ihr Konto bleibt bestehen.',
  },
  userButton: {
    menu: (name) => `Konto: ${name}`,
    account: 'Ihr Konto',
    signOut: 'Abmelden',
    signIn: 'Anmelden',
  },
  card: {
    passkeyWaiting: 'Warten auf Ihren Passkey…',
    passkeyWaitingHint:
      'Folgen Sie der Aufforderung Ihres Browsers, oder brechen Sie ab, um sich auf andere Weise anzumelden.',
    cancel: 'Abbrechen',
    waitButton: (label, left) => `${label} (${left})`,
    tryAgainNow: 'Sie können es jetzt erneut versuchen.',
    originNotAllowed: 'Die Anmeldung ist auf dieser Seite nicht verfügbar.',
    originNotAllowedDev: (origin) =>
      `Der Ursprung ${origin} dieser Seite steht nicht in ACCT_ALLOWED_ORIGINS auf dem acct-Server. Tragen Sie ihn dort ein (ACCT_ALLOWED_ORIGINS=${origin}) und starten Sie den Server neu.`,
    signedOut: {
      revoked: 'Sie wurden auf einem anderen Gerät abgemeldet.',
      expired: 'Ihre Sitzung ist beendet. Melden Sie sich erneut an.',
    },
    dismiss: 'Schließen',
    handOver: {
      title: (email, product) => `Als ${email} bei ${product} anmelden?`,
      explain:
        'Sie haben einen Anmeldelink geöffnet, der nicht in diesem Browser angefordert wurde. Fahren Sie nur fort, wenn Sie ihn selbst angefordert haben.',
      explainInvitation:
        'Sie haben eine Einladung an diese Adresse angenommen. Fahren Sie nur fort, wenn sie an Sie gesendet wurde.',
      replaces: (current) =>
        `Sie sind als ${current} angemeldet; wenn Sie fortfahren, werden Sie von diesem Konto abgemeldet.`,
      continue: 'Weiter',
      cancel: 'Abbrechen',
    },
  },
  fields: {
    required: 'Füllen Sie dieses Feld aus.',
    too_short: 'Das ist zu kurz.',
    too_long: 'Das ist zu lang.',
    invalid_email: 'Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.',
    invalid_time: 'Geben Sie eine Uhrzeit ein, z. B. 22:00.',
    invalid_time_zone: 'Wählen Sie eine Zeitzone aus der Liste.',
    invalid_characters: 'Entfernen Sie die Sonderzeichen.',
    invalid_url: 'Geben Sie eine vollständige Webadresse ein, beginnend mit https://.',
    duplicate_day: 'Wählen Sie jeden Tag nur einmal.',
    too_large: 'Hier sind zu viele Daten.',
    invalid: 'Prüfen Sie dieses Feld.',
  },
};

/** The same strings, under the name every language's core gives them (chunks.ts). */
export { de as strings };

/** Where this language's areas are (chunks.ts): fetched only when a page shows this language. */
export const areas: AreaChunks = {
  account: () => import('./de-account.js'),
  'api-tokens': () => import('./de-api-tokens.js'),
  'connected-apps': () => import('./de-connected-apps.js'),
  mfa: () => import('./de-mfa.js'),
  notifications: () => import('./de-notifications.js'),
  onboarding: () => import('./de-onboarding.js'),
  providers: () => import('./de-providers.js'),
  reauth: () => import('./de-reauth.js'),
  'second-factor': () => import('./de-second-factor.js'),
  security: () => import('./de-security.js'),
  webhooks: () => import('./de-webhooks.js'),
};
