/**
 * Session routes: who am I, my sessions (list, revoke one, revoke the others), sign-out, the
 * hand-over of a session to the page an emailed link returned to (`/session/exchange`), bearer
 * refresh, and the short-lived JWT for the site's backend.
 */
import { Router } from 'express';
import { z } from 'zod';
import { ApiError, CommonErrors } from '../../http/errors';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { recordLogin, type AuthMethod } from '../login-history/login-history';
import { requestContext } from './request-context';
import { optionalSession, requireSession, sessionOf } from './require-session';
import { clearSession, issueSession } from './session-transport';
import { browserKeyField } from './browser-binding';
import { exchangeCode } from './hand-over';
import { listSessions, revokeOtherSessions, revokeOwnSession, revokeSession, rotateSessionToken } from './sessions';

const Empty = z.object({}).strict();
const ExchangeBody = z.object({ code: z.string().max(100), browserKey: browserKeyField, confirm: z.boolean().optional() }).strict();
const UUID = z.uuid();

export function sessionRoutes(services: Services): Router {
  const { config, db, signingKeys } = services;
  const transport = { transport: config.session.transport, publicUrl: config.publicUrl };
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/me', signedIn, (req, res) => {
    const session = sessionOf(req);
    res.json({ user: session.user, session: { id: session.id, expiresAt: session.expiresAt } });
  });

  // The elements' session check: like /me, but "nobody" is an answer rather than an error, so a
  // signed-out page does not log a failed request on every load. `/me` keeps its 401 for API users.
  router.get('/session', optionalSession(services), (req, res) => {
    const session = req.auth;
    res.json(session ? { user: session.user, session: { id: session.id, expiresAt: session.expiresAt } } : { user: null, session: null });
  });

  router.post(
    '/auth/sign-out',
    signedIn,
    withBody(Empty, async (_body, req, res) => {
      const session = sessionOf(req);
      await db.knex.transaction(async (trx) => {
        await revokeSession(trx, session.id);
        await recordLogin(trx, { userId: session.userId, event: 'logout', method: session.method as AuthMethod | null, success: true, context: requestContext(req) });
      });
      clearSession(res, transport);
      res.json({ signedOut: true });
    }),
  );

  router.get('/sessions', signedIn, async (req, res) => {
    const session = sessionOf(req);
    res.json({ sessions: await listSessions(db.knex, { userId: session.userId, currentSessionId: session.id, lifetimes: config.session }) });
  });

  router.delete('/sessions/:id', signedIn, async (req, res) => {
    const session = sessionOf(req);
    const id = UUID.safeParse(req.params.id);
    // Another user's session and no session at all look the same: 404 (SECURITY.md F1).
    if (!id.success || !(await revokeOwnSession(db.knex, session.userId, id.data))) throw ApiError.of(CommonErrors, 'not_found');
    if (id.data === session.id) clearSession(res, transport);
    res.json({ revoked: true });
  });

  router.post(
    '/sessions/revoke-others',
    signedIn,
    withBody(Empty, async (_body, req, res) => {
      const session = sessionOf(req);
      res.json({ revoked: await revokeOtherSessions(db.knex, session.userId, session.id) });
    }),
  );

  router.post(
    '/session/exchange',
    withBody(ExchangeBody, async (body, req, res) => {
      const result = await exchangeCode(services, body, requestContext(req));
      if (result.status === 'confirmation_required') return void res.json(result);
      res.json({ ...result, session: issueSession(res, transport, result.session) });
    }),
  );

  router.post(
    '/session/refresh',
    signedIn,
    withBody(Empty, async (_body, req, res) => {
      const session = sessionOf(req);
      if (config.session.transport !== 'bearer') {
        // Cookies need no rotation dance: the cookie is not readable by scripts.
        res.json({ session: { id: session.id, expiresAt: session.expiresAt } });
        return;
      }
      res.json({ session: issueSession(res, transport, await rotateSessionToken(db.knex, session.id)) });
    }),
  );

  router.get('/session/token', signedIn, async (req, res) => {
    const session = sessionOf(req);
    const claims = { sub: session.userId, sid: session.id, email: session.user.email };
    const { token, expiresAt } = await signingKeys.sign(claims, config.jwtTtlSeconds, config.jwtAudience);
    res.json({ token, expiresAt });
  });

  return router;
}
