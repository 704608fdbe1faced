/**
 * Deletes the rows of `table` that `select` narrows a query to, `batchSize` at a time, each batch
 * its own statement (and so its own short transaction outside one): housekeeping on a large table
 * then holds row locks on a thousand rows for milliseconds at a time, never the whole backlog at
 * once, and a crash midway leaves only rows that the next run deletes.
 *
 * Each batch is `delete … where ctid = any(array(select ctid … where <condition> limit n)) and
 * <condition>`: the inner select walks an index on the condition's column (every caller's
 * condition has one, checked by server/db/hot-queries-explain.test.ts) and stops after n rows, and
 * the delete goes straight to those row versions (a TID scan). By the rows' physical address
 * rather than their key, because a composite key (`rate_limit_buckets`' `(identifier, action)`)
 * made PostgreSQL hash the whole table for every batch. The condition is repeated outside: a row
 * updated between the select and the delete (a bucket refilled just then) is re-checked against
 * it on its new version and kept, where a delete by key would have removed it.
 */
import type { Knex } from 'knex';

export async function deleteInBatches(
  knex: Knex,
  table: string,
  select: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
  batchSize = 1000,
): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = select(knex(table).select(knex.raw('ctid'))).limit(batchSize);
    const deleted = await select(knex(table)).whereRaw('ctid = any(array(?))', [batch]).delete();
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
