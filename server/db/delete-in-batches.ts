/**
 * Deletes the rows of `table` that `select` narrows a query to, `batchSize` at a time, each batch
 * its own statement (and so its own short transaction outside one): housekeeping on a large table
 * then holds row locks on a thousand rows for milliseconds at a time, never the whole backlog at
 * once, and a crash midway leaves only rows that the next run deletes. The table needs an `id` key.
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
    const batch = select(knex(table).select('id')).limit(batchSize);
    const deleted = await knex(table).whereIn('id', batch).delete();
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
