/**
 * `POST /api/auth/mfa/verify`: the second step of a sign-in. The pending sign-in (challenges.ts)
 * and a TOTP code or a recovery code make a session whose method is `mfa`; the login history then
 * holds both factors — the first as `second_factor_required` with its method, the second as the
 * `login_success` with `mfa` — and every wrong code as a `login_failed` (docs/security.md M5).
 * The new-device alert comes with the session, as for any sign-in (sessions/sign-in.ts).
 */
import { MfaErrors } from '../../../contract/mfa';
import { ApiError } from '../../http/errors';
import { hashToken } from '../../security/tokens';
import type { Services } from '../../services';
import { recordLogin } from '../login-history/login-history.queries';
import type { RequestContext } from '../sessions/request-context';
import type { NewSession } from '../sessions/sessions.queries';
import { startSession } from '../sessions/sign-in';
import { findUserById, toPublicUser, type PublicUser } from '../users/users.queries';
import { MFA_CHALLENGE_MAX_FAILURES } from './challenges';
import { consumeChallenge, countFailedAttempt, findOpenChallenge } from './mfa.queries';
import { redeemRecoveryCode, verifyTotpCode } from './mfa.service';

export type SecondFactorProof = { code: string; recoveryCode?: undefined } | { recoveryCode: string; code?: undefined };

export async function verifySecondFactor(
  services: Services,
  { mfaToken, ...proof }: { mfaToken: string } & SecondFactorProof,
  context: RequestContext,
): Promise<{ user: PublicUser; session: NewSession }> {
  const { db } = services;
  const challenge = await findOpenChallenge(db.knex, hashToken(mfaToken));
  if (!challenge) throw ApiError.of(MfaErrors, 'mfa_challenge_expired');
  const { userId } = challenge;
  const right =
    proof.code !== undefined
      ? await verifyTotpCode(services, userId, proof.code, context.ip)
      : await redeemRecoveryCode(services, userId, proof.recoveryCode, context.ip);
  if (!right) {
    await countFailedAttempt(db.knex, challenge.id, MFA_CHALLENGE_MAX_FAILURES);
    await recordLogin(db.knex, {
      userId,
      event: 'login_failed',
      method: 'mfa',
      success: false,
      failureReason: proof.code !== undefined ? 'invalid_totp_code' : 'invalid_recovery_code',
      context,
    });
    throw ApiError.of(MfaErrors, 'invalid_mfa_code');
  }
  // Atomic: of parallel completions of one pending sign-in, one gets a session.
  if (!(await consumeChallenge(db.knex, challenge.id))) throw ApiError.of(MfaErrors, 'mfa_challenge_expired');
  const user = await findUserById(db.knex, userId);
  if (!user) throw ApiError.of(MfaErrors, 'mfa_challenge_expired');
  // A first factor by passkey makes the session that passkey's: removing it ends the session.
  const session = await startSession(services, { user, method: 'mfa', context, passkeyId: challenge.passkeyId });
  return { user: toPublicUser(user), session };
}
