/**
 * `POST /api/server/users/:userId/provider-tokens/:provider` for the site's backend (never a
 * browser: `Authorization: Bearer <ACCT_SITE_SECRET>`): the user's current access token at the
 * provider, refreshed when it is about to expire. POST, not GET: it may change what is stored, and
 * the answer is a secret no cache or log keeps (the API answers `Cache-Control: no-store`).
 */
import { Router } from 'express';
import { EmptyBody } from '../../../contract/onboarding';
import { ProviderTokenErrors } from '../../../contract/provider-tokens';
import { ApiError } from '../../http/errors';
import { reply } from '../../http/reply';
import { requireSiteSecret } from '../../http/site-secret';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { oauthClients } from '../oauth/oauth-clients';
import { providerAccessToken } from './provider-tokens.service';

export function providerTokenRoutes(services: Services): Router {
  // Its own discovery cache: the sign-in pages' is inside their router, and a discovery is cheap.
  const clients = oauthClients(services);
  const router = Router();
  router.post(
    '/server/users/:userId/provider-tokens/:provider',
    requireSiteSecret(services.config, () => ApiError.of(ProviderTokenErrors, 'provider_tokens_disabled')),
    withBody(EmptyBody, async (_body, req, res) => {
      const { userId, provider } = req.params as { userId: string; provider: string };
      reply(
        res,
        'POST /api/server/users/:userId/provider-tokens/:provider',
        await providerAccessToken(services, clients, userId, provider),
      );
    }),
  );
  return router;
}
