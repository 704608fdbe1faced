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
 * Pinned builds (docs/embedding.md): `/acct/<hash>/acct.js` and its map answer the build named
 * in `widgets/dist/bundle.json` (scripts/bundle-manifest.ts) as `immutable` for a year — the URL
 * changes whenever a byte does — and `/acct/bundle.json` tells a site the current build's URLs and
 * SRI hashes. Any other hash is `404 bundle_build_unknown`: a server holds one build, so a page
 * pinned to an earlier one must be updated with the server (its API may have changed too).
 *
 * The whole module is these routes: no SQL and no service (and, being files rather than JSON
 * of the API, no contract entry).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import Negotiator from 'negotiator';
import { MANIFEST_FILE, PINNED_FILES, type BundleManifest, type PinnedFile } from '../../../scripts/bundle-manifest';
import { ApiError } from '../../http/errors';

export const DEFAULT_BUNDLE_DIR = fileURLToPath(new URL('../../../widgets/dist', import.meta.url));

/** The only files served from the bundle folder. */
const FILES = { '/acct.js': 'acct.js', '/acct.js.map': 'acct.js.map', '/acct-sw.js': 'acct-sw.js' } as const;

/** A pinned build's files are cached this long, and never revalidated. */
const PINNED_MAX_AGE_MS = 365 * 24 * 3600 * 1000;
/** How long a browser may keep `/acct/bundle.json`: the current build changes only with a deploy. */
const MANIFEST_MAX_AGE_SECONDS = 60;

/** Paths this router answers, for the compression middleware to skip (a pinned file starts with `/acct/`). */
export const BUNDLE_PATHS: readonly string[] = Object.keys(FILES);
export const isBundlePath = (path: string) => BUNDLE_PATHS.includes(path) || path.startsWith('/acct/');

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

/** Public code fetched without credentials: any page may load it (the API behind it checks origins). */
const PUBLIC_CODE_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

const notBuilt = () => new ApiError(503, 'bundle_not_built', 'The elements are not built yet; run `npm run build`.');

/** Sends one built file, in the best encoding the request accepts, as public code any page may load. */
function sendBuilt(req: Request, res: Response, file: string, cache: { maxAge: number; immutable: boolean }): void {
  if (!existsSync(file)) throw notBuilt();
  const encoding = encodingFor(req, file);
  res.set({
    ...PUBLIC_CODE_HEADERS,
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  // sendFile's ETag comes from the file it sends, so each encoding has its own.
  res.sendFile(encoding ? file + ENCODINGS[encoding] : file, {
    ...cache,
    headers: { 'Content-Type': file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/json' },
  });
}

/** The build's manifest, read again only when the file changes (a rebuild under a running server). */
function manifestReader(bundleDir: string): () => BundleManifest | undefined {
  const path = join(bundleDir, MANIFEST_FILE);
  let cached: { mtimeMs: number; manifest: BundleManifest } | undefined;
  return () => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (cached?.mtimeMs !== stat.mtimeMs)
      cached = { mtimeMs: stat.mtimeMs, manifest: JSON.parse(readFileSync(path, 'utf8')) as BundleManifest };
    return cached.manifest;
  };
}

export function bundleRoutes(bundleDir: string, maxAgeSeconds: number): Router {
  const router = Router();
  const manifest = manifestReader(bundleDir);

  router.get(BUNDLE_PATHS as string[], (req, res) => {
    const file = join(bundleDir, FILES[req.path as keyof typeof FILES]);
    sendBuilt(req, res, file, { maxAge: maxAgeSeconds * 1000, immutable: false });
  });

  router.get(`/acct/${MANIFEST_FILE}`, (_req, res) => {
    const current = manifest();
    if (!current) throw notBuilt();
    res.set({ ...PUBLIC_CODE_HEADERS, 'Cache-Control': `public, max-age=${MANIFEST_MAX_AGE_SECONDS}` });
    res.json(current);
  });

  router.get('/acct/:hash/:file', (req, res) => {
    const current = manifest();
    if (!current) throw notBuilt();
    const name = req.params.file as PinnedFile;
    if (req.params.hash !== current.hash || !PINNED_FILES.includes(name)) {
      throw new ApiError(
        404,
        'bundle_build_unknown',
        `This server holds build ${current.hash}; see /acct/${MANIFEST_FILE}.`,
      );
    }
    sendBuilt(req, res, join(bundleDir, name), { maxAge: PINNED_MAX_AGE_MS, immutable: true });
  });
  return router;
}
