/**
 * Notifications (server/modules/notifications/, docs/notifications.md): the signed-in user's
 * in-app feed, their preferences per event type and channel, their quiet hours, and the site
 * backend's call that notifies a user of one of the site's own event types.
 */
import { z } from 'zod';
import { NOTIFICATION_FREQUENCIES } from './constants.js';
import { CommonErrors } from './errors.js';
import type { EmptyBody } from './onboarding.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

export { NOTIFICATION_FREQUENCIES };

/** How often email for an event type goes out: at once, or folded into a daily or weekly digest. */
export type NotificationFrequency = (typeof NOTIFICATION_FREQUENCIES)[number];

/** One entry of the in-app feed. */
export interface AppNotification {
  id: string;
  eventType: string;
  category: string;
  title: string;
  body: string;
  /** Where acting on it leads (an https address), or null. */
  url: string | null;
  readAt: Timestamp | null;
  createdAt: Timestamp;
}

/** `GET /api/notifications?limit=&cursor=`: newest first. */
export const NotificationFeedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export interface NotificationFeed {
  notifications: AppNotification[];
  /** Unread in the whole feed, not only this page: the bell's badge. */
  unreadCount: number;
  /** Null on the last page. */
  nextCursor: string | null;
}

/** One row of the settings matrix: an event type of the catalogue with the user's choices (or the defaults). */
export interface NotificationPreference {
  eventType: string;
  /** The site's own name for one of its event types; null for acct's, which the elements translate. */
  label: string | null;
  category: string;
  email: boolean;
  push: boolean;
  inApp: boolean;
  frequency: NotificationFrequency;
  /** False for security events: their channels stay on. */
  canDisable: boolean;
}

export interface QuietHoursSettings {
  enabled: boolean;
  /** `HH:MM`, 24-hour. */
  start: string;
  end: string;
  /** IANA time zone the times are in. */
  timeZone: string;
  /** Sunday = 0; a window belongs to the day it starts on. */
  days: number[];
}

/** `GET /api/notifications/settings`. */
export interface NotificationSettings {
  preferences: NotificationPreference[];
  quietHours: QuietHoursSettings;
}

/** `PUT /api/notifications/preferences/:eventType`: only the fields that change. */
export const PreferenceBody = z
  .object({
    email: z.boolean(),
    push: z.boolean(),
    inApp: z.boolean(),
    frequency: z.enum(NOTIFICATION_FREQUENCIES),
  })
  .partial()
  .strict();

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time');

/** `PUT /api/notifications/quiet-hours`. */
export const QuietHoursBody = z
  .object({
    enabled: z.boolean(),
    start: time,
    end: time,
    timeZone: z
      .string()
      .max(100)
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'invalid_time_zone'),
    days: z
      .array(z.number().int().min(0).max(6))
      .max(7)
      .refine((d) => new Set(d).size === d.length, 'duplicate_day'),
  })
  .strict();

/** `POST /api/server/notifications` (site backend, `Authorization: Bearer <ACCT_SITE_SECRET>`). */
export const SiteNotificationBody = z
  .object({
    userId: z.uuid(),
    eventType: z.string().min(1).max(100),
    title: z.string().trim().min(1).max(200),
    body: z.string().max(2000).default(''),
    url: z
      .url({ protocol: /^https$/ })
      .max(2000)
      .nullable()
      .default(null),
  })
  .strict();

export const NotificationErrors = {
  not_found: CommonErrors.not_found,
  notification_locked: {
    status: 409,
    message: 'Security notifications cannot be turned off: they tell you when someone else may be using your account.',
  },
  unknown_event_type: { status: 400, message: 'This event type is not in the notification catalogue.' },
  site_notifications_disabled: { status: 404, message: 'Site notifications are off: ACCT_SITE_SECRET is not set.' },
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface NotificationRoutes {
  'GET /api/notifications': Route<never, NotificationFeed, { cursor?: string; limit?: number }>;
  'POST /api/notifications/:id/read': Route<z.input<typeof EmptyBody>, { read: true }>;
  'POST /api/notifications/read-all': Route<z.input<typeof EmptyBody>, { read: number }>;
  'GET /api/notifications/settings': Route<never, NotificationSettings>;
  'PUT /api/notifications/preferences/:eventType': Route<z.input<typeof PreferenceBody>, NotificationPreference>;
  'PUT /api/notifications/quiet-hours': Route<z.input<typeof QuietHoursBody>, QuietHoursSettings>;
  'POST /api/server/notifications': Route<z.input<typeof SiteNotificationBody>, { notified: true }>;
}
