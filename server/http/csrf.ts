/**
 * Cross-site request forgery guard for the API (docs/security.md E1). A state-changing request must
 * come from an allowed origin and carry JSON:
 * - `Origin`, when sent (browsers send it on every cross-origin request and every POST), must be
 *   on the allowlist or be our own origin; `Sec-Fetch-Site: cross-site` without an allowed Origin
 *   is refused too.
 * - A POST must be `application/json`. HTML forms can only send urlencoded, multipart or
 *   text/plain bodies, and a cross-origin `fetch` with JSON triggers a CORS preflight that an
 *   unknown origin fails — so together these stop forged posts, including to the endpoints that
 *   send mail without a session.
 * Requests without Origin or Fetch Metadata come from non-browser clients (site backends, curl),
 * which carry no ambient credentials to abuse.
 */
import type { RequestHandler } from 'express';
import { ApiError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export { CsrfErrors } from '../../contract/errors';
import { CsrfErrors } from '../../contract/errors';

export function csrfGuard(allowedOrigins: readonly string[], ownOrigin: string): RequestHandler {
  const allowed = new Set([...allowedOrigins, ownOrigin]);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (origin !== undefined ? !allowed.has(origin) : site === 'cross-site' || site === 'same-site') {
      throw ApiError.of(CsrfErrors, 'forbidden_origin');
    }
    if (req.method === 'POST' && !req.is('application/json')) {
      throw ApiError.of(CsrfErrors, 'json_required');
    }
    next();
  };
}
