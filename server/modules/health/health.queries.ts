/** The health module's one query: is the database there? */
import type { Knex } from 'knex';

export async function pingDatabase(knex: Knex): Promise<void> {
  await knex.raw('select 1');
}
