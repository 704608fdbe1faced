/**
 * Web Push routes for the signed-in user: the VAPID public key, saving or removing one of the
 * user's browser subscriptions (by its endpoint, which the browser knows), and the list of them as
 * devices, each removable by id (from any browser: a lost laptop's). No route sends a push.
 * A user holds at most a few subscriptions (push.queries.ts), so saving needs no rate limit of
 * its own beyond the session's.
 */
import { Router } from 'express';
import { z } from 'zod';
import { PushErrors, PushSubscriptionBody, PushUnsubscribeBody } from '../../../contract/push';
import { ApiError } from '../../http/errors';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { requestContext } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import { listDevices, pushPublicKey, removeDevice, subscribe, unsubscribe } from './push.service';

const SubscriptionId = z.uuid();

export function pushRoutes(services: Services): Router {
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/push/key', signedIn, async (_req, res) => {
    reply(res, 'GET /api/push/key', { publicKey: await pushPublicKey(services) });
  });

  router.post(
    '/push/subscriptions',
    signedIn,
    withBody(PushSubscriptionBody, async (body, req, res) => {
      const saved = await subscribe(services, sessionOf(req).userId, body, requestContext(req).userAgent);
      reply(res, 'POST /api/push/subscriptions', saved, 201);
    }),
  );

  router.get('/push/subscriptions', signedIn, async (req, res) => {
    reply(res, 'GET /api/push/subscriptions', { devices: await listDevices(services, sessionOf(req).userId) });
  });

  router.delete('/push/subscriptions/:id', signedIn, async (req, res) => {
    const id = SubscriptionId.safeParse(req.params.id);
    // Anything that is not an id names no subscription: 404, like another user's.
    if (!id.success) throw ApiError.of(PushErrors, 'not_found');
    await removeDevice(services, sessionOf(req).userId, id.data);
    reply(res, 'DELETE /api/push/subscriptions/:id', { removed: true });
  });

  router.delete(
    '/push/subscriptions',
    signedIn,
    withBody(PushUnsubscribeBody, async ({ endpoint }, req, res) => {
      await unsubscribe(services, sessionOf(req).userId, endpoint);
      reply(res, 'DELETE /api/push/subscriptions', { removed: true });
    }),
  );

  return router;
}
