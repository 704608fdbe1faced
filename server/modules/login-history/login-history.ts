/**
 * The seed's `login_history`: every sign-in success and failure (with its reason), sign-out,
 * password reset and change, with method, address, device and place. Written on the service
 * connection (a failed sign-in has no session to act as); read by the user through RLS, newest
 * first, paged by an opaque cursor.
 */
import type { Knex } from 'knex';
import { asUser } from '../../db/as-user';
import type { RequestContext } from '../sessions/request-context';

export type LoginEvent = 'login_success' | 'login_failed' | 'logout' | 'password_reset' | 'password_changed';
export type AuthMethod = 'password' | 'magic_link' | 'passkey' | 'oauth' | 'mfa';

export interface LoginRecord {
  userId: string;
  event: LoginEvent;
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
export async function isNewDevice(db: Knex | Knex.Transaction, userId: string, context: RequestContext): Promise<boolean> {
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

export interface LoginHistoryPage {
  events: {
    id: string;
    eventType: string;
    method: string | null;
    success: boolean;
    failureReason: string | null;
    ipAddress: string | null;
    device: Record<string, unknown> | null;
    location: Record<string, unknown> | null;
    createdAt: Date;
  }[];
  nextCursor: string | null;
}

// The cursor keeps microseconds: a JavaScript Date has only milliseconds, and rows of the same
// millisecond would otherwise be skipped or repeated across pages.
const encodeCursor = (createdAt: string, id: string) => Buffer.from(`${createdAt}|${id}`).toString('base64url');

const CURSOR_TIME = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Only what encodeCursor makes gets through: the cursor is client input, and anything PostgreSQL
// cannot cast (`2020`, February 30th, a UUID of dashes) would otherwise fail the query as a 500.
function decodeCursor(cursor: string): { createdAt: string; id: string } | undefined {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || !CURSOR_TIME.test(createdAt) || !UUID.test(id)) return undefined;
  // A real calendar date and time: Date rolls February 30th over to March, so the round trip differs.
  const millis = `${createdAt.slice(0, 23)}Z`;
  if (Number.isNaN(Date.parse(millis)) || new Date(millis).toISOString() !== millis) return undefined;
  return { createdAt, id };
}

/** A page of the user's own history (RLS-bound), newest first; an unreadable cursor starts over. */
export async function listLoginHistory(knex: Knex, userId: string, limit: number, cursor?: string): Promise<LoginHistoryPage> {
  const after = cursor ? decodeCursor(cursor) : undefined;
  const rows = await asUser(knex, userId, (trx) => {
    const query = trx('login_history')
      .select('*', trx.raw(`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`))
      .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
    if (after) query.whereRaw('(created_at, id) < (?::timestamptz, ?::uuid)', [after.createdAt, after.id]);
    return query.limit(limit + 1);
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map((r) => ({
      id: r.id,
      eventType: r.event_type,
      method: r.auth_method,
      success: r.success,
      failureReason: r.failure_reason,
      ipAddress: r.ip_address,
      device: r.device_info,
      location: r.location,
      createdAt: r.created_at,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor((last as unknown as { cursor_at: string }).cursor_at, last.id) : null,
  };
}
