/**
 * Connected-account routes: the signed-in user's linked providers, listed and unlinked. No rate
 * limit beyond the session's: both act on the user's own rows only.
 */
import { Router } from 'express';
import { z } from 'zod';
import { ConnectedAccountErrors } from '../../../contract/connected-accounts';
import { ApiError } from '../../http/errors';
import { reply } from '../../http/reply';
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

  return router;
}
