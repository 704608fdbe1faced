/**
 * `GET /acct.js`: the elements' bundle, built by Vite into `widgets/dist/` (and beside it
 * `GET /acct-sw.js`, the push service worker, for acct's own hosted pages and for sites to copy). A host page loads it
 * with `<script type="module">`, which fetches in CORS mode, so the answer carries
 * `Access-Control-Allow-Origin: *`: the file is public code fetched without credentials, and the
 * API behind it is what checks origins. Cached briefly and revalidated by ETag, so a deploy shows
 * up within `ACCT_BUNDLE_MAX_AGE` seconds.
 *
 * The build writes brotli and gzip copies beside each file (scripts/precompress-bundle.ts); a
 * browser that accepts one gets it as it is — `Content-Encoding`, `Vary: Accept-Encoding`, and
 * the copy's own ETag, so a cache never answers one encoding's revalidation with another's — and
 * the compression middleware leaves these answers alone.
 *
 * The whole module is this one route: no SQL and no service (and, being a file rather than JSON,
 * no contract entry).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request } from 'express';
import Negotiator from 'negotiator';
import { ApiError } from '../../http/errors';

export const DEFAULT_BUNDLE_DIR = fileURLToPath(new URL('../../../widgets/dist', import.meta.url));

/** The only files served from the bundle folder. */
const FILES = { '/acct.js': 'acct.js', '/acct.js.map': 'acct.js.map', '/acct-sw.js': 'acct-sw.js' } as const;

/** Paths this router answers, for the compression middleware to skip. */
export const BUNDLE_PATHS: readonly string[] = Object.keys(FILES);

/** Content-Encoding → the suffix of the build's precompressed copy, best first. */
const ENCODINGS = { br: '.br', gzip: '.gz' } as const;
const PREFERRED = Object.keys(ENCODINGS);
const AVAILABLE = [...PREFERRED, 'identity'];

/**
 * The encoding to send `file` in: the best the request accepts whose copy was built, else none
 * (identity, which is always acceptable here: a client refusing it too gets it all the same).
 */
function encodingFor(req: Request, file: string): keyof typeof ENCODINGS | undefined {
  if (!req.headers['accept-encoding']) return undefined;
  // Negotiator weighs q-values; among equals (Chrome sends "gzip, deflate, br, zstd"), br wins.
  for (const encoding of new Negotiator(req).encodings(AVAILABLE, { preferred: PREFERRED })) {
    if (encoding === 'identity') return undefined;
    if ((encoding === 'br' || encoding === 'gzip') && existsSync(file + ENCODINGS[encoding])) return encoding;
  }
  return undefined;
}

export function bundleRoutes(bundleDir: string, maxAgeSeconds: number): Router {
  const router = Router();
  router.get(BUNDLE_PATHS as string[], (req, res) => {
    const file = join(bundleDir, FILES[req.path as keyof typeof FILES]);
    if (!existsSync(file)) {
      throw new ApiError(503, 'bundle_not_built', 'The elements are not built yet; run `npm run build`.');
    }
    const encoding = encodingFor(req, file);
    res.set({
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    // sendFile's ETag comes from the file it sends, so each encoding has its own.
    res.sendFile(encoding ? file + ENCODINGS[encoding] : file, {
      maxAge: maxAgeSeconds * 1000,
      headers: { 'Content-Type': file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/json' },
    });
  });
  return router;
}
