/**
 * Uploaded avatars: the picture is checked (its type from its first bytes, image-type.ts; its size
 * against ACCT_AVATAR_MAX_BYTES), stored in PostgreSQL as the user's one picture, and the user's
 * `avatarUrl` pointed at its public address, `/avatars/<user id>/<sha256 of the bytes>`: a new
 * picture gets a new address, so an address can be cached for good. Removing it clears
 * `avatarUrl`. Both go through the profile change (users.service.ts), so `user.profile_updated`
 * is announced as for any profile change.
 */
import { createHash } from 'node:crypto';
import type { User } from '../../../contract/users';
import { UserErrors } from '../../../contract/users';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { updateProfile } from '../users/users.service';
import { deleteOwnAvatar, findAvatar, saveOwnAvatar, type StoredAvatar } from './avatars.queries';
import { sniffImageType } from './image-type';

/** Where avatars are served, below the server's public URL. */
export const AVATAR_PATH = '/avatars';

/** The JSON body limit of the upload route: the largest picture, base64-encoded, and room for the rest. */
export function avatarBodyLimit(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4 + 1024;
}

/** `PUT /api/me/avatar`: stores the picture (base64) and returns the user with its address. */
export async function uploadAvatar(services: Services, userId: string, base64: string): Promise<User> {
  const { config, db } = services;
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > config.avatarMaxBytes) throw ApiError.of(UserErrors, 'image_too_large');
  const contentType = sniffImageType(bytes);
  if (!contentType) throw ApiError.of(UserErrors, 'unsupported_image_type');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return db.knex.transaction(async (trx) => {
    await saveOwnAvatar(trx, userId, { contentType, sha256, bytes });
    const avatarUrl = `${config.publicUrl}${AVATAR_PATH}/${userId}/${sha256}`;
    return updateProfile(services, trx, userId, { avatarUrl });
  });
}

/** `DELETE /api/me/avatar`: removes the uploaded picture, if any, and clears `avatarUrl` whatever it was. */
export function removeAvatar(services: Services, userId: string): Promise<User> {
  return services.db.knex.transaction(async (trx) => {
    await deleteOwnAvatar(trx, userId);
    return updateProfile(services, trx, userId, { avatarUrl: null });
  });
}

/** The picture at `/avatars/:userId/:sha256`, while it is the user's current one. */
export function servedAvatar({ db }: Services, userId: string, sha256: string): Promise<StoredAvatar | undefined> {
  return findAvatar(db.knex, userId, sha256);
}
