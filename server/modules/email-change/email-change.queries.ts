/**
 * The email change's own SQL: the address lock that orders two confirmations of one address,
 * writing the address (on the service connection: `acct_app` may not write `email`), and retiring
 * the user's open links once the address they were mailed to is no longer the account's.
 */
import type { Knex } from 'knex';
import { deleteUser, handOffOrganizations } from '../account-deletion/account-deletion.queries';

/**
 * Holds a transaction-scoped lock on `email` (lower-cased): two accounts confirming the same new
 * address at once take turns, and the second sees the first's change.
 */
export async function lockAddress(trx: Knex.Transaction, email: string): Promise<void> {
  await trx.raw(`select pg_advisory_xact_lock(hashtext('acct.email:' || lower(?)))`, [email]);
}

/** Sets the account's address, proven now (the owner of the mailbox just followed a link mailed to it). */
export async function setProvenEmail(trx: Knex.Transaction, userId: string, email: string): Promise<void> {
  await trx('auth.users').where({ id: userId }).update({ email, email_verified_at: trx.fn.now() });
}

/**
 * Deletes the account `userId` if it is only an unconfirmed sign-up of its address — never proven,
 * no password, and nothing made with it: no session, passkey, linked provider account or
 * membership; true when it was. Anyone can make such an account by typing an address into the
 * sign-up form, and its confirmation link goes to that address: once the address's owner proves
 * it by an email-change link, the placeholder stands for nobody and must not keep the address
 * from them — above all from the undo link, the owner's way back after a takeover, which an
 * attacker could otherwise block with one anonymous sign-up of the address they just took the
 * account from. One statement, so that a confirmation of the sign-up committed meanwhile (the
 * address proven) keeps the account.
 */
export async function deleteUnconfirmedSignUp(trx: Knex.Transaction, userId: string): Promise<boolean> {
  const owns = (table: string) => trx(table).whereRaw(`${table}.user_id = users.id`).select(trx.raw('1'));
  const deleted = await trx('auth.users as users')
    .where('users.id', userId)
    .whereNull('users.email_verified_at')
    .whereNull('users.password_hash')
    .whereNotExists(owns('user_sessions'))
    .whereNotExists(owns('passkeys'))
    .whereNotExists(owns('oauth_accounts'))
    .whereNotExists(owns('organization_members'))
    .delete()
    .returning('users.id');
  return deleted.length > 0;
}

/**
 * Deletes the account `userId` if it has never proven its address and was made since the undo
 * link `undoTokenId` was issued — that is, once an email change had freed the address; true when
 * it was. The undo link proves the address is its owner's, and nobody else has proven it since:
 * whoever made this account typed the address (an attacker holding the account they took, signing
 * its old address up with a password where addresses need no proof, or through a provider that
 * does not verify addresses) and must not keep the owner from their way back. Used or not, it goes
 * as account deletion takes an account: its organizations first handed on.
 */
export async function deleteUnprovenSince(
  trx: Knex.Transaction,
  userId: string,
  undoTokenId: string,
): Promise<boolean> {
  const squatter = await trx('auth.users')
    .where({ id: userId })
    .whereNull('email_verified_at')
    .where('created_at', '>=', trx('auth.one_time_tokens').where({ id: undoTokenId }).select('created_at'))
    .forUpdate()
    .first('id');
  if (!squatter) return false;
  await handOffOrganizations(trx, userId);
  await deleteUser(trx, userId);
  return true;
}

/**
 * Retires the user's open links that the account's previous address received or that would
 * change the address again: confirmation, password reset and email change links.
 */
export async function retireAddressLinks(trx: Knex.Transaction, userId: string): Promise<void> {
  await trx('auth.one_time_tokens')
    .where({ user_id: userId })
    .whereIn('purpose', ['email_verification', 'password_reset', 'email_change'])
    .whereNull('used_at')
    .update({ used_at: trx.fn.now() });
}

/**
 * Retires the user's open undo links issued after the one just used (`usedTokenId`): an older undo
 * link leads back to an earlier address, closer to the account's first owner, so it stays usable,
 * while a later change (an attacker's, perhaps) cannot be brought back.
 */
export async function retireLaterUndoLinks(trx: Knex.Transaction, userId: string, usedTokenId: string): Promise<void> {
  await trx('auth.one_time_tokens')
    .where({ user_id: userId, purpose: 'email_change_undo' })
    .whereNull('used_at')
    .where('created_at', '>=', trx('auth.one_time_tokens').where({ id: usedTokenId }).select('created_at'))
    .update({ used_at: trx.fn.now() });
}

/** The user's open email-change link, newest first: the address it was mailed to and its expiry. */
export async function selectPendingChange(
  db: Knex | Knex.Transaction,
  userId: string,
): Promise<{ email: string; expiresAt: Date } | undefined> {
  const row = await db('auth.one_time_tokens')
    .where({ user_id: userId, purpose: 'email_change' })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .orderBy('created_at', 'desc')
    .first<{ email: unknown; expires_at: Date } | undefined>(db.raw(`data->>'newEmail' as email`), 'expires_at');
  return row && typeof row.email === 'string' ? { email: row.email, expiresAt: row.expires_at } : undefined;
}

/** Retires the user's open email-change links; whether there was one. */
export async function retirePendingChanges(db: Knex | Knex.Transaction, userId: string): Promise<boolean> {
  const retired = await db('auth.one_time_tokens')
    .where({ user_id: userId, purpose: 'email_change' })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .update({ used_at: db.fn.now() });
  return retired > 0;
}
