/**
 * The passkeys module's SQL: the `passkeys` table and the WebAuthn challenges kept on the server.
 *
 * Challenges (docs/security.md D1): each belongs to one ceremony (registration, authentication or
 * reauthentication) — a registration one to one user, a reauthentication one to one user's session
 * — lives five minutes, and is consumed, atomically, BEFORE the
 * response is verified. A failed verification has burned it, a replayed response finds it gone,
 * and 10 parallel submissions of one assertion get one success.
 *
 * The user's own passkeys are read and changed as that user (`asUser`, row-level security); the
 * sign-in ceremony finds a passkey by its credential before anyone is signed in, on the service
 * connection.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { asUser } from '../../db/as-user';
import type { PasskeyRow } from '../../db/tables';
import { withCredentialsLocked, type Credentials } from '../users/sign-in-methods';

type Db = Knex | Knex.Transaction;

export type Ceremony = 'registration' | 'authentication' | 'reauthentication';

export const CHALLENGE_TTL_SECONDS = 300;

export async function storeChallenge(
  db: Knex,
  challenge: string,
  ceremony: Ceremony,
  userId: string | null,
  sessionId: string | null = null,
): Promise<void> {
  await db('auth.webauthn_challenges').insert({
    challenge,
    ceremony,
    user_id: userId,
    session_id: sessionId,
    expires_at: db.raw('now() + make_interval(secs => ?)', [CHALLENGE_TTL_SECONDS]),
  });
}

/** Uses up the challenge if it is open, of this ceremony and (when given) this user's and this session's. */
export async function consumeChallenge(
  db: Knex,
  challenge: string,
  ceremony: Ceremony,
  userId: string | null,
  sessionId: string | null = null,
): Promise<boolean> {
  const query = db('auth.webauthn_challenges')
    .where({ challenge, ceremony })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now());
  if (userId) query.where({ user_id: userId });
  if (sessionId) query.where({ session_id: sessionId });
  const used = await query.update({ used_at: db.fn.now() });
  return used === 1;
}

/** The user's passkeys, oldest first. */
export function listUserPasskeys(knex: Knex, userId: string): Promise<PasskeyRow[]> {
  return asUser(knex, userId, (trx) => trx('passkeys').orderBy('created_at', 'asc'));
}

/** The user's credentials, for a new registration to exclude. */
export function listUserCredentials(
  knex: Knex,
  userId: string,
): Promise<Pick<PasskeyRow, 'credential_id' | 'transports'>[]> {
  return asUser(knex, userId, (trx) => trx('passkeys').select('credential_id', 'transports'));
}

export interface NewPasskey {
  userId: string;
  credentialId: Buffer;
  publicKey: Buffer;
  counter: number;
  transports: string[];
  aaguid: Buffer;
  name: string | null;
  backupEligible: boolean;
  backedUp: boolean;
}

/** Stores a new passkey; undefined when its credential is already registered (to anyone). */
export async function insertPasskey(trx: Knex.Transaction, passkey: NewPasskey): Promise<PasskeyRow | undefined> {
  const taken = await trx('passkeys').where({ credential_id: passkey.credentialId }).first('id');
  if (taken) return undefined;
  const [inserted] = await trx('passkeys')
    .insert({
      id: randomUUID(),
      user_id: passkey.userId,
      credential_id: passkey.credentialId,
      public_key: passkey.publicKey,
      counter: passkey.counter,
      transports: JSON.stringify(passkey.transports),
      aaguid: passkey.aaguid,
      device_name: passkey.name,
      backup_eligible: passkey.backupEligible,
      backed_up: passkey.backedUp,
    })
    .returning('*');
  return inserted;
}

/** The passkey with this credential id, whoever's it is (the sign-in ceremony). */
export function findByCredentialId(db: Db, credentialId: Buffer): Promise<PasskeyRow | undefined> {
  return db('passkeys').where({ credential_id: credentialId }).first();
}

/** Records a successful sign-in with a passkey: its new signature counter and backup state. */
export async function recordPasskeyUse(
  db: Db,
  id: string,
  { counter, backedUp }: { counter: number; backedUp: boolean },
): Promise<void> {
  await db('passkeys').where({ id }).update({ counter, backed_up: backedUp, last_used_at: db.fn.now() });
}

/** Renames one of the user's passkeys; undefined when the user has no such passkey. */
export async function renameUserPasskey(
  knex: Knex,
  userId: string,
  id: string,
  name: string,
): Promise<PasskeyRow | undefined> {
  const [row] = await asUser(knex, userId, (trx) =>
    trx('passkeys').where({ id }).update({ device_name: name }).returning('*'),
  );
  return row;
}

/**
 * Removes one of the user's passkeys and ends the user's other sessions that signed in with it,
 * in one transaction as the user, if `mayRemove` — told the user's credentials without this
 * passkey (users/sign-in-methods.ts) — allows it. Returns how many sessions ended and the passkey's name; `not_found`
 * when the user has no such passkey, `refused` when `mayRemove` said no.
 */
export function removeUserPasskey(
  knex: Knex,
  { userId, id, keepSessionId }: { userId: string; id: string; keepSessionId: string },
  mayRemove: (left: Credentials) => boolean,
): Promise<{ sessionsEnded: number; name: string | null } | 'not_found' | 'refused'> {
  return withCredentialsLocked(knex, userId, async (trx, credentials) => {
    if (!credentials) return 'not_found';
    // Locked first: a sign-in with it that is making its session (sessions/sign-in.ts) either
    // commits before, and is ended below, or finds the passkey gone.
    const passkey = await trx('passkeys')
      .where({ id })
      .forUpdate()
      .first<{ device_name: string | null } | undefined>('device_name');
    if (!passkey) return 'not_found';
    if (!mayRemove({ ...credentials, passkeys: credentials.passkeys - 1 })) return 'refused';
    const sessionsEnded = await trx('user_sessions')
      .where({ passkey_id: id })
      .whereNot({ id: keepSessionId })
      .whereNull('revoked_at')
      .update({ revoked_at: trx.fn.now() });
    await trx('passkeys').where({ id }).delete();
    return { sessionsEnded, name: passkey.device_name };
  });
}
