/**
 * English, the notification elements' sections (`<acct-notifications-bell>`,
 * `<acct-notification-settings>`) of the one English string set, which en.ts puts together. Event
 * type, channel and frequency names are shared with onboarding's preferences step (en-onboarding.ts).
 */
export const notificationsEn = {
  notificationsBell: {
    /** The bell's accessible name, with the unread count. */
    label: (unread: number) => (unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`),
    title: 'Notifications',
    empty: 'You have no notifications.',
    markRead: 'Mark as read',
    markReadLabel: (title: string) => `Mark as read: ${title}`,
    markAllRead: 'Mark all as read',
    unread: 'Unread',
    more: 'Show older',
    signedOut: 'Sign in to see your notifications.',
    loadFailed: 'Your notifications could not be loaded.',
  },
  notificationSettings: {
    title: 'Notifications',
    intro: 'Choose how you hear about each kind of event.',
    categories: {
      security: 'Security',
      activity: 'Activity',
      updates: 'Updates',
      marketing: 'News and offers',
    } as Record<string, string>,
    events: {
      passkey_added: 'A passkey is added to your account',
      passkey_removed: 'A passkey is removed from your account',
      mfa_changed: 'Two-step verification is turned on or off',
      recovery_code_used: 'A recovery code is used to sign in',
      email_changed: 'Your email address is changed',
      organization_created: 'An organization is created',
      organization_invitation_sent: 'An invitation is sent',
      app_connected: 'An app is connected',
      onboarding_completed: 'Your setup is complete',
    } as Record<string, string>,
    locked: 'Security notifications are always on: they tell you when someone else may be using your account.',
    pushUnavailable: 'This browser cannot receive push notifications.',
    pushDenied: 'This browser did not allow notifications: allow them in its site settings, then try again.',
    pushDevicesTitle: 'Devices receiving push notifications',
    pushDevicesEmpty: 'No browser receives push notifications from your account yet.',
    pushDeviceAdded: (date: string) => `Added ${date}`,
    removePushDevice: 'Remove',
    removePushDeviceLabel: (device: string) => `Stop push notifications on ${device}`,
    pushDeviceRemoved: (device: string) => `${device} no longer receives push notifications.`,
    saved: 'Saved.',
    saveFailed: 'Your change could not be saved; it was undone.',
    quietIntro: 'Outside security alerts, notifications wait until quiet hours end.',
    signedOut: 'Sign in to choose your notifications.',
    loadFailed: 'Your notification settings could not be loaded.',
  },
};

export type NotificationSections = typeof notificationsEn;

export const notificationsErrorsEn = {
  notification_locked: 'Security notifications cannot be turned off.',
  unknown_event_type: 'This kind of notification is not known on this server.',
  site_notifications_disabled: 'Site notifications are turned off on this server.',
  push_endpoint_not_allowed: 'This browser’s notification service cannot be used here. Try another browser.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...notificationsEn, errors: notificationsErrorsEn };
