/**
 * The mfa module's queries: the service tables `auth.mfa_totp`, `auth.mfa_recovery_codes` and
 * `auth.mfa_challenges` (migration 20261002000100_mfa), on the service connection — they hold
 * credential material acct_app may not read, and are read at sign-in, before any session exists.
 * Every "use once" is one conditional UPDATE … RETURNING, so of parallel requests exactly one wins.
 */
import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

export interface TotpRow {
  userId: string;
  secretSealed: string;
  recoveryKeySealed: string;
  confirmedAt: Date | null;
}

export async function findTotp(db: Db, userId: string): Promise<TotpRow | undefined> {
  const row = await db('auth.mfa_totp')
    .where({ user_id: userId })
    .first<{ user_id: string; secret_sealed: string; recovery_key_sealed: string; confirmed_at: Date | null }>();
  return row
    ? {
        userId: row.user_id,
        secretSealed: row.secret_sealed,
        recoveryKeySealed: row.recovery_key_sealed,
        confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : null,
      }
    : undefined;
}

/** True when the user has a confirmed authenticator. */
export async function hasConfirmedTotp(db: Db, userId: string): Promise<boolean> {
  return Boolean(await db('auth.mfa_totp').where({ user_id: userId }).whereNotNull('confirmed_at').first('user_id'));
}

/**
 * Starts (or restarts) an enrolment: a new unconfirmed secret. Changes nothing — and answers
 * false — when an authenticator is already confirmed.
 */
export async function savePendingTotp(
  db: Db,
  userId: string,
  sealed: { secret: string; recoveryKey: string },
): Promise<boolean> {
  const { rows } = await db.raw<{ rows: unknown[] }>(
    `insert into auth.mfa_totp (user_id, secret_sealed, recovery_key_sealed) values (?, ?, ?)
     on conflict (user_id) do update
       set secret_sealed = excluded.secret_sealed, recovery_key_sealed = excluded.recovery_key_sealed,
           created_at = now(), last_used_step = null
       where auth.mfa_totp.confirmed_at is null
     returning user_id`,
    [userId, sealed.secret, sealed.recoveryKey],
  );
  return rows.length === 1;
}

/** Turns the pending authenticator on, its first code's step used; false when there was none pending. */
export async function confirmTotp(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db('auth.mfa_totp')
    .where({ user_id: userId })
    .whereNull('confirmed_at')
    .update({ confirmed_at: db.fn.now(), last_used_step: step })
    .returning('user_id');
  return rows.length === 1;
}

/**
 * Records `step` as used when it is later than the last used one: false for a replayed code (or
 * an older one), so that of parallel requests with one code exactly one gets true — the row lock
 * makes the second re-check the condition after the first commits.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db('auth.mfa_totp')
    .where({ user_id: userId })
    .whereNotNull('confirmed_at')
    .whereRaw('(last_used_step is null or last_used_step < ?)', [step])
    .update({ last_used_step: step })
    .returning('user_id');
  return rows.length === 1;
}

/** Removes the authenticator and the recovery codes; false when there was no confirmed one. */
export async function deleteMfa(db: Db, userId: string): Promise<boolean> {
  const deleted = await db('auth.mfa_totp').where({ user_id: userId }).whereNotNull('confirmed_at').delete();
  await db('auth.mfa_recovery_codes').where({ user_id: userId }).delete();
  return deleted > 0;
}

/** The new set replaces every code of the old one, used or not. */
export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[]): Promise<void> {
  await db('auth.mfa_recovery_codes').where({ user_id: userId }).delete();
  await db('auth.mfa_recovery_codes').insert(hashes.map((code_hash) => ({ user_id: userId, code_hash })));
}

/** Uses up the code with this hash; false when it is unknown or already used. */
export async function useRecoveryCode(db: Db, userId: string, hash: string): Promise<boolean> {
  const rows = await db('auth.mfa_recovery_codes')
    .where({ user_id: userId, code_hash: hash })
    .whereNull('used_at')
    .update({ used_at: db.fn.now() })
    .returning('id');
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db('auth.mfa_recovery_codes')
    .where({ user_id: userId })
    .whereNull('used_at')
    .count<{ count: string | number }>({ count: '*' })
    .first();
  return Number(row?.count ?? 0);
}

export interface ChallengeRow {
  id: string;
  userId: string;
  firstMethod: string;
  /** The passkey of the first factor, if it was one. */
  passkeyId: string | undefined;
}

export async function insertChallenge(
  db: Db,
  challenge: {
    tokenHash: string;
    userId: string;
    firstMethod: string;
    passkeyId?: string | undefined;
    expiresAt: Date;
  },
): Promise<void> {
  await db('auth.mfa_challenges').insert({
    token_hash: challenge.tokenHash,
    user_id: challenge.userId,
    first_method: challenge.firstMethod,
    passkey_id: challenge.passkeyId ?? null,
    expires_at: challenge.expiresAt,
  });
}

/** The pending sign-in with this token hash, while it is unused and unexpired. */
export async function findOpenChallenge(db: Db, tokenHash: string): Promise<ChallengeRow | undefined> {
  const row = await db('auth.mfa_challenges')
    .where({ token_hash: tokenHash })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .first<{ id: string; user_id: string; first_method: string; passkey_id: string | null }>();
  return row
    ? { id: row.id, userId: row.user_id, firstMethod: row.first_method, passkeyId: row.passkey_id ?? undefined }
    : undefined;
}

/** Uses the pending sign-in up; false when a parallel request already did, or it expired meanwhile. */
export async function consumeChallenge(db: Db, id: string): Promise<boolean> {
  const rows = await db('auth.mfa_challenges')
    .where({ id })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .update({ used_at: db.fn.now() })
    .returning('id');
  return rows.length === 1;
}

/**
 * Ends the user's pending sign-ins: a changed or reset password ends every other session, and a
 * first factor given before it must not become one after it.
 */
export async function endPendingSignIns(db: Db, userId: string): Promise<void> {
  await db('auth.mfa_challenges').where({ user_id: userId }).whereNull('used_at').update({ used_at: db.fn.now() });
}

/** Counts a wrong code; at `max` the pending sign-in is used up (the user starts over). */
export async function countFailedAttempt(db: Db, id: string, max: number): Promise<void> {
  await db('auth.mfa_challenges')
    .where({ id })
    .update({
      failed_attempts: db.raw('failed_attempts + 1'),
      used_at: db.raw('case when failed_attempts + 1 >= ? then now() else used_at end', [max]),
    });
}

/** Cleanup: pending sign-ins an hour past their end. */
export async function deleteOldChallenges(db: Db): Promise<void> {
  await db('auth.mfa_challenges').where('expires_at', '<', db.raw(`now() - interval '1 hour'`)).delete();
}
