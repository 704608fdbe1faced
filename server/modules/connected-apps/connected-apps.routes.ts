/**
 * Connected-app routes (connected-apps.service.ts): under `/api/organizations/:id/connected-apps`
 * the list (any member), connect and its callback, disconnect (owners and admins); and the one
 * browser page `GET /auth/connected-apps/callback`, the redirect URI registered at every app, which
 * sends the provider's answer back to the page that started, in the fragment (never sent to a
 * server, dropped from the address bar by the element). An unknown or expired `state` ends there
 * on a short page: there is no page known to go back to.
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  CONNECTED_APP_FRAGMENT,
  ConnectedAppErrors,
  FinishConnectBody,
  StartConnectBody,
} from '../../../contract/connected-apps';
import { ApiError } from '../../http/errors';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import { hashToken } from '../../security/tokens';
import type { Services } from '../../services';
import { actorOf } from '../organizations/access';
import { requireSession, sessionOf } from '../sessions/require-session';
import { returnAddressOfAttempt } from './connected-apps.queries';
import { CALLBACK_PATH, disconnect, finishConnect, listConnectedApps, startConnect } from './connected-apps.service';

const AppId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
const ConnectionId = z.uuid();

export function connectedAppRoutes(services: Services): Router {
  const signedIn = requireSession(services);
  const router = Router();
  const base = '/organizations/:id/connected-apps';
  const sessionActor = (req: Parameters<typeof actorOf>[0]) => ({ ...actorOf(req), sessionId: sessionOf(req).id });

  router.get(base, signedIn, async (req, res) => {
    reply(res, 'GET /api/organizations/:id/connected-apps', await listConnectedApps(services, actorOf(req)));
  });

  router.post(
    `${base}/callback`,
    signedIn,
    withBody(FinishConnectBody, async (body, req, res) => {
      const app = await finishConnect(services, sessionActor(req), body);
      reply(res, 'POST /api/organizations/:id/connected-apps/callback', { app }, 201);
    }),
  );

  router.post(
    `${base}/:app/connect`,
    signedIn,
    withBody(StartConnectBody, async (body, req, res) => {
      // The organization first (a malformed id is 404 not_found, like every route's), then the app.
      const actor = sessionActor(req);
      const appId = AppId.safeParse(req.params.app);
      if (!appId.success) throw ApiError.of(ConnectedAppErrors, 'unknown_app');
      const url = await startConnect(services, actor, appId.data, {
        returnTo: body.returnTo,
        origin: req.get('origin'),
      });
      reply(res, 'POST /api/organizations/:id/connected-apps/:app/connect', { url });
    }),
  );

  router.delete(`${base}/:connectionId`, signedIn, async (req, res) => {
    const actor = actorOf(req);
    const id = ConnectionId.safeParse(req.params.connectionId);
    if (!id.success) throw ApiError.of(ConnectedAppErrors, 'not_found');
    await disconnect(services, actor, id.data);
    reply(res, 'DELETE /api/organizations/:id/connected-apps/:connectionId', { disconnected: true });
  });

  return router;
}

/** The provider's return: back to the page that started, with the answer in the fragment. */
export function connectedAppCallbackPage({ db }: Services): Router {
  const router = Router();
  router.get(CALLBACK_PATH, async (req, res) => {
    const query = new URL(req.originalUrl, 'http://acct.invalid').searchParams;
    const state = query.get('state');
    const returnTo = state && state.length <= 500 ? await returnAddressOfAttempt(db.knex, hashToken(state)) : undefined;
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    if (!returnTo) {
      res
        .status(400)
        .type('text/plain')
        .send('This connection attempt is unknown or has expired. Go back to the page you came from and start again.');
      return;
    }
    const answer = new URLSearchParams();
    for (const name of ['state', 'code', 'iss', 'error']) {
      const value = query.get(name);
      if (value) answer.set(name, value);
    }
    res.redirect(
      303,
      `${returnTo.split('#')[0]}#${new URLSearchParams({ [CONNECTED_APP_FRAGMENT]: answer.toString() })}`,
    );
  });
  return router;
}
