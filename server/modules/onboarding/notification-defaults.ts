/**
 * The notification preferences the `preferences` step writes (the seed's
 * `notification_preferences` and `notification_quiet_hours`): the event types the step shows, with
 * their categories and default email choice taken from the notification catalogue (the one source
 * of defaults, notifications/catalogue.ts); the user's choices override them.
 */
import { BUILT_IN_NOTIFICATIONS } from '../notifications/catalogue';

/** The event types the step's table shows, in its order (widgets/src/elements/onboarding/steps/preferences.ts). */
const STEP_EVENT_TYPES = [
  'new_sign_in',
  'password_changed',
  'mentions',
  'comments',
  'assignments',
  'product_updates',
  'newsletter',
] as const;

export type NotificationEventType = (typeof STEP_EVENT_TYPES)[number];

export const NOTIFICATION_EVENTS = STEP_EVENT_TYPES.map((eventType) => {
  const entry = BUILT_IN_NOTIFICATIONS.find((e) => e.eventType === eventType);
  if (!entry) throw new Error(`onboarding shows ${eventType}, which the notification catalogue lacks`);
  return {
    category: entry.category,
    eventType,
    email: entry.channels.email,
    push: entry.channels.push,
    inApp: entry.channels.in_app,
    frequency: entry.frequency,
  };
});

export const NOTIFICATION_EVENT_TYPES: [NotificationEventType, ...NotificationEventType[]] = [...STEP_EVENT_TYPES];
