/**
 * The sessions module's queries — the only code of the module that touches Knex or SQL.
 * Sessions (the seed's `user_sessions`): an opaque 256-bit secret per session, stored only as its
 * SHA-256. Every request that needs a session checks it in the database — revoked, idle-expired
 * and absolutely-expired sessions fail on the very next request (docs/security.md C3, C5) — with one
 * indexed query that also returns the user, and writes `last_active_at` at most once a minute.
 * Bearer secrets rotate on refresh; every replaced one is kept (as its hash, in
 * `user_session_retired_secrets`) and works for a short grace period (requests already in flight);
 * the reuse of any of them after that revokes the session as stolen (C6).
 */
import type { Knex } from 'knex';
import { asUser } from '../../db/as-user';
import type { Database } from '../../db/database';
import { hashToken, looksLikeToken, randomToken } from '../../security/tokens';
import type { AuthMethod, DeviceType } from '../../../contract/sessions';
import type { SessionRow } from '../../db/tables';
import type { User } from '../../../contract/users';
import { DELETION_SCHEDULED_FOR, toPublicUser } from '../users/users.queries';
import type { RequestContext } from './request-context';

export interface SessionLifetimes {
  idleTimeoutSeconds: number;
  absoluteTimeoutSeconds: number;
}

/** A session that just passed its check, with its user. */
export interface ActiveSession {
  id: string;
  userId: string;
  createdAt: Date;
  /** The user's last proof of identity in this session: its sign-in or its last re-authentication. */
  provenAt: Date;
  expiresAt: Date;
  method: AuthMethod | null;
  user: User;
}

export interface NewSession {
  id: string;
  /** The secret: returned once, to be set as a cookie or handed to the elements. */
  token: string;
  expiresAt: Date;
}

/** How long a replaced bearer secret still works (requests that were already on their way). */
export const ROTATION_GRACE_SECONDS = 30;
/** `last_active_at` is written at most this often per session. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  db: Knex | Knex.Transaction,
  {
    userId,
    method,
    context,
    lifetimes,
    passkeyId,
  }: {
    userId: string;
    method: AuthMethod;
    context: RequestContext;
    lifetimes: SessionLifetimes;
    passkeyId?: string | undefined;
  },
): Promise<NewSession> {
  const token = randomToken();
  const [row] = await db('user_sessions')
    .insert({
      user_id: userId,
      session_token_hash: hashToken(token),
      device_type: context.device.type,
      device_name: context.device.name,
      browser: context.device.browser,
      os: context.device.os,
      ip_address: context.ip ?? null,
      location_city: context.location?.city ?? null,
      location_country: context.location?.country ?? null,
      auth_method: method,
      passkey_id: passkeyId ?? null,
      expires_at: db.raw('now() + make_interval(secs => ?)', [lifetimes.absoluteTimeoutSeconds]),
    })
    .returning(['id', 'expires_at']);
  return { id: row!.id, token, expiresAt: row!.expires_at };
}

interface SessionLookupRow {
  id: string;
  user_id: string;
  created_at: Date;
  reauthenticated_at: Date | null;
  expires_at: Date;
  last_active_at: Date;
  auth_method: AuthMethod | null;
  matched_previous: boolean;
  within_grace: boolean;
  email: string;
  email_verified_at: Date | null;
  display_name: string | null;
  avatar_url: string | null;
  bio: string | null;
  app_role: 'user' | 'admin';
  locale: string | null;
  deletion_scheduled_for: Date | null;
}

// One round trip on the hot path: the session by its current secret, only while neither revoked
// nor expired nor idle for too long, joined with its user. Prepared: this runs on every signed-in
// request. A secret replaced by a bearer refresh is looked up apart (RETIRED_SQL, by the retired
// table's primary key), only when the first finds nothing, so the common case stays a single
// index scan (plus one probe of a partial unique index for the user's scheduled deletion, which
// the elements show: users.queries.ts DELETION_SCHEDULED_FOR).
const SESSION_COLUMNS = `s.id, s.user_id, s.created_at, s.reauthenticated_at, s.expires_at, s.last_active_at, s.auth_method,
         u.email, u.email_verified_at, u.display_name, u.avatar_url, u.bio, u.app_role, u.locale,
         ${DELETION_SCHEDULED_FOR('u')}`;
const LIVE = `s.revoked_at is null and s.expires_at > now() and s.last_active_at > now() - make_interval(secs => $2)`;

const LOOKUP_SQL = `
  select ${SESSION_COLUMNS}, false as matched_previous, true as within_grace
  from user_sessions s join auth.users u on u.id = s.user_id
  where s.session_token_hash = $1 and ${LIVE}`;

const RETIRED_SQL = `
  select ${SESSION_COLUMNS}, true as matched_previous,
         r.retired_at > now() - make_interval(secs => $3) as within_grace
  from user_session_retired_secrets r
  join user_sessions s on s.id = r.session_id
  join auth.users u on u.id = s.user_id
  where r.token_hash = $1 and ${LIVE}`;

const TOUCH_SQL = 'update user_sessions set last_active_at = now() where id = $1';

/** The session a secret belongs to, if it is valid right now. */
export async function authenticate(
  db: Database,
  token: unknown,
  lifetimes: SessionLifetimes,
): Promise<ActiveSession | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const hash = hashToken(token);
  const [current] = await db.prepared<SessionLookupRow>('acct_session_lookup', LOOKUP_SQL, [
    hash,
    lifetimes.idleTimeoutSeconds,
  ]);
  const row =
    current ??
    (
      await db.prepared<SessionLookupRow>('acct_session_retired', RETIRED_SQL, [
        hash,
        lifetimes.idleTimeoutSeconds,
        ROTATION_GRACE_SECONDS,
      ])
    )[0];
  if (!row) return undefined;
  if (row.matched_previous && !row.within_grace) {
    // A replaced secret — the last one or any before it — used after its grace period: someone
    // else holds a copy. End the session for every holder (OAuth 2.0 Security BCP, refresh token
    // reuse detection).
    await revokeSession(db.knex, row.id);
    return undefined;
  }
  if (Date.now() - row.last_active_at.getTime() > TOUCH_INTERVAL_MS) {
    await db.prepared('acct_session_touch', TOUCH_SQL, [row.id]);
  }
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    provenAt:
      row.reauthenticated_at && row.reauthenticated_at > row.created_at ? row.reauthenticated_at : row.created_at,
    expiresAt: row.expires_at,
    method: row.auth_method,
    user: toPublicUser({ ...row, id: row.user_id }),
  };
}

/**
 * Records a re-authentication of the session (server/modules/reauthentication): written to the
 * row, so that the next request — served by this process or any other — reads it with the session.
 */
export async function markReauthenticated(db: Knex | Knex.Transaction, sessionId: string): Promise<Date> {
  const [row] = await db('user_sessions')
    .where({ id: sessionId })
    .update({ reauthenticated_at: db.fn.now() })
    .returning('reauthenticated_at');
  return row!.reauthenticated_at!;
}

export async function revokeSession(db: Knex | Knex.Transaction, sessionId: string): Promise<void> {
  await db('user_sessions').where({ id: sessionId }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });
}

/** Whether the session is still live (neither ended nor expired), as `db` sees it now. */
export async function isLiveSession(db: Knex | Knex.Transaction, sessionId: string): Promise<boolean> {
  const row = await db('user_sessions')
    .where({ id: sessionId })
    .whereNull('revoked_at')
    .where('expires_at', '>', db.fn.now())
    .first('id');
  return row !== undefined;
}

/**
 * Ends every session of the user but `keepSessionId` (all of them when it is undefined); returns
 * how many. The user's hand-over codes not yet exchanged (hand-over.ts) end with them: each is a
 * session waiting to be made, and anyone holding a session can turn it into one
 * (`POST /api/session/hand-over`), so without this a thief would keep a code through the
 * password change, reset or "sign out everywhere" meant to shut them out (docs/security.md C3),
 * and exchange it afterwards for a fresh session. Every flow that ends sessions and hands one over
 * issues its own code after this.
 */
export async function revokeOtherSessions(
  db: Knex | Knex.Transaction,
  userId: string,
  keepSessionId?: string,
): Promise<number> {
  const query = db('user_sessions')
    .where({ user_id: userId })
    .whereNull('revoked_at')
    .where('expires_at', '>', db.fn.now());
  if (keepSessionId) query.whereNot({ id: keepSessionId });
  const ended = await query.update({ revoked_at: db.fn.now() });
  await retireHandOverCodes(db, userId);
  return ended;
}

/**
 * Retires the user's hand-over codes not yet exchanged (hand-over.ts) — with `passkeyId`, only those
 * a session signed in with that passkey handed over, which would otherwise make a session its
 * removal cannot end.
 */
export async function retireHandOverCodes(
  db: Knex | Knex.Transaction,
  userId: string,
  passkeyId?: string,
): Promise<void> {
  const codes = db('auth.one_time_tokens').where({ user_id: userId, purpose: 'session_exchange' }).whereNull('used_at');
  if (passkeyId) codes.whereRaw(`data->>'passkeyId' = ?`, [passkeyId]);
  await codes.update({ used_at: db.fn.now() });
}

/** The passkey the session signed in with, if it did (and the passkey is still there). */
export async function passkeyOfSession(db: Knex | Knex.Transaction, sessionId: string): Promise<string | null> {
  const row = await db('user_sessions')
    .where({ id: sessionId })
    .first<{ passkey_id: string | null } | undefined>('passkey_id');
  return row?.passkey_id ?? null;
}

/**
 * Bearer transport: replaces the session's secret and retires the old one, which keeps working for
 * the grace period only. The row lock orders concurrent refreshes of one session: each retires the
 * secret the previous one issued.
 */
export async function rotateSessionToken(db: Knex, sessionId: string): Promise<NewSession> {
  const token = randomToken();
  return db.transaction(async (trx) => {
    const current = await trx('user_sessions')
      .where({ id: sessionId })
      .whereNull('revoked_at')
      .forUpdate()
      .first('session_token_hash');
    if (!current) throw new Error('session vanished during rotation');
    await trx('user_session_retired_secrets').insert({ token_hash: current.session_token_hash, session_id: sessionId });
    const [row] = await trx('user_sessions')
      .where({ id: sessionId })
      .update({ session_token_hash: hashToken(token) })
      .returning(['id', 'expires_at']);
    return { id: row!.id, token, expiresAt: row!.expires_at };
  });
}

/**
 * A `user_sessions` row as this module writes it: `device_type` from DeviceInfo and `auth_method`
 * an AuthMethod (the columns are plain varchar).
 */
export interface LiveSessionRow extends SessionRow {
  device_type: DeviceType | null;
  auth_method: AuthMethod | null;
}

/** The user's live sessions (RLS-bound), most recently active first. */
export async function selectLiveSessions(
  knex: Knex,
  userId: string,
  lifetimes: SessionLifetimes,
): Promise<LiveSessionRow[]> {
  const rows = await asUser(knex, userId, (trx) =>
    trx('user_sessions')
      .whereNull('revoked_at')
      .where('expires_at', '>', trx.fn.now())
      .where('last_active_at', '>', trx.raw('now() - make_interval(secs => ?)', [lifetimes.idleTimeoutSeconds]))
      .orderBy('last_active_at', 'desc'),
  );
  return rows as LiveSessionRow[];
}

/** Revokes one of the user's own sessions (RLS-bound); false when there is no such live session of theirs. */
export async function revokeOwnSession(knex: Knex, userId: string, sessionId: string): Promise<boolean> {
  const count = await asUser(knex, userId, (trx) =>
    trx('user_sessions').where({ id: sessionId }).whereNull('revoked_at').update({ revoked_at: trx.fn.now() }),
  );
  return count > 0;
}
