/**
 * The signed-in user's notification settings: one row per catalogue event type with the user's
 * choices (no stored row: the catalogue's defaults), and their quiet hours (none stored: the seed's
 * defaults, off). Security event types cannot be turned off: the server refuses with
 * `notification_locked` and always reads their channels as the catalogue's.
 */
import type {
  NotificationFrequency,
  NotificationPreference,
  NotificationSettings,
  QuietHoursSettings,
} from '../../../contract/notifications';
import { NotificationErrors, type PreferenceBody } from '../../../contract/notifications';
import type { z } from 'zod';
import { asUser } from '../../db/as-user';
import type { NotificationPreferenceRow, NotificationQuietHoursRow } from '../../db/tables';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { catalogueEntry, notificationCatalogue, type CatalogueEntry } from './catalogue';
import { selectChoices, upsertPreference, upsertQuietHours } from './notifications.queries';

/** The seed's column defaults for a user who never set quiet hours. */
export const DEFAULT_QUIET_HOURS: QuietHoursSettings = {
  enabled: false,
  start: '22:00',
  end: '08:00',
  timeZone: 'UTC',
  days: [0, 1, 2, 3, 4, 5, 6],
};

const isFrequency = (value: string | null | undefined): value is NotificationFrequency =>
  value === 'instant' || value === 'daily' || value === 'weekly';

/** What applies to `entry` for a user with `row` stored (or none). */
export function effectivePreference(entry: CatalogueEntry, row?: NotificationPreferenceRow): NotificationPreference {
  const locked = !entry.canDisable;
  const pick = (stored: boolean | null | undefined, fallback: boolean) => (locked ? fallback : (stored ?? fallback));
  return {
    eventType: entry.eventType,
    label: entry.label ?? null,
    category: entry.category,
    email: pick(row?.email_enabled, entry.channels.email),
    push: pick(row?.push_enabled, entry.channels.push),
    inApp: pick(row?.in_app_enabled, entry.channels.in_app),
    frequency: !locked && isFrequency(row?.frequency) ? row.frequency : entry.frequency,
    canDisable: entry.canDisable,
  };
}

/** A stored quiet-hours row as the API and quietHoursEnd read it. */
export function quietHoursOf(row: NotificationQuietHoursRow | undefined): QuietHoursSettings {
  if (!row) return DEFAULT_QUIET_HOURS;
  return {
    enabled: row.enabled ?? DEFAULT_QUIET_HOURS.enabled,
    start: row.start_time?.slice(0, 5) ?? DEFAULT_QUIET_HOURS.start,
    end: row.end_time?.slice(0, 5) ?? DEFAULT_QUIET_HOURS.end,
    timeZone: row.timezone ?? DEFAULT_QUIET_HOURS.timeZone,
    days: row.days_of_week ?? DEFAULT_QUIET_HOURS.days,
  };
}

export async function getSettings({ config, db }: Services, userId: string): Promise<NotificationSettings> {
  const { preferences, quietHours } = await asUser(db.knex, userId, (trx) => selectChoices(trx));
  return {
    preferences: notificationCatalogue(config).map((entry) =>
      effectivePreference(
        entry,
        preferences.find((p) => p.event_type === entry.eventType),
      ),
    ),
    quietHours: quietHoursOf(quietHours),
  };
}

/** Whether `change` would turn off anything a locked (security) entry keeps on. */
function turnsOffLocked(entry: CatalogueEntry, change: z.infer<typeof PreferenceBody>): boolean {
  if (entry.canDisable) return false;
  return (
    (change.email === false && entry.channels.email) ||
    (change.push === false && entry.channels.push) ||
    (change.inApp === false && entry.channels.in_app) ||
    (change.frequency !== undefined && change.frequency !== entry.frequency)
  );
}

export async function updatePreference(
  { config, db }: Services,
  userId: string,
  eventType: string,
  change: z.infer<typeof PreferenceBody>,
): Promise<NotificationPreference> {
  const entry = catalogueEntry(config, eventType);
  if (!entry) throw ApiError.of(NotificationErrors, 'not_found');
  if (turnsOffLocked(entry, change)) throw ApiError.of(NotificationErrors, 'notification_locked');
  return asUser(db.knex, userId, async (trx) => {
    const { preferences } = await selectChoices(trx, eventType);
    const current = effectivePreference(entry, preferences[0]);
    const next = { ...current, ...change };
    await upsertPreference(trx, {
      user_id: userId,
      category: entry.category,
      event_type: entry.eventType,
      email_enabled: next.email,
      push_enabled: next.push,
      in_app_enabled: next.inApp,
      frequency: next.frequency,
    });
    return next;
  });
}

export async function updateQuietHours(
  { db }: Services,
  userId: string,
  quiet: QuietHoursSettings,
): Promise<QuietHoursSettings> {
  const days = [...quiet.days].sort((a, b) => a - b);
  await asUser(db.knex, userId, (trx) =>
    upsertQuietHours(trx, {
      user_id: userId,
      enabled: quiet.enabled,
      start_time: quiet.start,
      end_time: quiet.end,
      timezone: quiet.timeZone,
      days_of_week: days,
    }),
  );
  return { ...quiet, days };
}
