/**
 * Webhook deliveries are kept `ACCT_WEBHOOK_RETENTION_DAYS` (the customer's delivery log), then
 * the cleanup job deletes them in batches. The seed's index leads with `webhook_id`, so finding
 * the old rows of every endpoint at once needs one on `created_at` alone.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index idx_webhook_deliveries_created on webhook_deliveries(created_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists idx_webhook_deliveries_created');
}
