/**
 * `GET /acct.js`: the elements' bundle, built by Vite into `widgets/dist/`. A host page loads it
 * with `<script type="module">`, which fetches in CORS mode, so the answer carries
 * `Access-Control-Allow-Origin: *`: the file is public code fetched without credentials, and the
 * API behind it is what checks origins. Cached briefly and revalidated by ETag, so a deploy shows
 * up within `ACCT_BUNDLE_MAX_AGE` seconds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import { ApiError } from '../../http/errors';

export const DEFAULT_BUNDLE_DIR = fileURLToPath(new URL('../../../widgets/dist', import.meta.url));

/** The only files served from the bundle folder. */
const FILES = { '/acct.js': 'acct.js', '/acct.js.map': 'acct.js.map' } as const;

export function bundleRoutes(bundleDir: string, maxAgeSeconds: number): Router {
  const router = Router();
  router.get(Object.keys(FILES), (req, res) => {
    const file = join(bundleDir, FILES[req.path as keyof typeof FILES]);
    if (!existsSync(file)) {
      throw new ApiError(503, 'bundle_not_built', 'The elements are not built yet; run `npm run build`.');
    }
    res.set({
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    res.sendFile(file, {
      maxAge: maxAgeSeconds * 1000,
      headers: { 'Content-Type': file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/json' },
    });
  });
  return router;
}
