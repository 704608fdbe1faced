/**
 * The second factor as a way to re-authenticate (step-up, `POST /api/auth/reauthenticate`, which
 * the sessions module owns): offered to users who have an authenticator, proved by a current TOTP
 * code or an unused recovery code — each accepted once, through the same checks, rate limits and
 * alerts as at sign-in (mfa.service.ts).
 */
import { z } from 'zod';
import type { Services } from '../../services';
import { normalizeRecoveryCode } from './recovery-codes';
import { hasMfa, redeemRecoveryCode, verifyTotpCode } from './mfa.service';

export const totpReauthMethod = {
  method: 'totp' as const,
  /** zod schema of the proof's body fields besides `method` */
  body: z.object({ code: z.string().max(64) }),
  /** does this user have this method (so the dialog offers it) */
  available: async (services: Services, userId: string): Promise<boolean> => hasMfa(services, userId),
  /** true when the proof is right (a TOTP code or a recovery code), consuming it (once only) */
  verify: async (services: Services, userId: string, body: { code: string }): Promise<boolean> => {
    const typed = body.code.replace(/\s+/g, '');
    // Six digits are a TOTP code; a recovery code has letters, so the two never overlap.
    if (/^\d{6}$/.test(typed)) return verifyTotpCode(services, userId, typed, undefined);
    if (normalizeRecoveryCode(typed) === null) return false;
    return redeemRecoveryCode(services, userId, typed, undefined);
  },
};
