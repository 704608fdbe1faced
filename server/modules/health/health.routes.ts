/**
 * `GET /healthz`: a liveness and readiness probe in one. It pings the database, so a load
 * balancer stops sending traffic to a process whose database is gone (503, not a hang). Not part
 * of the JSON API (no contract entry), and no service: the route only asks health.queries.ts.
 */
import { Router } from 'express';
import type { Knex } from 'knex';
import { pingDatabase } from './health.queries';

export function healthRoutes(knex: Knex): Router {
  const router = Router();
  router.get('/healthz', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      await pingDatabase(knex);
      res.json({ status: 'ok', database: 'ok' });
    } catch (err) {
      req.log.warn({ err, reqId: req.id }, 'health check: database ping failed');
      res.status(503).set('Retry-After', '5').json({ status: 'unavailable', database: 'unreachable' });
    }
  });
  return router;
}
