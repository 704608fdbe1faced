/** `GET /api/login-history`: the signed-in user's own sign-in events, newest first, paged. */
import { Router } from 'express';
import { z } from 'zod';
import { withQuery } from '../../http/validate';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';
import { listLoginHistory } from './login-history';

const Query = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export function loginHistoryRoutes(services: Services): Router {
  const router = Router();
  router.get(
    '/login-history',
    requireSession(services),
    withQuery(Query, async (query, req, res) => {
      res.json(await listLoginHistory(services.db.knex, sessionOf(req).userId, query.limit, query.cursor));
    }),
  );
  return router;
}
