/**
 * Proving an address: a 24-hour single-use link mailed at sign-up (and again on request, or when
 * an unverified account tries to sign in). The link opens a hosted page whose button confirms;
 * confirming marks the address verified and hands a session to the page the user came from.
 */
import type { Knex } from 'knex';
import type { Services } from '../../services';
import { issueToken } from '../one-time-tokens/one-time-tokens';
import { mailTemplates } from '../mail/templates';
import type { UserRow } from '../../db/tables';

export const VERIFY_EMAIL_PATH = '/auth/verify-email';

/** Issues a verification token and queues the email (in `db`, usually the caller's transaction). */
export async function sendVerificationEmail(
  { config, mail }: Services,
  db: Knex | Knex.Transaction,
  { user, redirectUrl, ip }: { user: Pick<UserRow, 'id' | 'email'>; redirectUrl: string | undefined; ip: string | undefined },
): Promise<void> {
  const token = await issueToken(db, { userId: user.id, purpose: 'email_verification', redirectUrl, ip });
  const url = `${config.publicUrl}${VERIFY_EMAIL_PATH}?token=${token}`;
  await mail.enqueue(db, { to: user.email, template: 'verifyEmail', content: mailTemplates.verifyEmail({ productName: config.productName }, url) });
}
