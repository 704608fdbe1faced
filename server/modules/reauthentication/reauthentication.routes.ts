/**
 * Step-up re-authentication under `/api/auth/reauthenticate` (docs/http-api.md): which methods
 * the signed-in user can prove with, a proof, and the options of a passkey proof (a challenge
 * bound to this session). Validate → rate-limit → service → answer; the limits are the service's.
 */
import { Router } from 'express';
import { ReauthenticateBody, ReauthPasskeyOptionsBody } from '../../../contract/reauthentication';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { reauthenticationOptions } from '../passkeys/passkeys.service';
import { requestContext } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import { listMethods, reauthenticate } from './reauthentication.service';

export function reauthenticationRoutes(services: Services): Router {
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/auth/reauthenticate', signedIn, async (req, res) => {
    reply(res, 'GET /api/auth/reauthenticate', await listMethods(services, sessionOf(req)));
  });

  router.post(
    '/auth/reauthenticate',
    signedIn,
    withBody(ReauthenticateBody, async (body, req, res) => {
      reply(
        res,
        'POST /api/auth/reauthenticate',
        await reauthenticate(services, sessionOf(req), body, requestContext(req)),
      );
    }),
  );

  router.post(
    '/auth/reauthenticate/passkey-options',
    signedIn,
    withBody(ReauthPasskeyOptionsBody, async (_body, req, res) => {
      const options = await reauthenticationOptions(services, sessionOf(req), requestContext(req));
      reply(res, 'POST /api/auth/reauthenticate/passkey-options', options);
    }),
  );

  return router;
}
