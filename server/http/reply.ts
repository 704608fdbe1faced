/**
 * Answering a route of the wire contract: `reply(res, 'POST /api/auth/sign-in', body)` sends
 * `body` as JSON and, at compile time, checks it against that route's answer type in contract/ —
 * the same type the elements' `ApiClient.call()` reads it as. The route key is only for typing.
 */
import type { Response } from 'express';
import type { ResponseOf, RouteKey } from '../../contract/routes';

export function reply<K extends RouteKey>(res: Response, _route: K, body: ResponseOf<K>, status = 200): void {
  res.status(status).json(body);
}

/**
 * Every API answer's `Cache-Control`: answers about accounts and sessions must never sit in a
 * shared cache (docs/security.md E4); a route that is truly public overrides it.
 */
export const API_CACHE_CONTROL = 'no-store';
