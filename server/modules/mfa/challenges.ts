/**
 * The state between a correct first factor and the second: an opaque random token (256 bits,
 * stored only as its SHA-256, like sessions: docs/security.md C4) naming the user and the first
 * factor, good for five minutes and for one completed sign-in (docs/security.md M5). It is not a
 * session: nothing but `POST /api/auth/mfa/verify` accepts it.
 */
import type { SecondFactorRequired } from '../../../contract/mfa';
import { iso } from '../../../contract/wire';
import { hashToken, randomToken } from '../../security/tokens';
import type { Services } from '../../services';
import { insertChallenge } from './mfa.queries';
import { assertPasswordUnchanged } from '../passwords/password-unchanged';

export const MFA_CHALLENGE_SECONDS = 300;
/** Wrong codes one pending sign-in takes before it ends (the rate limits hold across them too). */
export const MFA_CHALLENGE_MAX_FAILURES = 5;

/**
 * `passwordHash`: a password sign-in's, which must still be the account's (sign-in.ts);
 * `passkeyId`: a passkey sign-in's passkey, which the session made by the second step keeps.
 */
export async function issueChallenge(
  { db }: Services,
  userId: string,
  firstMethod: string,
  { passwordHash, passkeyId }: { passwordHash?: string | undefined; passkeyId?: string | undefined } = {},
): Promise<SecondFactorRequired> {
  const mfaToken = randomToken();
  const expiresAt = new Date(Date.now() + MFA_CHALLENGE_SECONDS * 1000);
  await db.knex.transaction(async (trx) => {
    await assertPasswordUnchanged(trx, userId, passwordHash);
    await insertChallenge(trx, { tokenHash: hashToken(mfaToken), userId, firstMethod, passkeyId, expiresAt });
  });
  return { status: 'mfa_required', mfaToken, expiresAt: iso(expiresAt), methods: ['totp', 'recovery_code'] };
}
