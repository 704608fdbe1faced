/**
 * `GET /api/login-history`: the signed-in user's own sign-in events, newest first, paged
 * (login-history.service.ts). Writing the history is the sign-in flows' part, through
 * login-history.queries.ts.
 */
import { Router } from 'express';
import { LoginHistoryQuery } from '../../../contract/login-history';
import { reply } from '../../http/reply';
import { withQuery } from '../../http/validate';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';
import { listLoginHistory } from './login-history.service';

export function loginHistoryRoutes(services: Services): Router {
  const router = Router();
  router.get(
    '/login-history',
    requireSession(services),
    withQuery(LoginHistoryQuery, async (query, req, res) => {
      reply(
        res,
        'GET /api/login-history',
        await listLoginHistory(services, sessionOf(req).userId, query.limit, query.cursor),
      );
    }),
  );
  return router;
}
