/**
 * Housekeeping every ten minutes in each server process: the seed's `cleanup_expired_sessions()`
 * (old sessions, magic links and idle rate-limit buckets, which keeps `rate_limit_buckets` small),
 * plus the one-time tokens, OAuth attempts and delivered mail acct adds. Deletes are idempotent, so several
 * processes running it at once is harmless.
 */
import type { Knex } from 'knex';
import type { Logger } from '../http/logging';
import { deleteOldAttempts } from '../modules/oauth/oauth.queries';

const EVERY_MS = 10 * 60_000;

export async function runCleanup(knex: Knex): Promise<void> {
  await knex.raw('select cleanup_expired_sessions()');
  await knex('auth.one_time_tokens').where('expires_at', '<', knex.raw(`now() - interval '1 day'`)).delete();
  await deleteOldAttempts(knex);
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

/** Starts the periodic cleanup; returns a function that stops it. */
export function scheduleCleanup(knex: Knex, logger: Logger): () => void {
  const timer = setInterval(() => {
    runCleanup(knex).catch((err: unknown) => logger.warn({ err }, 'cleanup failed; retrying at the next interval'));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
