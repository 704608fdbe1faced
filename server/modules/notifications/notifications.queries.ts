/**
 * The notifications module's SQL, the only file of it that touches Knex. The user's own rows
 * (`notification_preferences`, `notification_quiet_hours`, `notifications`) are read and written
 * inside a transaction switched to the user (asUser, RLS); the dispatcher and the release job work
 * on the service connection, which they are given (`db`), for any user.
 */
import type { Knex } from 'knex';
import type { NotificationPreferenceRow, NotificationQuietHoursRow } from '../../db/tables';
import type { ChannelName } from './channel';

type Db = Knex | Knex.Transaction;

export interface NotificationRow {
  id: string;
  user_id: string;
  event_type: string;
  category: string;
  title: string;
  body: string;
  url: string | null;
  read_at: Date | null;
  created_at: Date;
  /** `created_at` with microseconds, in UTC (the page cursor). */
  cursor_at: string;
}

export interface OutboxRow {
  id: string;
  user_id: string;
  event_type: string;
  category: string;
  title: string;
  body: string;
  url: string | null;
  channels: ChannelName[];
  digest: 'daily' | 'weekly' | null;
  deliver_after: Date;
  created_at: Date;
}

export type NewOutboxRow = Omit<OutboxRow, 'id' | 'created_at'>;

/** The user's stored preferences (missing event types: the catalogue's defaults) and quiet hours. */
export async function selectChoices(
  db: Db,
  eventType?: string,
): Promise<{ preferences: NotificationPreferenceRow[]; quietHours: NotificationQuietHoursRow | undefined }> {
  const preferences = db<NotificationPreferenceRow>('notification_preferences').select('*');
  if (eventType) preferences.where({ event_type: eventType });
  return {
    preferences: await preferences,
    quietHours: await db<NotificationQuietHoursRow>('notification_quiet_hours').first('*'),
  };
}

/** The same, for any user, on the service connection (the dispatcher). */
export async function selectChoicesOf(db: Db, userId: string, eventType: string) {
  return {
    preference: await db<NotificationPreferenceRow>('notification_preferences')
      .where({ user_id: userId, event_type: eventType })
      .first('*'),
    quietHours: await db<NotificationQuietHoursRow>('notification_quiet_hours').where({ user_id: userId }).first('*'),
  };
}

export async function upsertPreference(
  trx: Knex.Transaction,
  row: Pick<
    NotificationPreferenceRow,
    'user_id' | 'category' | 'event_type' | 'email_enabled' | 'push_enabled' | 'in_app_enabled' | 'frequency'
  >,
): Promise<void> {
  await trx('notification_preferences').insert(row).onConflict(['user_id', 'event_type']).merge();
}

export async function upsertQuietHours(
  trx: Knex.Transaction,
  row: Omit<NotificationQuietHoursRow, 'id'>,
): Promise<void> {
  await trx('notification_quiet_hours').insert(row).onConflict('user_id').merge();
}

/** Up to `limit` of the user's feed (RLS-bound), newest first, strictly before `after`. */
export async function selectFeed(
  trx: Knex.Transaction,
  limit: number,
  after: { createdAt: string; id: string } | undefined,
): Promise<NotificationRow[]> {
  const query = trx('notifications')
    .select(
      'id',
      'user_id',
      'event_type',
      'category',
      'title',
      'body',
      'url',
      'read_at',
      'created_at',
      trx.raw(`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`),
    )
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit);
  if (after) query.whereRaw('(created_at, id) < (?::timestamptz, ?::uuid)', [after.createdAt, after.id]);
  return (await query) as NotificationRow[];
}

export async function countUnread(trx: Knex.Transaction): Promise<number> {
  const row = await trx('notifications').whereNull('read_at').count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** Marks one of the user's notifications read (already read: unchanged); false when there is none such. */
export async function markRead(trx: Knex.Transaction, id: string): Promise<boolean> {
  const found = await trx('notifications').where({ id }).first('id');
  if (!found) return false;
  await trx('notifications').where({ id }).whereNull('read_at').update({ read_at: trx.fn.now() });
  return true;
}

export async function markAllRead(trx: Knex.Transaction): Promise<number> {
  return trx('notifications').whereNull('read_at').update({ read_at: trx.fn.now() });
}

export async function insertNotification(
  db: Db,
  row: { user_id: string; event_type: string; category: string; title: string; body: string; url: string | null },
): Promise<void> {
  await db('notifications').insert(row);
}

export async function insertOutbox(db: Db, row: NewOutboxRow): Promise<void> {
  await db('notification_outbox').insert({ ...row, channels: JSON.stringify(row.channels) });
}

/**
 * Takes the outbox rows due at `now` out of the table, oldest first, locking them so that a second
 * release running at once skips them: the caller delivers them in the same transaction.
 */
export async function takeDueOutbox(trx: Knex.Transaction, now: Date, limit = 500): Promise<OutboxRow[]> {
  const due = trx('notification_outbox')
    .select('id')
    .where('deliver_after', '<=', now)
    .orderBy([{ column: 'deliver_after' }, { column: 'created_at' }])
    .limit(limit)
    .forUpdate()
    .skipLocked();
  const rows = (await trx('notification_outbox').whereIn('id', due).delete().returning('*')) as OutboxRow[];
  return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
}

/** Where and in which language a user's notification mail goes. */
export async function selectRecipient(
  db: Db,
  userId: string,
): Promise<{ email: string; locale: string | null } | undefined> {
  return db('auth.users').where({ id: userId }).first('email', 'locale');
}

export async function selectOrganizationName(db: Db, organizationId: string): Promise<string> {
  const row = await db('organizations').where({ id: organizationId }).first('name');
  return String(row?.name ?? '');
}
