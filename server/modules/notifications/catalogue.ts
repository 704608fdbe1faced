/**
 * The notification catalogue: every event type a user can be notified of, its category, the
 * channels and frequency it has before the user chooses, whether the user may turn it off, and
 * whether it is urgent (ignores quiet hours and digests). Built-in entries cover acct's own events;
 * the operator adds the site's own with ACCT_NOTIFICATION_TYPES (docs/notifications.md), which the
 * site then publishes with `POST /api/server/notifications`. Onboarding's preferences step writes
 * its defaults from here too (onboarding/notification-defaults.ts).
 */
import { z } from 'zod';
import type { NotificationFrequency } from '../../../contract/notifications';
import type { Config } from '../../config';
import type { ChannelName } from './channel';

export interface CatalogueEntry {
  eventType: string;
  /** `security`, `activity`, `updates`, `marketing`, or one of the site's own. */
  category: string;
  /** Channels on before the user chooses. */
  channels: Record<ChannelName, boolean>;
  frequency: NotificationFrequency;
  /** False for security: the user cannot turn its default channels off. */
  canDisable: boolean;
  /** Delivered at once, never held by quiet hours nor folded into a digest. */
  urgent: boolean;
  /** The site's own name for its event type (the elements translate acct's built-in ones). */
  label?: string;
}

const ALL = { email: true, push: true, in_app: true };

const security = (eventType: string): CatalogueEntry => ({
  eventType,
  category: 'security',
  channels: ALL,
  frequency: 'instant',
  canDisable: false,
  urgent: true,
});
const regular = (category: string, eventType: string, channels = ALL): CatalogueEntry => ({
  eventType,
  category,
  channels,
  frequency: 'instant',
  canDisable: true,
  urgent: false,
});

/** acct's own event types. The first seven are the ones onboarding's preferences step shows. */
export const BUILT_IN_NOTIFICATIONS: readonly CatalogueEntry[] = [
  security('new_sign_in'),
  security('password_changed'),
  regular('activity', 'mentions'),
  regular('activity', 'comments'),
  regular('activity', 'assignments'),
  regular('updates', 'product_updates'),
  // Marketing mail is opt-in.
  regular('marketing', 'newsletter', { email: false, push: true, in_app: true }),
  security('passkey_added'),
  security('email_changed'),
  security('passkey_removed'),
  regular('activity', 'organization_created'),
  regular('activity', 'organization_invitation_sent'),
  regular('activity', 'app_connected'),
  regular('updates', 'onboarding_completed'),
  security('mfa_changed'),
  security('recovery_code_used'),
];

const name = z.string().regex(/^[a-z][a-z0-9_.]{0,99}$/, 'lowercase letters, digits, dots and underscores');

/**
 * ACCT_NOTIFICATION_TYPES: a JSON array of the site's own event types. A site type may not be a
 * security one (only acct decides what cannot be turned off), nor reuse a built-in name.
 */
export const SiteNotificationTypes = z.array(
  z
    .object({
      eventType: name,
      label: z.string().trim().min(1).max(100).optional(),
      category: name.refine((c) => c !== 'security', 'the security category is acct’s own').default('activity'),
      email: z.boolean().default(true),
      push: z.boolean().default(true),
      inApp: z.boolean().default(true),
      frequency: z.enum(['instant', 'daily', 'weekly']).default('instant'),
    })
    .strict()
    .refine((t) => !BUILT_IN_NOTIFICATIONS.some((b) => b.eventType === t.eventType), 'a built-in event type'),
);
export type SiteNotificationType = z.infer<typeof SiteNotificationTypes>[number];

/** The whole catalogue on this server: built-ins, then the site's own in the order configured. */
export function notificationCatalogue(config: Pick<Config, 'notificationTypes'>): CatalogueEntry[] {
  return [
    ...BUILT_IN_NOTIFICATIONS,
    ...config.notificationTypes.map((t) => ({
      eventType: t.eventType,
      category: t.category,
      channels: { email: t.email, push: t.push, in_app: t.inApp },
      frequency: t.frequency,
      canDisable: true,
      urgent: false,
      ...(t.label ? { label: t.label } : {}),
    })),
  ];
}

export function catalogueEntry(
  config: Pick<Config, 'notificationTypes'>,
  eventType: string,
): CatalogueEntry | undefined {
  return notificationCatalogue(config).find((e) => e.eventType === eventType);
}
