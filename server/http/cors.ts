/**
 * CORS for the API: only the origins in `ACCT_ALLOWED_ORIGINS`, compared as exact strings and
 * echoed back, with credentials allowed because the session may travel as a cookie
 * (docs/security.md E2). Anything else (a look-alike host, `null`, another scheme or port) gets no
 * `Access-Control-Allow-*` header at all, so the browser withholds the answer. `Vary: Origin` goes
 * on every answer, allowed or not: otherwise a cache could hand one origin's answer to another.
 * (The `cors` package sets Vary only for allowed origins, hence these few lines of our own.)
 *
 * Two additions for the site owner embedding acct for the first time:
 * - `GET /api/config` is public (`Access-Control-Allow-Origin: *`, never with credentials): it
 *   holds nothing secret, and it is how the elements on a page that is not allowed learn so
 *   (`originAllowed`) and say what to fix, instead of "the server could not be reached".
 * - A request from an origin that is not allowed is logged as a warning naming the origin and
 *   `ACCT_ALLOWED_ORIGINS`, since the browser only tells the page's console, which the server's
 *   operator may never see. Once per origin every few minutes, in bounded memory: the Origin
 *   header is the sender's to choose, so a flood of made-up origins must not flood the log or
 *   grow a map without end.
 */
import type { RequestHandler } from 'express';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'Content-Type, Authorization, Accept-Language';
const EXPOSE_HEADERS = 'Retry-After, X-Request-Id';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/** API paths (under `/api`) that any origin may read, without credentials. */
export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set(['/config', '/openapi.json']);

const READ_METHODS = new Set(['GET', 'HEAD']);

/** How often one refused origin is logged, and how many origins are remembered for that. */
export const REFUSED_ORIGIN_LOG = { intervalMs: 5 * 60_000, maxOrigins: 1000, maxLength: 200 };

/**
 * Remembers when each refused origin was last logged. When full, it forgets the oldest entries
 * first (a Map iterates in insertion order, and an origin logged again is re-inserted at the end).
 */
class RefusedOrigins {
  private readonly lastLogged = new Map<string, number>();

  /** True when `origin` should be logged now (and records that it was). */
  shouldLog(origin: string, now = Date.now()): boolean {
    const last = this.lastLogged.get(origin);
    if (last !== undefined && now - last < REFUSED_ORIGIN_LOG.intervalMs) return false;
    this.lastLogged.delete(origin);
    while (this.lastLogged.size >= REFUSED_ORIGIN_LOG.maxOrigins) {
      const oldest = this.lastLogged.keys().next().value;
      if (oldest === undefined) break;
      this.lastLogged.delete(oldest);
    }
    this.lastLogged.set(origin, now);
    return true;
  }
}

export interface ApiCorsOptions {
  /** The server's own origin: same-origin requests need no CORS, and are never "refused". */
  ownOrigin?: string;
}

/** What lets a page on an allowed origin read an answer fetched with its credentials. */
export function credentialedCorsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': EXPOSE_HEADERS,
  };
}

export function apiCors(allowedOrigins: readonly string[], { ownOrigin }: ApiCorsOptions = {}): RequestHandler {
  const allowed = new Set(allowedOrigins);
  const refused = new RefusedOrigins();
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.headers.origin;
    const isAllowed = origin !== undefined && allowed.has(origin);
    // For a preflight, what counts is the method the page is asking about.
    const method = req.method === 'OPTIONS' ? String(req.headers['access-control-request-method'] ?? '') : req.method;
    const isPublic = PUBLIC_API_PATHS.has(req.path) && READ_METHODS.has(method);
    if (isPublic) {
      // Any page may read it, but never with cookies: `*` and credentials cannot go together,
      // and the elements fetch it with `credentials: 'omit'`.
      res.set('Access-Control-Allow-Origin', '*');
    } else if (isAllowed) {
      res.set(credentialedCorsHeaders(origin));
    } else if (origin !== undefined && origin !== ownOrigin) {
      warnRefused(req, origin, refused);
    }
    if (req.method !== 'OPTIONS') return next();
    // A preflight: answered here, whatever the path, so unknown routes do not leak as 404s first.
    if (isPublic) {
      res.set({
        'Access-Control-Allow-Methods': 'GET',
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
      });
    } else if (isAllowed) {
      res.set({
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
      });
    }
    res.status(204).end();
  };
}

function warnRefused(req: Parameters<RequestHandler>[0], origin: string, refused: RefusedOrigins): void {
  // Cut to a sane length before it is remembered or logged: the header is the sender's to fill.
  const shown =
    origin.length > REFUSED_ORIGIN_LOG.maxLength ? `${origin.slice(0, REFUSED_ORIGIN_LOG.maxLength)}…` : origin;
  if (!refused.shouldLog(shown)) return;
  const preflight = req.method === 'OPTIONS';
  // `null` is what sandboxed frames and file:// pages send; no allowlist can name it.
  const fix =
    origin === 'null'
      ? 'the page is a file or a sandboxed frame: serve it from an http(s) origin and add that origin to ACCT_ALLOWED_ORIGINS'
      : `if pages on it embed acct, add it there (ACCT_ALLOWED_ORIGINS=${shown}, comma-separated with the others)`;
  req.log.warn(
    {
      reqId: req.id,
      origin: shown,
      method: preflight ? req.headers['access-control-request-method'] : req.method,
      path: req.path,
      preflight,
    },
    `refused a request from the origin ${shown}, which is not in ACCT_ALLOWED_ORIGINS: ${fix}. ` +
      `Logged at most once every ${REFUSED_ORIGIN_LOG.intervalMs / 60_000} minutes per origin.`,
  );
}
