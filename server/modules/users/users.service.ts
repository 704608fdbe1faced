/**
 * The user's own profile — display name, avatar URL, bio, and the language of their mail — changed
 * through row-level security (the column grants let `acct_app` write only these four), announcing
 * `user.profile_updated` so that the setup checklist can tick `customize_profile`. `PATCH /api/me`
 * and the onboarding profile step both come here.
 */
import type { Knex } from 'knex';
import type { User } from '../../../contract/users';
import type { Language } from '../../i18n';
import type { Services } from '../../services';
import { toPublicUser, updateOwnProfile } from './users.queries';

/** A change of profile, validated (contract/users.ts `ProfilePatch`, the locale narrowed to a language acct speaks). */
export interface ProfileChange {
  displayName?: string | undefined;
  avatarUrl?: string | null | undefined;
  bio?: string | null | undefined;
  locale?: Language | null | undefined;
}

/** Applies the given fields ('' or null clears avatar and bio, null the locale) inside `trx`; returns the user. */
export async function updateProfile(
  services: Services,
  trx: Knex.Transaction,
  userId: string,
  change: ProfileChange,
): Promise<User> {
  const row = await updateOwnProfile(trx, userId, {
    ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
    ...(change.avatarUrl !== undefined ? { avatar_url: change.avatarUrl || null } : {}),
    ...(change.bio !== undefined ? { bio: change.bio || null } : {}),
    ...(change.locale !== undefined ? { locale: change.locale } : {}),
  });
  await services.events.publish(trx, {
    type: 'user.profile_updated',
    userId,
    profile: { displayName: row.display_name, avatarUrl: row.avatar_url, bio: row.bio },
  });
  return toPublicUser(row);
}

/** `PATCH /api/me`: the change in a transaction of its own. */
export function changeOwnProfile(services: Services, userId: string, change: ProfileChange): Promise<User> {
  return services.db.knex.transaction((trx) => updateProfile(services, trx, userId, change));
}
