/**
 * The login-history module's queries — the only code of the module that touches Knex or SQL.
 * The seed's `login_history`: every sign-in success and failure (with its reason), sign-out,
 * password reset and change, with method, address, device and place. Written on the service
 * connection (a failed sign-in has no session to act as); read by the user through RLS, newest
 * first, paged by an opaque cursor.
 */
import type { Knex } from 'knex';
import type { LoginEvent, LoginEventType } from '../../../contract/login-history';
import type { AuthMethod } from '../../../contract/sessions';
import { asUser } from '../../db/as-user';
import type { LoginHistoryRow } from '../../db/tables';
import type { RequestContext } from '../sessions/request-context';

export interface LoginRecord {
  userId: string;
  event: LoginEventType;
  method: AuthMethod | null;
  success: boolean;
  failureReason?: string;
  context: RequestContext;
}

export async function recordLogin(db: Knex | Knex.Transaction, record: LoginRecord): Promise<void> {
  const { device, ip, location } = record.context;
  await db('login_history').insert({
    user_id: record.userId,
    event_type: record.event,
    auth_method: record.method,
    ip_address: ip ?? null,
    device_info: JSON.stringify(device),
    location: location ? JSON.stringify(location) : null,
    success: record.success,
    failure_reason: record.failureReason ?? null,
  });
}

/**
 * True when the user has signed in before, but never from this kind of device (same type,
 * browser and OS): the trigger for a new-device security email. The very first sign-in is not
 * "new": there is nothing to compare it with.
 */
export async function isNewDevice(
  db: Knex | Knex.Transaction,
  userId: string,
  context: RequestContext,
): Promise<boolean> {
  // Two EXISTS probes rather than counting the whole history: the cost stays flat however long
  // an account's history grows, and a sign-in pays it every time.
  const { rows } = await db.raw<{ rows: { any_before: boolean; seen_before: boolean }[] }>(
    `select exists (select 1 from login_history where user_id = ? and event_type = 'login_success') as any_before,
            exists (select 1 from login_history where user_id = ? and event_type = 'login_success'
                      and device_info->>'type' is not distinct from ? and device_info->>'browser' is not distinct from ?
                      and device_info->>'os' is not distinct from ?) as seen_before`,
    [userId, userId, context.device.type, context.device.browser, context.device.os],
  );
  return Boolean(rows[0]?.any_before) && !rows[0]?.seen_before;
}

/**
 * A `login_history` row as recordLogin writes it (the columns are plain varchar and jsonb), with
 * the exact time as the page cursor keeps it.
 */
export interface HistoryRow extends LoginHistoryRow {
  event_type: LoginEventType;
  auth_method: AuthMethod | null;
  device_info: LoginEvent['device'];
  location: LoginEvent['location'];
  /** `created_at` with microseconds, in UTC: a JavaScript Date has only milliseconds. */
  cursor_at: string;
}

/**
 * Up to `limit` rows of the user's own history (RLS-bound), newest first, strictly before
 * `after` when given (the last row of the previous page).
 */
export async function selectHistory(
  knex: Knex,
  userId: string,
  limit: number,
  after: { createdAt: string; id: string } | undefined,
): Promise<HistoryRow[]> {
  const rows = await asUser(knex, userId, (trx) => {
    const query = trx('login_history')
      .select('*', trx.raw(`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`))
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    if (after) query.whereRaw('(created_at, id) < (?::timestamptz, ?::uuid)', [after.createdAt, after.id]);
    return query.limit(limit);
  });
  return rows as unknown as HistoryRow[];
}
