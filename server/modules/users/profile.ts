/**
 * The user's own profile — display name, avatar URL, bio, and the language of their mail — changed
 * through row-level security (the column grants let `acct_app` write only these four), announcing
 * `user.profile_updated` so that the setup checklist can tick `customize_profile`. `PATCH /api/me`
 * and the onboarding profile step both come here.
 */
import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { asUserWithin } from '../../db/as-user';
import { withBody } from '../../http/validate';
import { matchLanguage } from '../../i18n';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';
import { toPublicUser, type PublicUser } from './users';

/** The profile fields and their rules, shared by `PATCH /api/me` and the onboarding step. */
export const profileFields = {
  displayName: z.string().trim().min(1, 'required').max(100),
  avatarUrl: z.url({ protocol: /^https?$/ }).max(2000).or(z.literal('')),
  bio: z.string().trim().max(500),
};

/** A language acct speaks, as a language tag (`fr-CA` is stored as `fr`); else `unsupported_language`. */
const localeField = z
  .string('unsupported_language')
  .max(35, 'unsupported_language')
  .transform((tag, ctx) => {
    const language = matchLanguage(tag);
    if (language) return language;
    ctx.addIssue({ code: 'custom', message: 'unsupported_language' });
    return z.NEVER;
  });

const ProfilePatch = z
  .object({
    displayName: profileFields.displayName.optional(),
    avatarUrl: profileFields.avatarUrl.nullable().optional(),
    bio: profileFields.bio.nullable().optional(),
    // null: no language of one's own, each request's decides.
    locale: localeField.nullable().optional(),
  })
  .strict();

export type ProfileChange = z.infer<typeof ProfilePatch>;

/** Applies the given fields ('' or null clears avatar and bio, null the locale) inside `trx`; returns the user. */
export async function updateProfile(services: Services, trx: Knex.Transaction, userId: string, change: ProfileChange): Promise<PublicUser> {
  const values = {
    ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
    ...(change.avatarUrl !== undefined ? { avatar_url: change.avatarUrl || null } : {}),
    ...(change.bio !== undefined ? { bio: change.bio || null } : {}),
    ...(change.locale !== undefined ? { locale: change.locale } : {}),
  };
  const row = await asUserWithin(trx, userId, async (t) => {
    if (Object.keys(values).length) await t('auth.users').where({ id: userId }).update(values);
    return t('auth.users').where({ id: userId }).first('id', 'email', 'email_verified_at', 'display_name', 'avatar_url', 'bio', 'app_role', 'locale');
  });
  await services.events.publish(trx, {
    type: 'user.profile_updated',
    userId,
    profile: { displayName: row!.display_name, avatarUrl: row!.avatar_url, bio: row!.bio },
  });
  return toPublicUser(row!);
}

export function profileRoutes(services: Services): Router {
  const router = Router();
  router.patch('/me', requireSession(services), withBody(ProfilePatch, async (body, req, res) => {
    const user = await services.db.knex.transaction((trx) => updateProfile(services, trx, sessionOf(req).userId, body));
    res.json({ user });
  }));
  return router;
}
