/**
 * API tokens (server/modules/api-tokens): `token_prefix` holds the token's random lookup id
 * (`acct_live_<id>_…`), by which a presented token's row is found before its hash is compared in
 * constant time. Unique, so a lookup finds at most one row; the index also keeps it fast.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create unique index idx_api_tokens_prefix on api_tokens(token_prefix)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists idx_api_tokens_prefix');
}
