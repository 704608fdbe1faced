/**
 * Proving an address: a 24-hour single-use link mailed at sign-up (and again on request, or when
 * an unverified account tries to sign in). The link opens a hosted page whose button confirms;
 * confirming marks the address verified and hands a session to the page the user came from.
 */
import type { Knex } from 'knex';
import type { Services } from '../../services';
import { issueToken } from '../one-time-tokens/one-time-tokens';
import { mailOptions, mailTemplates } from '../mail/templates';
import type { UserRow } from '../../db/tables';
import type { Language } from '../../i18n';

export const VERIFY_EMAIL_PATH = '/auth/verify-email';

/**
 * Issues a verification token and queues the email (in `db`, usually the caller's transaction), in
 * the user's language, else the language of the request that caused it (`language`).
 */
export async function sendVerificationEmail(
  { config, mail }: Services,
  db: Knex | Knex.Transaction,
  {
    user,
    redirectUrl,
    ip,
    language,
  }: { user: Pick<UserRow, 'id' | 'email' | 'locale'>; redirectUrl: string | undefined; ip: string | undefined; language: Language | undefined },
): Promise<void> {
  const options = mailOptions(config, user.locale, language);
  const token = await issueToken(db, { userId: user.id, purpose: 'email_verification', redirectUrl, ip, language: options.lang });
  const url = `${config.publicUrl}${VERIFY_EMAIL_PATH}?token=${token}`;
  await mail.enqueue(db, { to: user.email, template: 'verifyEmail', content: mailTemplates.verifyEmail(options, url) });
}
