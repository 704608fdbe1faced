/**
 * Accounts with passwords: sign-up, sign-in, forgotten and changed passwords. The rules that make
 * them safe live here (docs/security.md A1–A4, C3):
 * - sign-up, sign-in and reset answer the same for known and unknown addresses, and an unknown
 *   address costs the same argon2 work as a known one;
 * - every attempt is rate-limited per address (IPv6 by /64) and per account before any hash runs;
 * - a password change or reset ends the other sessions.
 *
 * The module has no queries file of its own: what it reads and writes goes through the users,
 * one-time-tokens, sessions and login-history modules; it only groups their writes in transactions.
 */
import type { Knex } from 'knex';
import type { UserRow } from '../../db/tables';
import { AuthErrors } from '../../../contract/auth';
import { SessionErrors } from '../../../contract/sessions';
import type { Services } from '../../services';
import { ApiError, CommonErrors } from '../../http/errors';
import { enforceLimits, withinLimits } from '../rate-limit/rate-limit';
import { mailLimits, signInLimits } from '../rate-limit/policies';
import { rateLimitKeyForIp } from '../../security/client-ip';
import { recordLogin } from '../login-history/login-history.queries';
import { mailOptions, mailTemplates } from '../mail/templates';
import { raiseSecurityAlert } from '../notifications/security-alerts';
import { issueToken, peekToken, retireTokens, type ConsumedToken } from '../one-time-tokens/one-time-tokens.queries';
import { redeemEmailedLink, type LinkLanding } from '../sessions/hand-over';
import { pendingRegistration, sendVerificationEmail } from '../email-verification/email-verification.service';
import { browserKeyHash } from '../sessions/browser-binding';
import { endPendingSignIns } from '../mfa/mfa.queries';
import type { RequestContext } from '../sessions/request-context';
import { completeSignIn, startSession, withUser, type SignInAnswer } from '../sessions/sign-in';
import { isLiveSession, revokeOtherSessions, type NewSession } from '../sessions/sessions.queries';
import { proveAddress } from '../users/address-proof';
import {
  createUser,
  findUserByEmail,
  findUserById,
  setPasswordHash,
  toPublicUser,
  type PublicUser,
} from '../users/users.queries';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password-hash';
import { checkNewPassword } from './password-policy';

export const RESET_PASSWORD_PATH = '/auth/reset-password';

/** Throws 400 with the password field's problem, if any. */
export function assertPasswordAcceptable(
  services: Services,
  password: string,
  email: string,
  field = 'password',
): void {
  const problem = checkNewPassword(password, { minLength: services.config.passwordMinLength, email });
  if (problem) throw ApiError.of(CommonErrors, 'invalid_request', { fields: { [field]: problem } });
}

export type SignUpResult =
  { status: 'verification_sent' } | { status: 'signed_in'; user: PublicUser; session: NewSession };

export interface SignUpInput {
  email: string;
  password: string;
  displayName?: string | undefined;
  redirectUrl?: string | undefined;
  browserKey?: string | undefined;
}

export async function signUp(services: Services, input: SignUpInput, context: RequestContext): Promise<SignUpResult> {
  const { config, db, detached } = services;
  if (!config.signUpEnabled) throw ApiError.of(AuthErrors, 'sign_up_disabled');
  assertPasswordAcceptable(services, input.password, input.email);
  await enforceLimits(db.knex, [
    { action: 'sign-up:ip', identifier: rateLimitKeyForIp(context.ip), policy: config.rateLimits['sign-up:ip'] },
    ...mailLimits(config.rateLimits, context.ip, input.email),
  ]);

  // Hash before looking: known and unknown addresses then take the same time (A4).
  const passwordHash = await hashPassword(input.password);

  if (!config.requireEmailVerification) {
    // Without verification a new account signs in at once, so "taken" cannot be hidden. Its
    // password is unproven: the first proof of the address drops it (users/address-proof.ts).
    const user = await createUser(db.knex, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      locale: context.language,
    }).catch((err: { code?: unknown }) => {
      throw err.code === UNIQUE_VIOLATION ? ApiError.of(AuthErrors, 'email_taken') : err;
    });
    // A brand-new account has no second factor: straight to its session.
    const session = await startSession(services, { user, method: 'password', context });
    return { status: 'signed_in', user: toPublicUser(user), session };
  }

  // Whether the address has an account decides what is written and mailed, after answering (A4).
  detached.run('sign-up', () => registerOrNotify(services, { ...input, passwordHash }, context));
  return { status: 'verification_sent' };
}

/**
 * The part of a sign-up that depends on the address: a new or still unconfirmed account gets a
 * confirmation link carrying this sign-up as its pending registration — the password and name are
 * applied only when that link is confirmed, and a newer sign-up replaces them — while a confirmed
 * account's owner is told that someone tried, with a way to reset the password.
 */
async function registerOrNotify(
  services: Services,
  input: SignUpInput & { passwordHash: string },
  context: RequestContext,
): Promise<void> {
  const { db } = services;
  const registration = { passwordHash: input.passwordHash, displayName: input.displayName ?? null };
  const request = {
    redirectUrl: input.redirectUrl,
    ip: context.ip,
    language: context.language,
    browserKey: input.browserKey,
    registration,
  };
  // Two sign-ups of one new address at once: the second's insert fails on the unique address,
  // and its retry finds the account the first made.
  await retryOnUniqueViolation(() =>
    db.knex.transaction(async (trx) => {
      const existing = await findUserByEmail(trx, input.email);
      if (!existing) {
        // The account exists from now on, with no password and no name until its address is proven.
        const user = await createUser(trx, { email: input.email, passwordHash: null, locale: context.language });
        await services.events.publish(trx, { type: 'user.created', userId: user.id, email: user.email });
        await sendVerificationEmail(services, trx, { user, ...request });
      } else if (!existing.email_verified_at) {
        await sendVerificationEmail(services, trx, { user: existing, ...request });
      } else {
        // The owner learns someone tried; the person at the keyboard learns nothing (A4).
        await mailResetLink(services, trx, existing, input, context, 'accountExists');
      }
    }),
  );
}

const UNIQUE_VIOLATION = '23505';

async function retryOnUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if ((err as { code?: unknown }).code !== UNIQUE_VIOLATION) throw err;
    return work();
  }
}

/** Records a failed sign-in after answering, so that known and unknown addresses answer alike (A4). */
function recordFailureLater(services: Services, userId: string, failureReason: string, context: RequestContext): void {
  services.detached.run('record failed sign-in', () =>
    recordLogin(services.db.knex, {
      userId,
      event: 'login_failed',
      method: 'password',
      success: false,
      failureReason,
      context,
    }),
  );
}

export async function signInWithPassword(
  services: Services,
  input: { email: string; password: string; redirectUrl?: string | undefined; browserKey?: string | undefined },
  context: RequestContext,
): Promise<SignInAnswer<PublicUser>> {
  const { config, db } = services;
  await enforceLimits(db.knex, signInLimits(config.rateLimits, context.ip, input.email));

  const user = await findUserByEmail(db.knex, input.email);
  const unconfirmed = user && config.requireEmailVerification && !user.email_verified_at;
  // An unconfirmed account has no password of its own yet: the one to check is its pending
  // registration's (or, for accounts made by an older acct, the one it stored).
  const passwordHash = unconfirmed
    ? ((await pendingRegistration(db.knex, user.id))?.passwordHash ?? user.password_hash)
    : user?.password_hash;
  if (!user || !passwordHash) {
    await verifyAgainstDummy(input.password);
    if (user) recordFailureLater(services, user.id, 'no_password', context);
    throw ApiError.of(AuthErrors, 'invalid_credentials');
  }
  if (!(await verifyPassword(passwordHash, input.password))) {
    recordFailureLater(services, user.id, 'wrong_password', context);
    throw ApiError.of(AuthErrors, 'invalid_credentials');
  }
  if (unconfirmed) {
    // Only someone who knows the pending password gets here, so saying "not verified" reveals
    // nothing new; the link mailed again carries the same registration.
    recordFailureLater(services, user.id, 'email_not_verified', context);
    // Over the mail limit the answer stays the same, only no new mail is sent.
    if (await withinLimits(db.knex, mailLimits(config.rateLimits, context.ip, user.email))) {
      const request = {
        user,
        redirectUrl: input.redirectUrl,
        ip: context.ip,
        language: context.language,
        browserKey: input.browserKey,
      };
      await db.knex.transaction((trx) => sendVerificationEmail(services, trx, request));
    }
    throw ApiError.of(AuthErrors, 'email_not_verified');
  }
  let checked = passwordHash;
  if (needsRehash(passwordHash)) {
    const rehashed = await hashPassword(input.password);
    // Over the hash just verified only: a password changed meanwhile stays changed.
    if (await setPasswordHash(db.knex, user.id, rehashed, { replacing: passwordHash })) checked = rehashed;
  }
  const outcome = await completeSignIn(services, { user, method: 'password', context, passwordHash: checked });
  return withUser(outcome, toPublicUser(user));
}

/** Mails a reset link when the address has an account; answers the same either way, before any of that is written (A4). */
export async function requestPasswordReset(
  services: Services,
  input: { email: string; redirectUrl?: string | undefined; browserKey?: string | undefined },
  context: RequestContext,
): Promise<void> {
  const { config, db, detached } = services;
  await enforceLimits(db.knex, mailLimits(config.rateLimits, context.ip, input.email));
  const user = await findUserByEmail(db.knex, input.email);
  if (!user) return;
  detached.run('password reset mail', () =>
    db.knex.transaction(async (trx) => {
      await mailResetLink(services, trx, user, input, context, 'resetPassword');
    }),
  );
}

/** A reset link that can be used now, without using it (the landing page's GET and its checks); undefined when it cannot. */
export async function findOpenResetLink({ db }: Services, token: string): Promise<ConsumedToken | undefined> {
  return peekToken(db.knex, 'password_reset', token);
}

/**
 * The reset page's POST, once the new password passed the policy: uses up the link and sets the
 * password in one transaction. Returns where to send the browser — the page that asked, with a
 * hand-over code — or, without one, the link's language for the "done" page; undefined when the
 * link could not be used (meanwhile used by a parallel request, expired).
 */
export async function resetPassword(
  services: Services,
  { token, password }: { token: string; password: string },
  context: RequestContext,
): Promise<LinkLanding> {
  const passwordHash = await hashPassword(password);
  return redeemEmailedLink(services, { purpose: 'password_reset', token, method: 'password' }, (trx, used) =>
    completePasswordReset(services, trx, used.userId, passwordHash, context),
  );
}

/**
 * Sets a new password after a reset link was consumed (in `trx`, with the consumption): the link
 * proves the address, so an unconfirmed account's unproven credentials go first; then every
 * session ends.
 */
async function completePasswordReset(
  services: Services,
  trx: Knex.Transaction,
  userId: string,
  passwordHash: string,
  context: RequestContext,
): Promise<void> {
  const user = await proveAddress(trx, userId);
  await setPasswordHash(trx, userId, passwordHash);
  await revokeOtherSessions(trx, userId);
  await endPendingSignIns(trx, userId);
  await recordLogin(trx, { userId, event: 'password_reset', method: null, success: true, context });
  await alertPasswordChanged(services, trx, user, context);
}

/** The `password_changed` security alert (notifications/security-alerts.ts), mailed with its own template. */
function alertPasswordChanged(
  services: Services,
  trx: Knex.Transaction,
  user: Pick<UserRow, 'id' | 'locale'>,
  context: RequestContext,
): Promise<void> {
  return raiseSecurityAlert(services, trx, {
    userId: user.id,
    eventType: 'password_changed',
    mail: {
      template: 'passwordChanged',
      content: mailTemplates.passwordChanged(mailOptions(services.config, user.locale, context.language)),
    },
  });
}

export async function changePassword(
  services: Services,
  session: { id: string; userId: string },
  input: { currentPassword: string; newPassword: string },
  context: RequestContext,
): Promise<number> {
  const { config, db } = services;
  const user = await findUserById(db.knex, session.userId);
  if (!user) throw ApiError.of(AuthErrors, 'wrong_password');
  await enforceLimits(db.knex, [
    { action: 'sign-in:account', identifier: user.email, policy: config.rateLimits['sign-in:account'] },
  ]);
  assertPasswordAcceptable(services, input.newPassword, user.email, 'newPassword');
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw ApiError.of(AuthErrors, 'wrong_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.knex.transaction(async (trx) => {
    // Only over the hash the current password was checked against: of changes that overlap (each
    // spends an argon2 verify and hash before this), the first to commit wins and the others find
    // their current password replaced. The row lock this takes orders them.
    if (!(await setPasswordHash(trx, user.id, passwordHash, { replacing: user.password_hash! }))) {
      throw ApiError.of(AuthErrors, 'wrong_password');
    }
    // The asking session may have been ended while it hashed (signed out everywhere from another
    // device): a change accepted on it would end the sessions of whoever ended it.
    if (!(await isLiveSession(trx, session.id))) throw ApiError.of(SessionErrors, 'not_signed_in');
    const ended = await revokeOtherSessions(trx, user.id, session.id);
    await endPendingSignIns(trx, user.id);
    // A reset link asked for before the change would set the password back to one chosen then.
    await retireTokens(trx, user.id, 'password_reset');
    await recordLogin(trx, { userId: user.id, event: 'password_changed', method: 'password', success: true, context });
    await alertPasswordChanged(services, trx, user, context);
    return ended;
  });
}

/**
 * Queues a mail with a password-reset link for `user`, bound to the asking browser: the reset mail
 * itself, or the "you already have an account" notice a sign-up for a taken address sends.
 */
async function mailResetLink(
  { config, mail }: Services,
  trx: Knex.Transaction,
  user: { id: string; email: string; locale: string | null },
  input: { redirectUrl?: string | undefined; browserKey?: string | undefined },
  context: RequestContext,
  template: 'resetPassword' | 'accountExists',
): Promise<void> {
  const options = mailOptions(config, user.locale, context.language);
  const token = await issueToken(trx, {
    userId: user.id,
    purpose: 'password_reset',
    redirectUrl: input.redirectUrl,
    ip: context.ip,
    data: { browserKeyHash: browserKeyHash(input.browserKey) },
    language: options.lang,
  });
  const url = `${config.publicUrl}${RESET_PASSWORD_PATH}?token=${token}`;
  await mail.enqueue(trx, { to: user.email, template, content: mailTemplates[template](options, url) });
}
