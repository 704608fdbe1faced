/**
 * Deletes the rows of `table` that `select` narrows a query to, `batchSize` at a time, each batch
 * its own statement (and so its own short transaction outside one): housekeeping on a large table
 * then holds row locks on a thousand rows for milliseconds at a time, never the whole backlog at
 * once, and a crash midway leaves only rows that the next run deletes.
 *
 * Each batch is `delete … where <key> in (select <key> … where <condition> limit n)`: the inner
 * select walks an index on the condition's column (every caller's condition has one, checked by
 * server/db/hot-queries-explain.test.ts) and stops after n rows, and the outer delete finds them by
 * the primary key. `key` names that key, one column (`id`, the default) or several
 * (`rate_limit_buckets`' `(identifier, action)`).
 */
import type { Knex } from 'knex';

export async function deleteInBatches(
  knex: Knex,
  table: string,
  select: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
  batchSize = 1000,
  key: string | readonly string[] = 'id',
): Promise<number> {
  const columns = typeof key === 'string' ? [key] : [...key];
  let total = 0;
  for (;;) {
    const batch = select(knex(table).select(columns)).limit(batchSize);
    const query = knex(table);
    const deleted = await (
      columns.length === 1 ? query.whereIn(columns[0]!, batch) : query.whereIn(columns, batch)
    ).delete();
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
