/**
 * CORS for the API: only the origins in `ACCT_ALLOWED_ORIGINS`, compared as exact strings and
 * echoed back, with credentials allowed because the session may travel as a cookie
 * (SECURITY.md E2). Anything else (a look-alike host, `null`, another scheme or port) gets no
 * `Access-Control-Allow-*` header at all, so the browser withholds the answer. `Vary: Origin` goes
 * on every answer, allowed or not: otherwise a cache could hand one origin's answer to another.
 * (The `cors` package sets Vary only for allowed origins, hence these few lines of our own.)
 */
import type { RequestHandler } from 'express';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'Content-Type, Authorization, Accept-Language';
const EXPOSE_HEADERS = 'Retry-After, X-Request-Id';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

export function apiCors(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.headers.origin;
    const isAllowed = origin !== undefined && allowed.has(origin);
    if (isAllowed) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': EXPOSE_HEADERS,
      });
    }
    if (req.method !== 'OPTIONS') return next();
    // A preflight: answered here, whatever the path, so unknown routes do not leak as 404s first.
    if (isAllowed) {
      res.set({
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
      });
    }
    res.status(204).end();
  };
}
