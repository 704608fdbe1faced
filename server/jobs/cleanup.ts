/**
 * Housekeeping every ten minutes, as a scheduled job (one run per interval across every process):
 * the seed's `cleanup_expired_sessions()` (old sessions, magic links and idle rate-limit buckets,
 * which keeps `rate_limit_buckets` small), plus the one-time tokens, OAuth attempts, WebAuthn
 * challenges and delivered mail acct adds. Deletes are idempotent, so a run repeated after a crash
 * is harmless.
 */
import type { Knex } from 'knex';
import { deleteOldConnectAttempts } from '../modules/connected-apps/connected-apps.queries';
import { deleteOldChallenges } from '../modules/mfa/mfa.queries';
import { deleteOldAttempts } from '../modules/oauth/oauth.queries';
import { defineJob } from './jobs';

export async function runCleanup(knex: Knex): Promise<void> {
  await knex.raw('select cleanup_expired_sessions()');
  await knex('auth.one_time_tokens').where('expires_at', '<', knex.raw(`now() - interval '1 day'`)).delete();
  await deleteOldAttempts(knex);
  await deleteOldConnectAttempts(knex);
  await deleteOldChallenges(knex);
  await knex('auth.webauthn_challenges').where('expires_at', '<', knex.raw(`now() - interval '1 hour'`)).delete();
  // Delivered mail is kept a week (the development outbox shows it), failures a month.
  await knex('mail_queue')
    .where({ status: 'sent' })
    .where('created_at', '<', knex.raw(`now() - interval '7 days'`))
    .delete();
  await knex('mail_queue')
    .where({ status: 'failed' })
    .where('created_at', '<', knex.raw(`now() - interval '30 days'`))
    .delete();
}

export const cleanupJob = defineJob({
  name: 'maintenance.cleanup',
  cron: '*/10 * * * *',
  handler: (services) => runCleanup(services.db.knex),
  // The next run comes in ten minutes anyway.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
});
