/**
 * The signed-in user's in-app feed: newest first, paged by the same opaque cursor as the login
 * history, with the unread count the bell shows; marking one or all read. Every query runs as the
 * user (RLS): another user's notification is not found.
 */
import type { AppNotification, NotificationFeed } from '../../../contract/notifications';
import { NotificationErrors } from '../../../contract/notifications';
import { iso } from '../../../contract/wire';
import { asUser } from '../../db/as-user';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { decodeCursor, encodeCursor } from '../login-history/login-history.service';
import { countUnread, markAllRead, markRead, selectFeed, type NotificationRow } from './notifications.queries';

const toWire = (row: NotificationRow): AppNotification => ({
  id: row.id,
  eventType: row.event_type,
  category: row.category,
  title: row.title,
  body: row.body,
  url: row.url,
  readAt: iso(row.read_at),
  createdAt: iso(row.created_at),
});

export async function listFeed(
  { db }: Services,
  userId: string,
  limit: number,
  cursor: string | undefined,
): Promise<NotificationFeed> {
  return asUser(db.knex, userId, async (trx) => {
    const rows = await selectFeed(trx, limit + 1, cursor ? decodeCursor(cursor) : undefined);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      notifications: page.map(toWire),
      unreadCount: await countUnread(trx),
      nextCursor: rows.length > limit && last ? encodeCursor(last.cursor_at, last.id) : null,
    };
  });
}

export async function readNotification({ db }: Services, userId: string, id: string): Promise<void> {
  const found = await asUser(db.knex, userId, (trx) => markRead(trx, id));
  if (!found) throw ApiError.of(NotificationErrors, 'not_found');
}

export function readAllNotifications({ db }: Services, userId: string): Promise<number> {
  return asUser(db.knex, userId, (trx) => markAllRead(trx));
}
