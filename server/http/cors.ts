/**
 * CORS for the API: only the origins in `ACCT_ALLOWED_ORIGINS`, echoed exactly, with
 * `Vary: Origin` so caches keep answers per origin (SECURITY.md E2). Credentials are allowed
 * because the session may travel as a cookie. Anything else (a look-alike host, `null`, another
 * scheme) gets no `Access-Control-Allow-Origin`, and the browser withholds the answer.
 */
import cors from 'cors';

export function apiCors(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Accept-Language'],
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
}
