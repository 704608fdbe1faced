/**
 * Connected-account routes: the signed-in user's linked providers, listed, linked (through the
 * provider, oauth/oauth-linking.ts) and unlinked. Listing and unlinking act on the user's own rows
 * only; starting a link is rate-limited like a sign-in (it records an OAuth attempt).
 */
import { Router } from 'express';
import { z } from 'zod';
import { CompleteLinkBody, ConnectedAccountErrors, LinkAccountBody } from '../../../contract/connected-accounts';
import { ApiError } from '../../http/errors';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import { completeLink, startLink } from '../oauth/oauth-linking';
import { requestContext } from '../sessions/request-context';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';
import { listConnectedAccounts, unlinkConnectedAccount } from './connected-accounts.service';

const AccountId = z.uuid();

/** An account id from the path; anything that is not one names no account (404, like another user's). */
function idParam(raw: string | string[] | undefined): string {
  const id = AccountId.safeParse(raw);
  if (!id.success) throw ApiError.of(ConnectedAccountErrors, 'not_found');
  return id.data;
}

export function connectedAccountRoutes(services: Services): Router {
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/connected-accounts', signedIn, async (req, res) => {
    reply(res, 'GET /api/connected-accounts', await listConnectedAccounts(services, sessionOf(req).userId));
  });

  router.delete('/connected-accounts/:id', signedIn, async (req, res) => {
    await unlinkConnectedAccount(services, sessionOf(req).userId, idParam(req.params.id));
    reply(res, 'DELETE /api/connected-accounts/:id', { unlinked: true });
  });

  router.post(
    '/connected-accounts/link',
    signedIn,
    withBody(LinkAccountBody, async (body, req, res) => {
      const url = await startLink(services, sessionOf(req), body, {
        ...requestContext(req),
        origin: req.get('origin'),
      });
      reply(res, 'POST /api/connected-accounts/link', { url });
    }),
  );

  router.post(
    '/connected-accounts/link/complete',
    signedIn,
    withBody(CompleteLinkBody, async ({ code }, req, res) => {
      const account = await completeLink(services, sessionOf(req).userId, code);
      reply(res, 'POST /api/connected-accounts/link/complete', { account });
    }),
  );

  return router;
}
