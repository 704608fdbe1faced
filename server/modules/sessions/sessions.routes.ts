/**
 * Session routes: who am I, my sessions (list, revoke one, revoke the others), sign-out, the
 * hand-over of a session to the page an emailed link returned to (`/session/exchange`), bearer
 * refresh, and the short-lived JWT for the site's backend. Each is validate → service → answer;
 * what is left here is the transport's part: setting and clearing the session cookie.
 */
import { Router } from 'express';
import { EmptyBody, ExchangeBody, HandOverBody, SessionErrors } from '../../../contract/sessions';
import { iso } from '../../../contract/wire';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { ApiError } from '../../http/errors';
import { exchangeCode, handOverSession } from './hand-over';
import { requestContext } from './request-context';
import { optionalSession, requireSession, sessionOf } from './require-session';
import { clearSession, issueSession, transportOf } from './session-transport';
import {
  currentSession,
  listSessions,
  revokeOthers,
  revokeOwn,
  rotateToken,
  sessionToken,
  signOut,
} from './sessions.service';

export function sessionRoutes(services: Services): Router {
  const { config } = services;
  const transport = transportOf(config);
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/me', signedIn, (req, res) => {
    reply(res, 'GET /api/me', currentSession(sessionOf(req)));
  });

  // The elements' session check: like /me, but "nobody" is an answer rather than an error, so a
  // signed-out page does not log a failed request on every load. `/me` keeps its 401 for API users.
  router.get('/session', optionalSession(services), (req, res) => {
    reply(res, 'GET /api/session', req.auth ? currentSession(req.auth) : { user: null, session: null });
  });

  router.post(
    '/auth/sign-out',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      await signOut(services, sessionOf(req), requestContext(req));
      clearSession(res, transport);
      reply(res, 'POST /api/auth/sign-out', { signedOut: true });
    }),
  );

  router.get('/sessions', signedIn, async (req, res) => {
    reply(res, 'GET /api/sessions', { sessions: await listSessions(services, sessionOf(req)) });
  });

  router.delete('/sessions/:id', signedIn, async (req, res) => {
    const session = sessionOf(req);
    const revoked = await revokeOwn(services, session.userId, req.params.id);
    if (revoked === session.id) clearSession(res, transport);
    reply(res, 'DELETE /api/sessions/:id', { revoked: true });
  });

  router.post(
    '/sessions/revoke-others',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      reply(res, 'POST /api/sessions/revoke-others', { revoked: await revokeOthers(services, sessionOf(req)) });
    }),
  );

  router.post(
    '/session/exchange',
    withBody(ExchangeBody, async (body, req, res) => {
      const result = await exchangeCode(services, body, requestContext(req));
      if (result.status !== 'signed_in') return reply(res, 'POST /api/session/exchange', result);
      reply(res, 'POST /api/session/exchange', { ...result, session: issueSession(res, transport, result.session) });
    }),
  );

  // Only acct's own hosted sign-in page may ask: a site page never needs a code for another page,
  // and a script injected into one must not be able to mint sessions elsewhere.
  router.post(
    '/session/hand-over',
    signedIn,
    withBody(HandOverBody, async (body, req, res) => {
      if (req.headers.origin !== new URL(config.publicUrl).origin) throw ApiError.of(SessionErrors, 'hosted_page_only');
      const url = await handOverSession(services, sessionOf(req), body);
      clearSession(res, transport);
      reply(res, 'POST /api/session/hand-over', { url });
    }),
  );

  router.post(
    '/session/refresh',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      const session = sessionOf(req);
      // Cookies need no rotation dance: the cookie is not readable by scripts.
      const answer =
        config.session.transport === 'bearer'
          ? issueSession(res, transport, await rotateToken(services, session))
          : { id: session.id, expiresAt: iso(session.expiresAt) };
      reply(res, 'POST /api/session/refresh', { session: answer });
    }),
  );

  router.get('/session/token', signedIn, async (req, res) => {
    reply(res, 'GET /api/session/token', await sessionToken(services, sessionOf(req)));
  });

  return router;
}
