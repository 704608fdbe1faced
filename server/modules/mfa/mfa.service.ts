/**
 * The second factor of an account: enrolling a TOTP authenticator (a secret shown as a QR code and
 * as text, turned on by its first code), checking codes (drift ±1 step, each code once, rate
 * limited per account and per address), recovery codes (ten, single use, a new set replacing the
 * old), and turning it off. Enrolling, regenerating and turning off need a recent sign-in
 * (sessions/recent-sign-in.ts). Sign-in's use of all this is in second-factor.ts.
 */
import type { Knex } from 'knex';
import { MfaErrors, type MfaStatus, type RecoveryCodes, type TotpEnrolment } from '../../../contract/mfa';
import { iso } from '../../../contract/wire';
import { ApiError } from '../../http/errors';
import { rateLimitKeyForIp } from '../../security/client-ip';
import type { Services } from '../../services';
import { mailOptions, mailTemplates } from '../mail/templates';
import { raiseSecurityAlert } from '../notifications/security-alerts';
import { enforceLimits } from '../rate-limit/rate-limit';
import { requireRecentSignIn } from '../sessions/recent-sign-in';
import type { ActiveSession } from '../sessions/sessions.queries';
import { findUserById } from '../users/users.queries';
import {
  claimTotpStep,
  confirmTotp,
  countUnusedRecoveryCodes,
  deleteMfa,
  findTotp,
  hasConfirmedTotp,
  replaceRecoveryCodes,
  savePendingTotp,
  useRecoveryCode,
  type TotpRow,
} from './mfa.queries';
import { newRecoveryCodes, newRecoveryKey, normalizeRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { acceptedStep, newTotpSecret, qrCodeSvg, totpUri } from './totp';

/** The envelopes' bindings (docs/security.md G2): a sealed secret copied to another user does not open. */
const secretBinding = (userId: string) => `mfa_totp.secret:${userId}`;
const recoveryKeyBinding = (userId: string) => `mfa_totp.recovery_key:${userId}`;

/** Does the user sign in with a second factor. */
export async function hasMfa({ db }: Services, userId: string): Promise<boolean> {
  return hasConfirmedTotp(db.knex, userId);
}

/** The same, inside another module's transaction (an organization's MFA policy). */
export async function hasSecondFactor(db: Knex | Knex.Transaction, userId: string): Promise<boolean> {
  return hasConfirmedTotp(db, userId);
}

export async function mfaStatus({ db }: Services, userId: string): Promise<MfaStatus> {
  const totp = await findTotp(db.knex, userId);
  const enabledAt = totp?.confirmedAt ?? null;
  return {
    enabled: enabledAt !== null,
    enabledAt: iso(enabledAt),
    recoveryCodesRemaining: enabledAt ? await countUnusedRecoveryCodes(db.knex, userId) : 0,
  };
}

/** A new secret, not on until confirmed; 409 when an authenticator is already on. */
export async function enrolTotp(services: Services, session: ActiveSession): Promise<TotpEnrolment> {
  requireRecentSignIn(session);
  const { config, db, envelope } = services;
  const secret = newTotpSecret();
  const saved = await savePendingTotp(db.knex, session.userId, {
    secret: envelope.seal(secret, secretBinding(session.userId)),
    recoveryKey: envelope.seal(newRecoveryKey(), recoveryKeyBinding(session.userId)),
  });
  if (!saved) throw ApiError.of(MfaErrors, 'mfa_already_enabled');
  const uri = totpUri(secret, { issuer: config.productName, account: session.user.email });
  return { uri, secret, qrSvg: await qrCodeSvg(uri) };
}

/** The per-address, then per-account buckets every code attempt spends from (docs/security.md M3). */
async function limitCodeAttempts(services: Services, userId: string, ip: string | undefined): Promise<void> {
  const { config, db } = services;
  const account = { action: 'mfa-code:account', identifier: userId, policy: config.rateLimits['mfa-code:account'] };
  // Without an address (a re-authentication handing only the user over) the account's bucket
  // alone applies: one shared "unknown address" bucket would let anyone lock everyone out.
  const byAddress =
    ip === undefined
      ? []
      : [{ action: 'mfa-code:ip', identifier: rateLimitKeyForIp(ip), policy: config.rateLimits['mfa-code:ip'] }];
  await enforceLimits(db.knex, [...byAddress, account]);
}

/** Turns the pending authenticator on with its first code; answers the recovery codes, shown this once. */
export async function confirmTotpEnrolment(
  services: Services,
  session: ActiveSession,
  code: string,
  ip: string | undefined,
): Promise<MfaStatus & RecoveryCodes> {
  const { db, envelope } = services;
  await limitCodeAttempts(services, session.userId, ip);
  const totp = await findTotp(db.knex, session.userId);
  if (!totp) throw ApiError.of(MfaErrors, 'mfa_enrolment_missing');
  if (totp.confirmedAt) throw ApiError.of(MfaErrors, 'mfa_already_enabled');
  const step = acceptedStep(envelope.open(totp.secretSealed, secretBinding(session.userId)), code);
  if (step === null) throw ApiError.of(MfaErrors, 'invalid_mfa_code');
  const recoveryCodes = await db.knex.transaction(async (trx) => {
    if (!(await confirmTotp(trx, session.userId, step))) throw ApiError.of(MfaErrors, 'mfa_already_enabled');
    const codes = await storeNewRecoveryCodes(services, trx, totp);
    await alertMfaChanged(services, trx, session, true);
    return codes;
  });
  return { ...(await mfaStatus(services, session.userId)), recoveryCodes };
}

async function storeNewRecoveryCodes(services: Services, trx: Knex.Transaction, totp: TotpRow): Promise<string[]> {
  const key = services.envelope.open(totp.recoveryKeySealed, recoveryKeyBinding(totp.userId));
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(
    trx,
    totp.userId,
    codes.map((code) => recoveryCodeHash(key, normalizeRecoveryCode(code)!)),
  );
  return codes;
}

/** A new set of recovery codes; the old set stops working. */
export async function regenerateRecoveryCodes(services: Services, session: ActiveSession): Promise<RecoveryCodes> {
  requireRecentSignIn(session);
  const totp = await findTotp(services.db.knex, session.userId);
  if (!totp?.confirmedAt) throw ApiError.of(MfaErrors, 'mfa_not_enabled');
  const recoveryCodes = await services.db.knex.transaction((trx) => storeNewRecoveryCodes(services, trx, totp));
  return { recoveryCodes };
}

/** Turns the second factor off: the authenticator and the recovery codes are deleted. */
export async function disableMfa(services: Services, session: ActiveSession): Promise<MfaStatus> {
  requireRecentSignIn(session);
  await services.db.knex.transaction(async (trx) => {
    if (!(await deleteMfa(trx, session.userId))) throw ApiError.of(MfaErrors, 'mfa_not_enabled');
    await alertMfaChanged(services, trx, session, false);
  });
  return mfaStatus(services, session.userId);
}

async function alertMfaChanged(
  services: Services,
  trx: Knex.Transaction,
  session: ActiveSession,
  enabled: boolean,
): Promise<void> {
  await raiseSecurityAlert(services, trx, {
    userId: session.userId,
    eventType: 'mfa_changed',
    mail: {
      template: 'mfaChanged',
      content: mailTemplates.mfaChanged(mailOptions(services.config, session.user.locale), enabled),
    },
  });
}

/**
 * True when `code` is the user's current TOTP code (±1 step) and no code of its step or a later
 * one was accepted before: the step is claimed atomically, so a code works once however many
 * requests carry it at the same time. Spends the rate-limit buckets first.
 */
export async function verifyTotpCode(
  services: Services,
  userId: string,
  code: string,
  ip: string | undefined,
): Promise<boolean> {
  await limitCodeAttempts(services, userId, ip);
  const totp = await findTotp(services.db.knex, userId);
  if (!totp?.confirmedAt || !/^\d{6}$/.test(code)) return false;
  const step = acceptedStep(services.envelope.open(totp.secretSealed, secretBinding(userId)), code);
  return step !== null && (await claimTotpStep(services.db.knex, userId, step));
}

/**
 * True when `typed` is one of the user's unused recovery codes, which is then used up (of parallel
 * requests with one code, exactly one gets true). The user is mailed that a code was used, with
 * how many are left (a warning at two or fewer).
 */
export async function redeemRecoveryCode(
  services: Services,
  userId: string,
  typed: string,
  ip: string | undefined,
): Promise<boolean> {
  await limitCodeAttempts(services, userId, ip);
  const { db, envelope, config } = services;
  const totp = await findTotp(db.knex, userId);
  const normalized = normalizeRecoveryCode(typed);
  if (!totp?.confirmedAt || !normalized) return false;
  const hash = recoveryCodeHash(envelope.open(totp.recoveryKeySealed, recoveryKeyBinding(userId)), normalized);
  return db.knex.transaction(async (trx) => {
    if (!(await useRecoveryCode(trx, userId, hash))) return false;
    const remaining = await countUnusedRecoveryCodes(trx, userId);
    const user = await findUserById(trx, userId);
    await raiseSecurityAlert(services, trx, {
      userId,
      eventType: 'recovery_code_used',
      mail: {
        template: 'recoveryCodeUsed',
        content: mailTemplates.recoveryCodeUsed(mailOptions(config, user?.locale), remaining),
      },
    });
    return true;
  });
}
