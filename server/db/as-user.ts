/**
 * Runs work on user-owned rows the way row-level security needs: inside a transaction that sets
 * the current user for `auth.uid()` and switches to the unprivileged `acct_app` role. A superuser
 * (or a table owner) bypasses RLS, so without the role switch the seed's policies would bind
 * nothing. Both settings are transaction-local, so a pooled connection never carries a user over
 * to the next borrower.
 */
import type { Knex } from 'knex';

/** The NOLOGIN role user-scoped work runs as; created by the first migration. */
export const APP_ROLE = 'acct_app';

/** The transaction-local setting `auth.uid()` reads. */
export const USER_SETTING = 'acct.user_id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `work` in a transaction as `userId`. Pass the transaction down to every query inside: on
 * the embedded database (one connection) a query on the global instance would wait forever.
 */
export async function asUser<T>(knex: Knex, userId: string, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  if (!UUID.test(userId)) throw new TypeError('asUser needs a user id (uuid)');
  return knex.transaction((trx) => asUserWithin(trx, userId, work));
}

/**
 * Like `asUser`, inside a transaction the caller already holds (a service transaction that must
 * also write a user's rows, atomically with its own): switches to the user for `work` and back to
 * the service role afterwards. If `work` throws, the transaction is doomed and rolls back anyway.
 */
export async function asUserWithin<T>(
  trx: Knex.Transaction,
  userId: string,
  work: (trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  if (!UUID.test(userId)) throw new TypeError('asUser needs a user id (uuid)');
  // One round trip for both: set_config('role', …) is what SET LOCAL ROLE does, and it checks
  // membership the same way.
  await trx.raw(`select set_config(?, ?, true), set_config('role', ?, true)`, [USER_SETTING, userId, APP_ROLE]);
  const result = await work(trx);
  await trx.raw(`select set_config(?, '', true), set_config('role', 'none', true)`, [USER_SETTING]);
  return result;
}
