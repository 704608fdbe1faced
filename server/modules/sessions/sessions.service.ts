/**
 * What the session routes do, in wire shapes (contract/sessions.ts): who is signed in, the list
 * of the user's sessions and ending them, sign-out (recorded in the login history), bearer
 * rotation and the JWT for the site's backend. Plain values in, no request or response: setting
 * and clearing the cookie stays with the routes (session-transport.ts).
 */
import { z } from 'zod';
import type { CurrentSession, DeviceSession, SessionToken } from '../../../contract/sessions';
import { iso } from '../../../contract/wire';
import { ApiError, CommonErrors } from '../../http/errors';
import type { Services } from '../../services';
import { recordLogin } from '../login-history/login-history.queries';
import type { RequestContext } from './request-context';
import {
  revokeOtherSessions,
  revokeOwnSession,
  revokeSession,
  rotateSessionToken,
  selectLiveSessions,
  type ActiveSession,
  type NewSession,
} from './sessions.queries';

const SESSION_ID = z.uuid();

/** The signed-in user and their session, as `GET /api/me` and `GET /api/session` show them. */
export function currentSession(session: ActiveSession): CurrentSession {
  return { user: session.user, session: { id: session.id, expiresAt: iso(session.expiresAt) } };
}

/** Ends the session and records the sign-out, together. */
export async function signOut({ db }: Services, session: ActiveSession, context: RequestContext): Promise<void> {
  await db.knex.transaction(async (trx) => {
    await revokeSession(trx, session.id);
    await recordLogin(trx, { userId: session.userId, event: 'logout', method: session.method, success: true, context });
  });
}

/** The user's live sessions, most recently active first, the asking one marked `current`. */
export async function listSessions({ db, config }: Services, session: ActiveSession): Promise<DeviceSession[]> {
  const rows = await selectLiveSessions(db.knex, session.userId, config.session);
  return rows.map((r) => ({
    id: r.id,
    current: r.id === session.id,
    deviceType: r.device_type,
    deviceName: r.device_name,
    browser: r.browser,
    os: r.os,
    ipAddress: r.ip_address,
    city: r.location_city,
    country: r.location_country,
    method: r.auth_method,
    createdAt: iso(r.created_at),
    lastActiveAt: iso(r.last_active_at),
  }));
}

/**
 * Ends one of the user's own sessions; `id` is the path parameter as sent, and the id of the
 * session ended comes back. Another user's session and no session at all look the same: 404
 * (docs/security.md F1).
 */
export async function revokeOwn({ db }: Services, userId: string, id: unknown): Promise<string> {
  const parsed = SESSION_ID.safeParse(id);
  if (!parsed.success || !(await revokeOwnSession(db.knex, userId, parsed.data)))
    throw ApiError.of(CommonErrors, 'not_found');
  return parsed.data;
}

/** Ends every other session of the user; returns how many. */
export function revokeOthers({ db }: Services, session: ActiveSession): Promise<number> {
  return revokeOtherSessions(db.knex, session.userId, session.id);
}

/** Bearer transport: a new secret for the session (the old one is retired). */
export function rotateToken({ db }: Services, session: ActiveSession): Promise<NewSession> {
  return rotateSessionToken(db.knex, session.id);
}

/** A short-lived JWT naming the user and session, for the site's backend. */
export async function sessionToken({ config, signingKeys }: Services, session: ActiveSession): Promise<SessionToken> {
  const claims = { sub: session.userId, sid: session.id, email: session.user.email };
  const { token, expiresAt } = await signingKeys.sign(claims, config.jwtTtlSeconds, config.jwtAudience);
  return { token, expiresAt: iso(expiresAt) };
}
