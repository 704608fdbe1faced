/**
 * Carries the session secret between browser and server in the configured transport
 * (docs/security.md "Sessions across origins"):
 * - `cookie`: HttpOnly, SameSite=Lax, first-party cookie — acct on a subdomain of the site.
 * - `partitioned-cookie`: HttpOnly, Secure, SameSite=None, Partitioned (CHIPS) — acct on another
 *   site; the browser keys the cookie to the embedding site, so it is not a tracking cookie.
 * - `bearer`: the secret goes to the elements in the answer body and comes back as
 *   `Authorization: Bearer`. A bearer header is accepted in every mode (site backends, tests).
 * The cookie is Secure whenever the server is reached over HTTPS, or on localhost, which browsers
 * treat as a secure context.
 */
import type { IncomingMessage } from 'node:http';
import type { Response } from 'express';
import type { Session } from '../../../contract/sessions';
import { iso } from '../../../contract/wire';
import type { Config, SessionTransport } from '../../config';
import type { NewSession } from './sessions.queries';

/**
 * The session cookie's name wherever it is Secure: with the `__Host-` prefix the browser takes it
 * only from this very host, with `Path=/` and no `Domain`, so a sibling subdomain (a blog, a
 * marketing site, anything on the parent domain) can neither plant a session of its choosing nor
 * shadow the real one (cookie tossing). A plain-http server on another host cannot carry the prefix,
 * and uses PLAIN_SESSION_COOKIE.
 */
export const SESSION_COOKIE = '__Host-acct_session';
export const PLAIN_SESSION_COOKIE = 'acct_session';

export interface TransportSettings {
  transport: SessionTransport;
  publicUrl: string;
}

/** The transport settings of a configuration. */
export const transportOf = (config: Pick<Config, 'session' | 'publicUrl'>): TransportSettings => ({
  transport: config.session.transport,
  publicUrl: config.publicUrl,
});

/** The one cookie name this server writes and reads (a cookie under the other name is not its). */
export function sessionCookieName(settings: TransportSettings): string {
  return cookieOptions(settings).secure ? SESSION_COOKIE : PLAIN_SESSION_COOKIE;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The secret the request carries, from `Authorization: Bearer` or the cookie `cookieName` (sessionCookieName). */
export function readSessionToken(req: Pick<IncomingMessage, 'headers'>, cookieName: string): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim();
  return readCookie(req.headers.cookie, cookieName);
}

function cookieOptions({ transport, publicUrl }: TransportSettings) {
  const url = new URL(publicUrl);
  const secure = url.protocol === 'https:' || url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  return transport === 'partitioned-cookie'
    ? { httpOnly: true, secure: true, sameSite: 'none' as const, partitioned: true, path: '/' }
    : { httpOnly: true, secure, sameSite: 'lax' as const, path: '/' };
}

/** The answer's `session` object; sets the cookie in cookie modes, includes the secret in bearer mode. */
export function issueSession(res: Response, settings: TransportSettings, session: NewSession): Session {
  if (settings.transport === 'bearer') {
    return { id: session.id, expiresAt: iso(session.expiresAt), token: session.token };
  }
  res.cookie(sessionCookieName(settings), session.token, { ...cookieOptions(settings), expires: session.expiresAt });
  return { id: session.id, expiresAt: iso(session.expiresAt) };
}

export function clearSession(res: Response, settings: TransportSettings): void {
  if (settings.transport !== 'bearer') res.clearCookie(sessionCookieName(settings), cookieOptions(settings));
}
