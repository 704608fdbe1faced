/**
 * The user's own login history as `GET /api/login-history` pages it: newest first, by an opaque
 * cursor that is only ever what this file made.
 */
import type { LoginHistoryPage } from '../../../contract/login-history';
import { iso } from '../../../contract/wire';
import type { Services } from '../../services';
import { selectHistory } from './login-history.queries';

// The cursor keeps microseconds: a JavaScript Date has only milliseconds, and rows of the same
// millisecond would otherwise be skipped or repeated across pages.
export const encodeCursor = (createdAt: string, id: string) => Buffer.from(`${createdAt}|${id}`).toString('base64url');

const CURSOR_TIME = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Only what encodeCursor makes gets through: the cursor is client input, and anything PostgreSQL
// cannot cast (`2020`, February 30th, a UUID of dashes) would otherwise fail the query as a 500.
export function decodeCursor(cursor: string): { createdAt: string; id: string } | undefined {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || !CURSOR_TIME.test(createdAt) || !UUID.test(id)) return undefined;
  // A real calendar date and time: Date rolls February 30th over to March, so the round trip differs.
  const millis = `${createdAt.slice(0, 23)}Z`;
  if (Number.isNaN(Date.parse(millis)) || new Date(millis).toISOString() !== millis) return undefined;
  return { createdAt, id };
}

/** A page of the user's own history, newest first; an unreadable cursor starts over. */
export async function listLoginHistory(
  { db }: Services,
  userId: string,
  limit: number,
  cursor?: string,
): Promise<LoginHistoryPage> {
  // One row more than asked for tells whether there is a next page.
  const rows = await selectHistory(db.knex, userId, limit + 1, cursor ? decodeCursor(cursor) : undefined);
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
      createdAt: iso(r.created_at),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursor_at, last.id) : null,
  };
}
