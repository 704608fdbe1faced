/**
 * Housekeeping every ten minutes, as a scheduled job (one run per interval across every process):
 * the seed's `cleanup_expired_sessions()` (old sessions, magic links and idle rate-limit buckets,
 * which keeps `rate_limit_buckets` small), plus the one-time tokens, OAuth attempts, WebAuthn
 * challenges, old mail and webhook deliveries past their retention that acct adds. The tables that
 * grow with traffic (sessions, magic links, buckets, mail, webhook deliveries) are deleted in
 * batches (db/delete-in-batches.ts), so that a large backlog never holds its locks for long. The
 * seed's function deletes in one statement each and its body must stay the seed's, so its rows go
 * first in batches (SEED_CLEANUP) and the function, called after, finds at most the rows that
 * expired in between. Deletes are idempotent, so a run repeated after a crash is harmless.
 */
import type { Knex } from 'knex';
import { deleteInBatches } from '../db/delete-in-batches';
import { deleteOldConnectAttempts } from '../modules/connected-apps/connected-apps.queries';
import { deleteOldChallenges } from '../modules/mfa/mfa.queries';
import { deleteOldAttempts } from '../modules/oauth/oauth.queries';
import { defineJob } from './jobs';

export interface CleanupOptions {
  /** Days a webhook delivery stays in its endpoint's log (`ACCT_WEBHOOK_RETENTION_DAYS`). */
  webhookRetentionDays: number;
  /** Rows deleted per statement. */
  batchSize?: number;
}

/**
 * What `cleanup_expired_sessions()` deletes (migrations/20260201000600_functions_and_triggers.ts),
 * statement for statement: the table, the time column and its grace period. Each time column has
 * an index (20261204000100_cleanup_indexes for the first two, the seed's idx_rate_limit_cleanup for
 * the third).
 */
export const SEED_CLEANUP = [
  { table: 'user_sessions', column: 'expires_at', grace: '7 days' },
  { table: 'magic_links', column: 'expires_at', grace: '1 day' },
  { table: 'rate_limit_buckets', column: 'last_refill', grace: '1 hour' },
] as const;

export async function runCleanup(knex: Knex, { webhookRetentionDays, batchSize }: CleanupOptions): Promise<void> {
  for (const { table, column, grace } of SEED_CLEANUP) {
    await deleteInBatches(
      knex,
      table,
      (q) => q.where(column, '<', knex.raw(`now() - ?::interval`, [grace])),
      batchSize,
    );
  }
  await knex.raw('select cleanup_expired_sessions()');
  await knex('auth.one_time_tokens').where('expires_at', '<', knex.raw(`now() - interval '1 day'`)).delete();
  await deleteOldAttempts(knex);
  await deleteOldConnectAttempts(knex);
  await deleteOldChallenges(knex);
  await knex('auth.webauthn_challenges').where('expires_at', '<', knex.raw(`now() - interval '1 hour'`)).delete();
  // Delivered mail is kept a week (the development outbox shows it), failures a month.
  const olderThan = (days: number) => knex.raw(`now() - make_interval(days => ?)`, [days]);
  await deleteInBatches(
    knex,
    'mail_queue',
    (q) => q.where({ status: 'sent' }).where('created_at', '<', olderThan(7)),
    batchSize,
  );
  await deleteInBatches(
    knex,
    'mail_queue',
    (q) => q.where({ status: 'failed' }).where('created_at', '<', olderThan(30)),
    batchSize,
  );
  // An attempt still due is kept whatever its age: deleting it would lose the message.
  await deleteInBatches(
    knex,
    'webhook_deliveries',
    (q) => q.whereNot({ status: 'pending' }).where('created_at', '<', olderThan(webhookRetentionDays)),
    batchSize,
  );
}

export const cleanupJob = defineJob({
  name: 'maintenance.cleanup',
  cron: '*/10 * * * *',
  handler: ({ config, db }) => runCleanup(db.knex, { webhookRetentionDays: config.webhookRetentionDays }),
  // The next run comes in ten minutes anyway.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
});
