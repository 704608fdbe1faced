/**
 * Work that processes sharing one PostgreSQL database must do one after the other — migrating at
 * start-up, making the first signing key — serialised by a transaction-scoped advisory lock. Several
 * instances started together then wait in line instead of failing (Knex's migration lock refuses a
 * second migrator outright) or each making a key of its own.
 */
import type { Knex } from 'knex';

/** How long a process waits for another's turn: longer than any migration run. */
const WAIT = '5min';

/** Takes the advisory lock `name` inside `trx` (released when it ends). */
export async function lockInTransaction(trx: Knex.Transaction, name: string): Promise<void> {
  // Not subject to the connection's lock_timeout (tests set a short one): a turn may be long.
  await trx.raw(`set local lock_timeout = '${WAIT}'`);
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [name]);
}

/**
 * Runs `work` — on the pool's other connections — while a transaction of its own holds the lock
 * `name`. On the embedded database there is one process and one connection, which the holding
 * transaction would take from `work`: it runs as it is.
 */
export async function oneProcessAtATime<T>(knex: Knex, name: string, work: () => Promise<T>): Promise<T> {
  if (knex.client.config.client !== 'pg') return work();
  return knex.transaction(async (trx) => {
    await lockInTransaction(trx, name);
    return work();
  });
}
