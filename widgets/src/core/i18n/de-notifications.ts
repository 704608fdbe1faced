/**
 * German, the notification elements' sections of the German string set (de.ts puts it together).
 * Typed as `NotificationSections`, so a key added to en-notifications.ts and missing here fails
 * the build.
 */
import type { NotificationSections, notificationsErrorsEn } from './en-notifications.js';

export const notificationsDe: NotificationSections = {
  notificationsBell: {
    label: (unread) => (unread === 0 ? 'Benachrichtigungen' : `Benachrichtigungen, ${unread} ungelesen`),
    title: 'Benachrichtigungen',
    empty: 'Sie haben keine Benachrichtigungen.',
    markRead: 'Als gelesen markieren',
    markReadLabel: (title) => `Als gelesen markieren: ${title}`,
    markAllRead: 'Alle als gelesen markieren',
    unread: 'Ungelesen',
    more: 'Ältere anzeigen',
    signedOut: 'Melden Sie sich an, um Ihre Benachrichtigungen zu sehen.',
    loadFailed: 'Ihre Benachrichtigungen konnten nicht geladen werden.',
  },
  notificationSettings: {
    title: 'Benachrichtigungen',
    intro: 'Wählen Sie, wie Sie von jeder Art von Ereignis erfahren.',
    categories: {
      security: 'Sicherheit',
      activity: 'Aktivität',
      updates: 'Neuigkeiten',
      marketing: 'News und Angebote',
    },
    events: {
      passkey_added: 'Ein Passkey wird Ihrem Konto hinzugefügt',
      passkey_removed: 'Ein Passkey wird aus Ihrem Konto entfernt',
      mfa_changed: 'Die Bestätigung in zwei Schritten wird ein- oder ausgeschaltet',
      recovery_code_used: 'Ein Wiederherstellungscode wird zur Anmeldung verwendet',
      email_changed: 'Ihre E-Mail-Adresse wird geändert',
      organization_created: 'Eine Organisation wird erstellt',
      organization_invitation_sent: 'Eine Einladung wird gesendet',
      app_connected: 'Eine App wird verbunden',
      onboarding_completed: 'Ihre Einrichtung ist abgeschlossen',
    },
    locked:
      'Sicherheitsbenachrichtigungen sind immer eingeschaltet: Sie melden, wenn jemand anderes Ihr Konto verwenden könnte.',
    pushUnavailable: 'Dieser Browser kann keine Push-Benachrichtigungen empfangen.',
    pushDenied:
      'Dieser Browser hat Benachrichtigungen nicht erlaubt: Erlauben Sie sie in den Website-Einstellungen und versuchen Sie es erneut.',
    pushDevicesTitle: 'Geräte, die Push-Benachrichtigungen empfangen',
    pushDevicesEmpty: 'Noch kein Browser empfängt Push-Benachrichtigungen von Ihrem Konto.',
    pushDeviceAdded: (date) => `Hinzugefügt am ${date}`,
    removePushDevice: 'Entfernen',
    removePushDeviceLabel: (device) => `${device} aus den Push-Benachrichtigungen entfernen`,
    pushDeviceRemoved: (device) => `${device} empfängt keine Push-Benachrichtigungen mehr.`,
    saved: 'Gespeichert.',
    saveFailed: 'Ihre Änderung konnte nicht gespeichert werden; sie wurde zurückgenommen.',
    quietIntro: 'Außer Sicherheitswarnungen warten Benachrichtigungen, bis die Ruhezeiten enden.',
    signedOut: 'Melden Sie sich an, um Ihre Benachrichtigungen einzustellen.',
    loadFailed: 'Ihre Benachrichtigungseinstellungen konnten nicht geladen werden.',
  },
};

export const notificationsErrorsDe: typeof notificationsErrorsEn = {
  notification_locked: 'Sicherheitsbenachrichtigungen können nicht ausgeschaltet werden.',
  unknown_event_type: 'Diese Art von Benachrichtigung ist auf diesem Server nicht bekannt.',
  site_notifications_disabled: 'Website-Benachrichtigungen sind auf diesem Server ausgeschaltet.',
  push_endpoint_not_allowed:
    'Der Benachrichtigungsdienst dieses Browsers kann hier nicht verwendet werden. Versuchen Sie einen anderen Browser.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...notificationsDe, errors: notificationsErrorsDe };
