/**
 * The elements' code, built by Vite into `widgets/dist/` (widgets/vite.config.ts): `GET /acct.js`,
 * the loader a site adds; `GET /acct/acct-<element>.js`, each element's entry, which the loader
 * imports on demand; `GET /acct/chunks/…`, the chunks they share; `GET /acct-all.js`, the whole
 * kit in one file; and `GET /acct-sw.js`, the push service worker, for acct's own hosted pages and
 * for sites to copy. A host page loads them as modules, which fetch in CORS mode, so the answers
 * carry `Access-Control-Allow-Origin: *`: the files are public code fetched without credentials,
 * and the API behind them is what checks origins. The entries keep their names from build to build,
 * so they are cached briefly and revalidated by ETag (a deploy shows up within
 * `ACCT_BUNDLE_MAX_AGE` seconds); a chunk's name holds a hash of its content, so it is immutable.
 *
 * The build writes brotli and gzip copies beside each file (scripts/precompress-bundle.ts); a
 * browser that accepts one gets it as it is — `Content-Encoding`, `Vary: Accept-Encoding`, and
 * the copy's own ETag, so a cache never answers one encoding's revalidation with another's — and
 * the compression middleware leaves these answers alone.
 *
 * Pinned builds (docs/embedding.md): `/acct/<hash>/<file>` answers every file of the build named
 * in `widgets/dist/bundle.json` (scripts/bundle-manifest.ts) as `immutable` for a year — the URL
 * changes whenever a byte does — and `/acct/bundle.json` tells a site the current build's URLs and
 * SRI hashes. Any other hash is `404 bundle_build_unknown`: a server holds one build, so a page
 * pinned to an earlier one must be updated with the server (its API may have changed too); a file
 * the build does not have is `404 bundle_file_unknown`, whatever the URL's form. Only the
 * files the manifest lists are ever read, so no path can reach outside the build.
 *
 * The whole module is these routes: no SQL and no service (and, being files rather than JSON
 * of the API, no contract entry).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import Negotiator from 'negotiator';
import { MANIFEST_FILE, type BundleManifest } from '../../../scripts/bundle-manifest';
import { ApiError } from '../../http/errors';

export const DEFAULT_BUNDLE_DIR = fileURLToPath(new URL('../../../widgets/dist', import.meta.url));

/** The files served at the root, by the name they are built under. */
const ROOT_FILES = ['acct.js', 'acct.js.map', 'acct-all.js', 'acct-all.js.map', 'acct-sw.js'] as const;
/** The folder of a pinned build, and of the loader's own files (`/acct/acct-login.js`, `/acct/chunks/…`). */
const FOLDER = 'acct';
// Any case, so that a mistyped pinned URL is told it names an unknown build.
const BUILD_HASH = /^[0-9a-f]{16}$/i;
/** Chunks carry a hash of their content in their names (widgets/vite.config.ts), so they never change. */
const isContentNamed = (file: string) => file.startsWith(`${FOLDER}/chunks/`);

/** A pinned build's files are cached this long, and never revalidated. */
const PINNED_MAX_AGE_MS = 365 * 24 * 3600 * 1000;
/** How long a browser may keep `/acct/bundle.json`: the current build changes only with a deploy. */
const MANIFEST_MAX_AGE_SECONDS = 60;

/** Paths this router answers, for the compression middleware to skip. */
export const BUNDLE_PATHS: readonly string[] = ROOT_FILES.map((file) => `/${file}`);
export const isBundlePath = (path: string) => BUNDLE_PATHS.includes(path) || path.startsWith(`/${FOLDER}/`);

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

// The path is not echoed: the answer says only what the build holds.
const fileUnknown = () =>
  new ApiError(404, 'bundle_file_unknown', `No such file in this build; see /${FOLDER}/${MANIFEST_FILE}.`);
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
  const shortLived = { maxAge: maxAgeSeconds * 1000, immutable: false };
  const forever = { maxAge: PINNED_MAX_AGE_MS, immutable: true };

  router.get(BUNDLE_PATHS as string[], (req, res) => {
    sendBuilt(req, res, join(bundleDir, req.path.slice(1)), shortLived);
  });

  router.get(`/${FOLDER}/${MANIFEST_FILE}`, (_req, res) => {
    const current = manifest();
    if (!current) throw notBuilt();
    res.set({ ...PUBLIC_CODE_HEADERS, 'Cache-Control': `public, max-age=${MANIFEST_MAX_AGE_SECONDS}` });
    res.json(current);
  });

  /** A file of the current build, by its path under the build (`acct/chunks/core-….js`); 404 if it has none. */
  const sendLatest = (req: Request, res: Response, file: string) => {
    const current = manifest();
    if (!current) throw notBuilt();
    if (!Object.hasOwn(current.files, file)) throw fileUnknown();
    sendBuilt(req, res, join(bundleDir, file), isContentNamed(file) ? forever : shortLived);
  };

  /**
   * A file of the pinned build `hash`: another build is `bundle_build_unknown`, a file this build
   * does not have `bundle_file_unknown` (as for the latest build's URLs).
   */
  const sendPinned = (req: Request, res: Response, hash: string, file: string) => {
    const current = manifest();
    if (!current) throw notBuilt();
    if (hash !== current.hash) {
      throw new ApiError(
        404,
        'bundle_build_unknown',
        `This server holds build ${current.hash}; see /${FOLDER}/${MANIFEST_FILE}.`,
      );
    }
    if (!Object.hasOwn(current.files, file)) throw fileUnknown();
    sendBuilt(req, res, join(bundleDir, file), forever);
  };

  // Plain `:name` paths, one per folder of the build (route-list.ts reads no wildcard): a name
  // never holds a `/`, and only what the manifest lists is read.
  router.get(`/${FOLDER}/chunks/:file`, (req, res) => sendLatest(req, res, `${FOLDER}/chunks/${req.params.file}`));
  router.get(`/${FOLDER}/:file`, (req, res) => sendLatest(req, res, `${FOLDER}/${req.params.file}`));
  router.get(`/${FOLDER}/:hash/:file`, (req, res) => {
    const { hash, file } = req.params;
    if (BUILD_HASH.test(hash)) sendPinned(req, res, hash, file);
    else sendLatest(req, res, `${FOLDER}/${hash}/${file}`);
  });
  router.get(`/${FOLDER}/:hash/${FOLDER}/:file`, (req, res) =>
    sendPinned(req, res, req.params.hash, `${FOLDER}/${req.params.file}`),
  );
  router.get(`/${FOLDER}/:hash/${FOLDER}/chunks/:file`, (req, res) =>
    sendPinned(req, res, req.params.hash, `${FOLDER}/chunks/${req.params.file}`),
  );
  return router;
}
