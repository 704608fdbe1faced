/**
 * Accounts with passwords: sign-up, sign-in, forgotten and changed passwords. The rules that make
 * them safe live here (SECURITY.md A1–A4, C3):
 * - sign-up, sign-in and reset answer the same for known and unknown addresses, and an unknown
 *   address costs the same argon2 work as a known one;
 * - every attempt is rate-limited per address (IPv6 by /64) and per account before any hash runs;
 * - a password change or reset ends the other sessions.
 */
import type { Services } from '../../services';
import { ApiError, CommonErrors } from '../../http/errors';
import { enforceLimits } from '../rate-limit/rate-limit';
import { mailLimits, signInLimits } from '../rate-limit/policies';
import { rateLimitKeyForIp } from '../../security/client-ip';
import { recordLogin } from '../login-history/login-history';
import { mailOptions, mailTemplates } from '../mail/templates';
import { issueToken } from '../one-time-tokens/one-time-tokens';
import { sendVerificationEmail } from '../email-verification/email-verification';
import type { RequestContext } from '../sessions/request-context';
import { completeSignIn } from '../sessions/sign-in';
import { revokeOtherSessions, type NewSession } from '../sessions/sessions';
import { createUser, findUserByEmail, findUserById, setPasswordHash, toPublicUser, type PublicUser } from '../users/users';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password-hash';
import { checkNewPassword } from './password-policy';

export const PasswordErrors = {
  invalid_credentials: { status: 401, message: 'The email or password is not right.' },
  email_not_verified: { status: 403, message: 'Confirm your email address first: we have sent you a new link.' },
  sign_up_disabled: { status: 403, message: 'New accounts cannot be created here.' },
  email_taken: { status: 409, message: 'An account with this email already exists.' },
  wrong_password: { status: 403, message: 'The current password is not right.' },
} as const;

export const RESET_PASSWORD_PATH = '/auth/reset-password';

/** Throws 400 with the password field's problem, if any. */
export function assertPasswordAcceptable(services: Services, password: string, email: string, field = 'password'): void {
  const problem = checkNewPassword(password, { minLength: services.config.passwordMinLength, email });
  if (problem) throw ApiError.of(CommonErrors, 'invalid_request', { fields: { [field]: problem } });
}

export type SignUpResult = { status: 'verification_sent' } | { status: 'signed_in'; user: PublicUser; session: NewSession };

export async function signUp(
  services: Services,
  input: { email: string; password: string; displayName?: string | undefined; redirectUrl?: string | undefined },
  context: RequestContext,
): Promise<SignUpResult> {
  const { config, db, mail } = services;
  if (!config.signUpEnabled) throw ApiError.of(PasswordErrors, 'sign_up_disabled');
  assertPasswordAcceptable(services, input.password, input.email);
  await enforceLimits(db.knex, [
    { action: 'sign-up:ip', identifier: rateLimitKeyForIp(context.ip), policy: config.rateLimits['sign-up:ip'] },
    ...mailLimits(config.rateLimits, context.ip, input.email),
  ]);

  // Hash before looking: known and unknown addresses then take the same time (A4).
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(db.knex, input.email);

  if (!config.requireEmailVerification) {
    // Without verification a new account signs in at once, so "taken" cannot be hidden.
    if (existing) throw ApiError.of(PasswordErrors, 'email_taken');
    const user = await createUser(db.knex, { email: input.email, passwordHash, displayName: input.displayName, locale: context.language });
    const session = await completeSignIn(services, { user, method: 'password', context });
    return { status: 'signed_in', user: toPublicUser(user), session };
  }

  await db.knex.transaction(async (trx) => {
    if (!existing) {
      const user = await createUser(trx, { email: input.email, passwordHash, displayName: input.displayName, locale: context.language });
      await sendVerificationEmail(services, trx, { user, redirectUrl: input.redirectUrl, ip: context.ip, language: context.language });
    } else if (!existing.email_verified_at) {
      // Someone signs up again before confirming: a fresh link, but the password stays — the
      // address is not proven, and anyone could be typing it.
      await sendVerificationEmail(services, trx, { user: existing, redirectUrl: input.redirectUrl, ip: context.ip, language: context.language });
    } else {
      // The owner learns someone tried; the person at the keyboard learns nothing (A4).
      const options = mailOptions(config, existing.locale, context.language);
      const token = await issueToken(trx, { userId: existing.id, purpose: 'password_reset', redirectUrl: input.redirectUrl, ip: context.ip, language: options.lang });
      await mail.enqueue(trx, {
        to: existing.email,
        template: 'accountExists',
        content: mailTemplates.accountExists(options, `${config.publicUrl}${RESET_PASSWORD_PATH}?token=${token}`),
      });
    }
  });
  return { status: 'verification_sent' };
}

export async function signInWithPassword(
  services: Services,
  input: { email: string; password: string; redirectUrl?: string | undefined },
  context: RequestContext,
): Promise<{ user: PublicUser; session: NewSession }> {
  const { config, db } = services;
  await enforceLimits(db.knex, signInLimits(config.rateLimits, context.ip, input.email));

  const user = await findUserByEmail(db.knex, input.email);
  if (!user?.password_hash) {
    await verifyAgainstDummy(input.password);
    if (user) await recordLogin(db.knex, { userId: user.id, event: 'login_failed', method: 'password', success: false, failureReason: 'no_password', context });
    throw ApiError.of(PasswordErrors, 'invalid_credentials');
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordLogin(db.knex, { userId: user.id, event: 'login_failed', method: 'password', success: false, failureReason: 'wrong_password', context });
    throw ApiError.of(PasswordErrors, 'invalid_credentials');
  }
  if (config.requireEmailVerification && !user.email_verified_at) {
    // Only someone who knows the password gets here, so saying "not verified" reveals nothing new.
    await db.knex.transaction(async (trx) => {
      await recordLogin(trx, { userId: user.id, event: 'login_failed', method: 'password', success: false, failureReason: 'email_not_verified', context });
      await enforceLimits(trx, mailLimits(config.rateLimits, context.ip, user.email)).then(
        () => sendVerificationEmail(services, trx, { user, redirectUrl: input.redirectUrl, ip: context.ip, language: context.language }),
        () => {}, // over the mail limit: the answer stays the same, only no new mail
      );
    });
    throw ApiError.of(PasswordErrors, 'email_not_verified');
  }
  if (needsRehash(user.password_hash)) await setPasswordHash(db.knex, user.id, await hashPassword(input.password));
  const session = await completeSignIn(services, { user, method: 'password', context });
  return { user: toPublicUser(user), session };
}

/** Mails a reset link when the address has an account; the caller answers the same either way. */
export async function requestPasswordReset(
  services: Services,
  input: { email: string; redirectUrl?: string | undefined },
  context: RequestContext,
): Promise<void> {
  const { config, db, mail } = services;
  await enforceLimits(db.knex, mailLimits(config.rateLimits, context.ip, input.email));
  const user = await findUserByEmail(db.knex, input.email);
  if (!user) return;
  await db.knex.transaction(async (trx) => {
    const options = mailOptions(config, user.locale, context.language);
    const token = await issueToken(trx, { userId: user.id, purpose: 'password_reset', redirectUrl: input.redirectUrl, ip: context.ip, language: options.lang });
    await mail.enqueue(trx, {
      to: user.email,
      template: 'resetPassword',
      content: mailTemplates.resetPassword(options, `${config.publicUrl}${RESET_PASSWORD_PATH}?token=${token}`),
    });
  });
}

/** Sets a new password after a reset link was consumed: every session ends, the address counts as proven. */
export async function completePasswordReset(services: Services, userId: string, password: string, context: RequestContext): Promise<void> {
  const { db, mail, config } = services;
  const passwordHash = await hashPassword(password);
  await db.knex.transaction(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) return;
    await setPasswordHash(trx, userId, passwordHash);
    await trx('auth.users').where({ id: userId }).whereNull('email_verified_at').update({ email_verified_at: trx.fn.now() });
    await revokeOtherSessions(trx, userId);
    await recordLogin(trx, { userId, event: 'password_reset', method: null, success: true, context });
    await mail.enqueue(trx, { to: user.email, template: 'passwordChanged', content: mailTemplates.passwordChanged(mailOptions(config, user.locale, context.language)) });
  });
}

export async function changePassword(
  services: Services,
  session: { id: string; userId: string },
  input: { currentPassword: string; newPassword: string },
  context: RequestContext,
): Promise<number> {
  const { config, db, mail } = services;
  const user = await findUserById(db.knex, session.userId);
  if (!user) throw ApiError.of(PasswordErrors, 'wrong_password');
  await enforceLimits(db.knex, [{ action: 'sign-in:account', identifier: user.email, policy: config.rateLimits['sign-in:account'] }]);
  assertPasswordAcceptable(services, input.newPassword, user.email, 'newPassword');
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw ApiError.of(PasswordErrors, 'wrong_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.knex.transaction(async (trx) => {
    await setPasswordHash(trx, user.id, passwordHash);
    const ended = await revokeOtherSessions(trx, user.id, session.id);
    await recordLogin(trx, { userId: user.id, event: 'password_changed', method: 'password', success: true, context });
    await mail.enqueue(trx, { to: user.email, template: 'passwordChanged', content: mailTemplates.passwordChanged(mailOptions(config, user.locale, context.language)) });
    return ended;
  });
}
