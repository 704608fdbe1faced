/**
 * Proving an address at sign-up: a 24-hour single-use link mailed at sign-up (and again on request,
 * or when an unconfirmed account tries to sign in). The link opens a hosted page whose button
 * confirms; confirming proves the address (users/address-proof.ts) and hands a session to the page
 * the user came from.
 *
 * A sign-up made before the address is proven is only a *pending registration*: its password and
 * name travel with its confirmation link (in the link's token data), not on the account, and the
 * newest sign-up replaces the older ones (a new link supersedes the old). Confirming a link applies
 * its own registration, so a password typed by someone who does not own the mailbox never becomes
 * the account's — unless the owner confirms that very sign-up (see docs/http-api.md "Proving an address").
 *
 * The work of `email-verification.routes.ts`; SQL in `email-verification.queries.ts` and the
 * one-time-tokens module.
 */
import type { Knex } from 'knex';
import type { Services } from '../../services';
import type { UserRow } from '../../db/tables';
import type { Language } from '../../i18n';
import { mailOptions, mailTemplates } from '../mail/templates';
import { issueToken, peekToken, type ConsumedToken } from '../one-time-tokens/one-time-tokens.queries';
import { mailLimits } from '../rate-limit/policies';
import { enforceLimits } from '../rate-limit/rate-limit';
import { browserKeyHash } from '../sessions/browser-binding';
import { redeemEmailedLink, type LinkLanding } from '../sessions/hand-over';
import type { RequestContext } from '../sessions/request-context';
import { proveAddress, registrationIn, type PendingRegistration } from '../users/address-proof';
import { findUserByEmail } from '../users/users.queries';
import { newestVerificationData } from './email-verification.queries';

export const VERIFY_EMAIL_PATH = '/auth/verify-email';

/** The registration carried by the user's newest unused confirmation link, expired or not. */
export async function pendingRegistration(
  db: Knex | Knex.Transaction,
  userId: string,
): Promise<PendingRegistration | undefined> {
  const data = await newestVerificationData(db, userId);
  return data && registrationIn(data);
}

export interface VerificationRequest {
  user: Pick<UserRow, 'id' | 'email' | 'locale'>;
  redirectUrl: string | undefined;
  ip: string | undefined;
  /** The language of the request that caused the mail; the user's own language comes first. */
  language: Language | undefined;
  /** The browser that asked, so the hand-over after confirming can tell it (browser-binding.ts). */
  browserKey?: string | undefined;
  /** A new sign-up's registration; without one, the pending registration is mailed again. */
  registration?: PendingRegistration;
}

/**
 * Issues a confirmation link (superseding older ones) and queues the email, in `db` (usually the
 * caller's transaction), in the user's language, else the request's.
 */
export async function sendVerificationEmail(
  { config, mail }: Services,
  db: Knex | Knex.Transaction,
  request: VerificationRequest,
): Promise<void> {
  const { user, redirectUrl, ip, browserKey } = request;
  const options = mailOptions(config, user.locale, request.language);
  const registration = request.registration ?? (await pendingRegistration(db, user.id));
  const data = { browserKeyHash: browserKeyHash(browserKey), ...(registration ? { registration } : {}) };
  const token = await issueToken(db, {
    userId: user.id,
    purpose: 'email_verification',
    redirectUrl,
    ip,
    data,
    language: options.lang,
  });
  const url = `${config.publicUrl}${VERIFY_EMAIL_PATH}?token=${token}`;
  await mail.enqueue(db, { to: user.email, template: 'verifyEmail', content: mailTemplates.verifyEmail(options, url) });
}

/**
 * `POST /api/auth/verification/resend`: a new link for an unconfirmed account. The answer must not
 * tell whether the address has one (A4), so the lookup's outcome is acted on after answering.
 */
export async function resendVerification(
  services: Services,
  {
    email,
    redirectUrl,
    browserKey,
  }: { email: string; redirectUrl: string | undefined; browserKey?: string | undefined },
  context: RequestContext,
): Promise<void> {
  const { config, db, detached } = services;
  await enforceLimits(db.knex, mailLimits(config.rateLimits, context.ip, email));
  const user = await findUserByEmail(db.knex, email);
  if (!user || user.email_verified_at) return;
  detached.run('resend verification', () =>
    db.knex.transaction((trx) =>
      sendVerificationEmail(services, trx, {
        user,
        redirectUrl,
        ip: context.ip,
        language: context.language,
        browserKey,
      }),
    ),
  );
}

/** A confirmation link that can be used now, without using it (the landing page's GET); undefined when it cannot. */
export async function findOpenVerificationLink({ db }: Services, token: string): Promise<ConsumedToken | undefined> {
  return peekToken(db.knex, 'email_verification', token);
}

/**
 * The confirmation page's button: uses up the link and proves the address with the link's own
 * registration, in one transaction. Returns where to send the browser — the page that asked, with
 * a hand-over code — or, without one, the link's language for the "done" page (nobody to hand a
 * session to: the user signs in there); undefined when the link cannot be used.
 */
export async function confirmEmail(services: Services, token: unknown): Promise<LinkLanding> {
  return redeemEmailedLink(services, { purpose: 'email_verification', token, method: 'magic_link' }, (trx, used) =>
    proveAddress(trx, used.userId, registrationIn(used.data)),
  );
}
