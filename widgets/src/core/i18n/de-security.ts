/**
 * German: the security elements’ sections and error messages (en-security.ts).
 */
import type { SecuritySections, securityErrorsEn } from './en-security.js';

export const securityDe: SecuritySections = {
  methods: {
    password: 'Passwort',
    magic_link: 'Link per E-Mail',
    passkey: 'Passkey',
    oauth: 'Single Sign-on',
    mfa: 'Bestätigung in zwei Schritten',
  },
  device: {
    desktop: 'Computer',
    mobile: 'Smartphone',
    tablet: 'Tablet',
    unknown: 'Unbekanntes Gerät',
    browserOnOs: (browser, os) => `${browser} unter ${os}`,
    unknownPlace: 'Unbekannter Ort',
  },
  genericNames: {
    desktop: (os) => `${os}-Computer`,
    mobile: (os) => `${os}-Smartphone`,
    tablet: (os) => `${os}-Tablet`,
    unknown: (os) => `${os}-Gerät`,
    passkey: 'Passkey',
  },
  sessions: {
    title: 'Wo Sie angemeldet sind',
    thisDevice: 'Dieses Gerät',
    lastActive: (when) => `Aktiv ${when}`,
    signedInWith: (method) => `Angemeldet mit: ${method}`,
    revoke: 'Abmelden',
    revokeLabel: (device) => `${device} abmelden`,
    confirmRevoke: (device) => `${device} abmelden? Dort ist dann eine neue Anmeldung nötig.`,
    revokeOthers: 'Alle anderen Geräte abmelden',
    confirmRevokeOthers: 'Alle anderen Geräte abmelden? Dort ist dann eine neue Anmeldung nötig.',
    confirm: 'Ja, abmelden',
    cancel: 'Abbrechen',
    revoked: (device) => `${device} ist abgemeldet.`,
    revokedOthers: (count) =>
      count === 1 ? 'Ein anderes Gerät ist abgemeldet.' : `${count} andere Geräte sind abgemeldet.`,
    signedOut: 'Melden Sie sich an, um die Geräte zu sehen, auf denen Sie angemeldet sind.',
    loadFailed: 'Ihre Geräte konnten nicht geladen werden.',
  },
  history: {
    title: 'Letzte Anmeldeaktivität',
    events: {
      login_success: 'Angemeldet',
      login_failed: 'Anmeldung fehlgeschlagen',
      second_factor_required: 'Erster Schritt einer Anmeldung',
      logout: 'Abgemeldet',
      password_reset: 'Passwort zurückgesetzt',
      password_changed: 'Passwort geändert',
      email_changed: 'E-Mail-Adresse geändert',
      email_change_undone: 'E-Mail-Änderung rückgängig gemacht',
      reauthenticated: 'Identität bestätigt',
      reauthentication_failed: 'Identitätsbestätigung fehlgeschlagen',
      unknown: 'Kontoaktivität',
    },
    succeeded: 'Erfolgreich',
    failed: 'Fehlgeschlagen',
    reasons: {
      wrong_password: 'falsches Passwort',
      no_password: 'dieses Konto hat kein Passwort',
      email_not_verified: 'E-Mail-Adresse nicht bestätigt',
      too_many_requests: 'zu viele Versuche',
      passkey_verification_failed: 'der Passkey konnte nicht geprüft werden',
      counter_regression: 'der Passkey sieht kopiert aus',
      oauth_account_exists: 'ein Anbieterkonto mit dieser Adresse wollte sich anmelden; es ist nicht verknüpft',
    },
    reason: (reason) => `Grund: ${reason}`,
    loadMore: 'Ältere Aktivität anzeigen',
    empty: 'Noch keine Anmeldeaktivität.',
    signedOut: 'Melden Sie sich an, um Ihre Anmeldeaktivität zu sehen.',
    loadFailed: 'Ihre Anmeldeaktivität konnte nicht geladen werden.',
  },
  passkeys: {
    title: 'Passkeys',
    intro: 'Melden Sie sich per Fingerabdruck, Gesicht oder Bildschirmsperre an statt mit einem Passwort.',
    add: 'Passkey hinzufügen',
    added: (name) => `${name} ist hinzugefügt.`,
    addCancelled: 'Es wurde kein Passkey hinzugefügt.',
    unsupported: 'Dieser Browser kann keine Passkeys erstellen.',
    disabled: 'Passkeys sind auf dieser Website nicht aktiviert.',
    empty: 'Sie haben noch keine Passkeys.',
    synced: 'Synchronisiert',
    syncedHint: 'Verfügbar auf Ihren Geräten, die diesen Passwortmanager oder dieses Konto teilen.',
    deviceOnly: 'Nur dieses Gerät',
    deviceOnlyHint: 'Liegt auf dem einen Gerät oder Sicherheitsschlüssel, der ihn erstellt hat.',
    created: (when) => `Hinzugefügt ${when}`,
    lastUsed: (when) => `zuletzt verwendet ${when}`,
    neverUsed: 'nie verwendet',
    rename: 'Umbenennen',
    renameLabel: (name) => `${name} umbenennen`,
    nameLabel: 'Name des Passkeys',
    nameMissing: 'Geben Sie einen Namen ein.',
    save: 'Speichern',
    cancel: 'Abbrechen',
    renamed: (name) => `Umbenannt in ${name}.`,
    remove: 'Entfernen',
    removeLabel: (name) => `${name} entfernen`,
    confirmRemove: (name) =>
      `${name} entfernen? Sie können sich dann nicht mehr damit anmelden, und die Geräte, die sich damit angemeldet haben, werden abgemeldet.`,
    confirm: 'Ja, entfernen',
    removed: (name) => `${name} ist entfernt.`,
    sessionsEnded: (count) => {
      if (count === 0) return '';
      return count === 1
        ? 'Ein Gerät, das sich damit angemeldet hatte, ist abgemeldet.'
        : `${count} Geräte, die sich damit angemeldet hatten, sind abgemeldet.`;
    },
    signedOut: 'Melden Sie sich an, um Ihre Passkeys zu sehen.',
    loadFailed: 'Ihre Passkeys konnten nicht geladen werden.',
  },
  connectedAccounts: {
    title: 'Verbundene Konten',
    intro: 'Konten bei anderen Diensten, mit denen Sie sich anmelden können.',
    empty: 'Sie haben noch kein Konto verbunden.',
    linked: (when) => `Verbunden ${when}`,
    lastUsed: (when) => `zuletzt verwendet ${when}`,
    neverUsed: 'noch nicht zur Anmeldung verwendet',
    unlink: 'Trennen',
    unlinkLabel: (name) => `${name} trennen`,
    confirmUnlink: (name) => `${name} trennen? Sie können sich dann nicht mehr damit anmelden.`,
    confirm: 'Ja, trennen',
    cancel: 'Abbrechen',
    unlinked: (name) => `${name} ist getrennt.`,
    lastMethod:
      'Dies ist Ihre einzige Anmeldemöglichkeit, daher kann sie nicht getrennt werden. Fügen Sie zuerst ein Passwort oder einen Passkey hinzu.',
    link: (name) => `${name} verknüpfen`,
    linkTitle: 'Weiteres Konto verknüpfen',
    linkDone: (name) => `${name} ist verknüpft. Sie können sich jetzt damit anmelden.`,
    signedOut: 'Melden Sie sich an, um Ihre verbundenen Konten zu sehen.',
    loadFailed: 'Ihre verbundenen Konten konnten nicht geladen werden.',
  },
};

export const securityErrorsDe: typeof securityErrorsEn = {
  last_sign_in_method:
    'Dies ist Ihre einzige Anmeldemöglichkeit. Fügen Sie ein Passwort oder einen weiteren Passkey hinzu, bevor Sie sie entfernen.',
  already_linked:
    'Dieses Konto ist bereits mit einem anderen unserer Konten verknüpft. Melden Sie sich damit an, um jenes zu verwenden.',
  link_failed: 'Die Verknüpfung wurde nicht abgeschlossen. Versuchen Sie es erneut.',
  link_expired: 'Diese Verknüpfungsanfrage ist abgelaufen oder wurde bereits verwendet. Versuchen Sie es erneut.',
  provider_tokens_disabled: 'Dieser Server speichert keine Tokens von Anmeldeanbietern.',
  provider_not_configured: 'Dieser Anmeldeanbieter ist auf diesem Server nicht eingerichtet.',
  provider_account_not_linked: 'Dieses Konto ist nicht mit diesem Anbieter verbunden.',
  provider_tokens_not_stored:
    'Es ist noch kein Zugang zum Anbieter gespeichert. Melden Sie sich erneut beim Anbieter an.',
  provider_tokens_unreadable:
    'Der gespeicherte Zugang zum Anbieter kann nicht gelesen werden. Melden Sie sich erneut beim Anbieter an.',
  provider_refresh_unavailable: 'Der Zugang zum Anbieter ist abgelaufen. Melden Sie sich erneut beim Anbieter an.',
  provider_refresh_failed:
    'Der Anbieter hat die Verlängerung des Zugangs abgelehnt. Melden Sie sich erneut beim Anbieter an.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...securityDe, errors: securityErrorsDe };
