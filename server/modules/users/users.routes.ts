/**
 * `PATCH /api/me`: the signed-in user changes their own profile (users.service.ts). The other
 * files of this module: users.queries.ts (accounts in the database) and address-proof.ts (what
 * the first proof of an address resets).
 */
import { Router } from 'express';
import { z } from 'zod';
import { ProfilePatch, localeTagField } from '../../../contract/users';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import { matchLanguage, type Language } from '../../i18n';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';
import { changeOwnProfile } from './users.service';

/**
 * The contract's patch, with the locale narrowed to the languages this server speaks and allows
 * (ACCT_LANGUAGES), as a language tag (`fr-CA` is stored as `fr`); else `unsupported_language`.
 */
function profilePatchBody(allowed: readonly Language[]) {
  const localeField = localeTagField.transform((tag, ctx) => {
    const language = matchLanguage(tag);
    if (language && allowed.includes(language)) return language;
    ctx.addIssue({ code: 'custom', message: 'unsupported_language' });
    return z.NEVER;
  });
  return ProfilePatch.extend({ locale: localeField.nullable().optional() });
}

export function userRoutes(services: Services): Router {
  const router = Router();
  const ProfilePatchBody = profilePatchBody(services.config.languages);
  router.patch(
    '/me',
    requireSession(services),
    withBody(ProfilePatchBody, async (body, req, res) => {
      reply(res, 'PATCH /api/me', { user: await changeOwnProfile(services, sessionOf(req).userId, body) });
    }),
  );
  return router;
}
