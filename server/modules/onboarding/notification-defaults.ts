/**
 * The notification preferences the `preferences` step writes (the seed's
 * `notification_preferences` and `notification_quiet_hours`): a sensible default set of
 * categories and events, which the user's choices override.
 */
export const NOTIFICATION_EVENTS = [
  { category: 'security', eventType: 'new_sign_in', email: true },
  { category: 'security', eventType: 'password_changed', email: true },
  { category: 'activity', eventType: 'mentions', email: true },
  { category: 'activity', eventType: 'comments', email: true },
  { category: 'activity', eventType: 'assignments', email: true },
  { category: 'updates', eventType: 'product_updates', email: true },
  // Marketing mail is opt-in.
  { category: 'marketing', eventType: 'newsletter', email: false },
] as const;

export type NotificationEventType = (typeof NOTIFICATION_EVENTS)[number]['eventType'];
export const NOTIFICATION_EVENT_TYPES = NOTIFICATION_EVENTS.map((e) => e.eventType) as [
  NotificationEventType,
  ...NotificationEventType[],
];
