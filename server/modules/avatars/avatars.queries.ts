/**
 * The avatars module's queries: a user's one uploaded picture in `user_avatars`, written and
 * removed as that user (row-level security), and read by the public route on the service
 * connection by user and content hash.
 */
import type { Knex } from 'knex';
import { asUserWithin } from '../../db/as-user';
import type { ImageType } from './image-type';

export interface StoredAvatar {
  contentType: ImageType;
  bytes: Buffer;
}

/** Stores (or replaces) the user's picture, as the user, inside `trx`. */
export async function saveOwnAvatar(
  trx: Knex.Transaction,
  userId: string,
  avatar: { contentType: ImageType; sha256: string; bytes: Buffer },
): Promise<void> {
  await asUserWithin(trx, userId, (t) =>
    t('user_avatars')
      .insert({ user_id: userId, content_type: avatar.contentType, sha256: avatar.sha256, bytes: avatar.bytes })
      .onConflict('user_id')
      .merge(['content_type', 'sha256', 'bytes', 'created_at']),
  );
}

/** Removes the user's picture, as the user, inside `trx`. */
export async function deleteOwnAvatar(trx: Knex.Transaction, userId: string): Promise<void> {
  await asUserWithin(trx, userId, (t) => t('user_avatars').where({ user_id: userId }).delete());
}

/** The picture of `userId` whose hash is `sha256`, if it is still the one stored. */
export async function findAvatar(db: Knex, userId: string, sha256: string): Promise<StoredAvatar | undefined> {
  const row = await db('user_avatars').where({ user_id: userId, sha256 }).first('content_type', 'bytes');
  return row && { contentType: row.content_type as ImageType, bytes: Buffer.from(row.bytes as Uint8Array) };
}
