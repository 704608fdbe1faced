/**
 * `GET /api/me` and `GET /api/session`, the session check every page makes, answered straight
 * from Node's request, ahead of Express.
 *
 * Why: measured (docs/performance.md), Express's own work on a request — wrapping the request and
 * the response, the router walking the API's middleware, `res.json` — cost more than the session's
 * database lookup. Answered here, with the same lookup (`authenticate`, one prepared statement),
 * the same security headers, the same CORS rule and the same log line, the check runs faster than
 * a bare Express route.
 *
 * What keeps it honest: it answers only the ordinary case, and hands every other request to the
 * Express app untouched — another method (HEAD included), a query string or any other spelling of
 * the path, a request with a body, an origin the CORS rule refuses (whose warning the middleware
 * logs), and any error, which the app then answers as it answers all errors (503 `Retry-After`
 * while the database is down). The routes in sessions.routes.ts stay the definition: the test
 * (direct-session-check.test.ts) sends each kind of request to both and requires the same status,
 * body and headers.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { SessionErrors, type SessionCheck } from '../../../contract/sessions';
import { credentialedCorsHeaders } from '../../http/cors';
import { ApiError, errorBody } from '../../http/errors';
import { logAnswer } from '../../http/logging';
import { API_CACHE_CONTROL } from '../../http/reply';
import { fixedHeaders, securityHeaders } from '../../http/security-headers';
import type { Services } from '../../services';
import { readSessionToken, sessionCookieName, transportOf } from './session-transport';
import { authenticate } from './sessions.queries';
import { currentSession } from './sessions.service';

/**
 * The two paths, and whether being signed out is an error (`/me`) or an answer (`/session`). A
 * Map, so that no lookup can reach an object's prototype whatever the request target.
 */
const SIGNED_OUT = new Map<string | undefined, 'error' | 'answer'>([
  ['/api/me', 'error'],
  ['/api/session', 'answer'],
]);

const NOT_SIGNED_IN = JSON.stringify(errorBody(ApiError.of(SessionErrors, 'not_signed_in')));
const NOBODY = JSON.stringify({ user: null, session: null } satisfies SessionCheck);

/** The session check answered ahead of `app`, which answers everything else. */
export function withDirectSessionCheck(services: Services, app: RequestListener): RequestListener {
  const { config, db, logger } = services;
  const allowedOrigins = new Set(config.allowedOrigins);
  const ownOrigin = new URL(config.publicUrl).origin;
  const cookieName = sessionCookieName(transportOf(config));
  // In the order the Express path sets them: security headers, `Vary` (CORS), `Cache-Control`.
  const everyAnswer = [...fixedHeaders(securityHeaders(config)), 'Vary', 'Origin', 'Cache-Control', API_CACHE_CONTROL];

  /** True for the requests answered here; see the header comment for the others. */
  const answersHere = (req: IncomingMessage): boolean => {
    if (req.method !== 'GET' || !SIGNED_OUT.has(req.url)) return false;
    const { origin, 'content-length': length, 'transfer-encoding': chunked } = req.headers;
    if (chunked !== undefined || (length !== undefined && length !== '0')) return false;
    return origin === undefined || origin === ownOrigin || allowedOrigins.has(origin);
  };

  const answer = (req: IncomingMessage, res: ServerResponse, status: number, body: string, started: bigint) => {
    const id = randomUUID();
    const origin = req.headers.origin;
    const cors = origin !== undefined && allowedOrigins.has(origin) ? credentialedCorsHeaders(origin) : {};
    res.writeHead(status, [
      'X-Request-Id',
      id,
      ...everyAnswer,
      ...Object.entries(cors).flat(),
      'Content-Type',
      'application/json; charset=utf-8',
      'Content-Length',
      String(Buffer.byteLength(body)),
    ]);
    res.end(body);
    // Logged once the answer is handed to the socket (Express's path logs on `finish`, a moment
    // later; the line is the same).
    if (logger.isLevelEnabled('info')) {
      const { method, url = '', headers } = req;
      logAnswer(logger, { id, method, url, origin, userAgent: headers['user-agent'], statusCode: status, started });
    }
  };

  return (req, res) => {
    if (!answersHere(req)) return app(req, res);
    const started = process.hrtime.bigint();
    authenticate(db, readSessionToken(req, cookieName), config.session).then(
      (session) => {
        if (session) return answer(req, res, 200, JSON.stringify(currentSession(session)), started);
        if (SIGNED_OUT.get(req.url) === 'answer') return answer(req, res, 200, NOBODY, started);
        answer(req, res, 401, NOT_SIGNED_IN, started);
      },
      // Nothing is sent yet: the app answers the request again, errors and all.
      () => app(req, res),
    );
  };
}
