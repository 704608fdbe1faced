/**
 * The email-verification module's own reads. Its links are one-time tokens of purpose
 * `email_verification` (issued and consumed by one-time-tokens/one-time-tokens.ts); what is read
 * here is the pending registration one of them carries.
 */
import type { Knex } from 'knex';

/** The token data of the user's newest unused confirmation link, expired or not; undefined when there is none. */
export async function newestVerificationData(
  db: Knex | Knex.Transaction,
  userId: string,
): Promise<Record<string, unknown> | undefined> {
  const row = await db('auth.one_time_tokens')
    .where({ user_id: userId, purpose: 'email_verification' })
    .whereNull('used_at')
    .orderBy('created_at', 'desc')
    .first('data');
  return row ? (row.data ?? {}) : undefined;
}
