/**
 * Route guards: `requireSession` answers 401 `not_signed_in` unless the request carries a valid
 * session, and puts it on `req.auth`; `optionalSession` only puts it there when there is one.
 */
import type { Request, RequestHandler } from 'express';
import { SessionErrors } from '../../../contract/sessions';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { readSessionToken, sessionCookieName, transportOf } from './session-transport';
import { authenticate, type ActiveSession } from './sessions.queries';

// Express's request type is extended by declaration merging, on the module that declares it.
declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in session, set by requireSession / optionalSession. */
    auth?: ActiveSession;
  }
}

export function optionalSession({ db, config }: Services): RequestHandler {
  const cookieName = sessionCookieName(transportOf(config));
  return async (req, _res, next) => {
    const session = await authenticate(db, readSessionToken(req, cookieName), config.session);
    if (session) req.auth = session;
    next();
  };
}

export function requireSession(services: Services): RequestHandler {
  const load = optionalSession(services);
  return async (req, res, next) => {
    await load(req, res, () => {});
    if (!req.auth) throw ApiError.of(SessionErrors, 'not_signed_in');
    next();
  };
}

/** The session `requireSession` put on the request. */
export function sessionOf(req: Request): ActiveSession {
  if (!req.auth) throw ApiError.of(SessionErrors, 'not_signed_in');
  return req.auth;
}
