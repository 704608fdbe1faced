/**
 * Builds the Express application from its parts; it never listens, so tests mount it on an
 * ephemeral port and `start.ts` on the configured one. The order is the request's path through
 * it: logging → security headers → public files → `/api` (CORS, JSON body, routes) → 404 → errors.
 */
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Config } from './config';
import type { Database } from './db/database';
import { apiCors } from './http/cors';
import { errorHandler, notFoundHandler } from './http/errors';
import { requestLogger, type Logger } from './http/logging';
import { bundleRoutes, DEFAULT_BUNDLE_DIR } from './modules/bundle/bundle.routes';
import { clientConfigRoutes } from './modules/client-config/client-config.routes';
import { healthRoutes } from './modules/health/health.routes';

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  /** Folder holding the built `acct.js`; defaults to `widgets/dist`. */
  bundleDir?: string;
}

/** Largest JSON body the API reads; larger ones get 413 `payload_too_large`. */
const JSON_LIMIT = '100kb';

export function createApp({ config, db, logger, bundleDir = DEFAULT_BUNDLE_DIR }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');

  app.use(requestLogger(logger));
  app.use(
    helmet({
      // JSON answers and the bundle need nothing from a CSP; hosted pages set their own policy.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
      },
      referrerPolicy: { policy: 'no-referrer' },
      // HSTS only means something over HTTPS; on http://localhost it would only confuse.
      strictTransportSecurity: config.publicUrl.startsWith('https:'),
    }),
  );

  app.use(healthRoutes(db.knex));
  app.use(bundleRoutes(bundleDir, config.bundleMaxAgeSeconds));

  const api = express.Router();
  api.use(apiCors(config.allowedOrigins));
  api.use((_req, res, next) => {
    // Answers about accounts and sessions must never sit in a shared cache (SECURITY.md E4);
    // a route that is truly public overrides this.
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(express.json({ limit: JSON_LIMIT, strict: true }));
  api.use(clientConfigRoutes(config));
  app.use('/api', api);

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
