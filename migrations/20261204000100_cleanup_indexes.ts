/**
 * Indexes for the cleanup job's batched deletes (server/jobs/cleanup.ts): the seed's
 * `cleanup_expired_sessions()` finds old sessions and magic links by `expires_at` alone, which no
 * index of the seed leads with (`idx_user_sessions_active` leads with `user_id`, and
 * `idx_magic_links_cleanup` leaves out used links), and old mail is found by `created_at`, which
 * had no index at all. Without them every batch scans the whole table, and with five million
 * sessions one cleanup run reads the table once per thousand rows it deletes. Found by
 * `npm run bench:scale` and server/db/hot-queries-explain.test.ts (docs/performance.md
 * "Data growth"). On a large existing table, create them beforehand with CREATE INDEX
 * CONCURRENTLY under the same names, and this migration finds them there.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index if not exists idx_user_sessions_expires on user_sessions (expires_at)');
  await knex.raw('create index if not exists idx_magic_links_expires on magic_links (expires_at)');
  await knex.raw('create index if not exists idx_mail_queue_created on mail_queue (created_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists idx_mail_queue_created');
  await knex.raw('drop index if exists idx_magic_links_expires');
  await knex.raw('drop index if exists idx_user_sessions_expires');
}
