/**
 * `GET /api/openapi.json`: the API description (openapi.ts), built from the app on first request —
 * when every router is mounted — and kept. Public like `/api/config` (server/http/cors.ts): it
 * describes the routes, and holds nothing secret.
 */
import { Router, type Express } from 'express';
import type { Config } from '../../config';
import { buildOpenApi, type OpenApiDocument } from './openapi';

export function openApiRoutes(config: Config, app: Express): Router {
  let document: OpenApiDocument | undefined;
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    document ??= buildOpenApi(app, config);
    res.set('Cache-Control', 'public, max-age=300').json(document);
  });
  return router;
}
