/**
 * Two-step verification in element tests: codes computed from the secret the way an authenticator
 * app does (otpauth, RFC 6238), and an account of this page's store turned on through the API.
 * A code is accepted once per 30-second step, and enrolment uses the current step: the next code
 * (`offsetSteps` 1, within the server's drift window) is the one a following sign-in uses.
 */
import { Secret, TOTP } from 'otpauth';
import type { SessionStore } from '../core/session-store.js';

export function totpCode(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** Turns two-step verification on for the store's signed-in user: the secret and the recovery codes. */
export async function enrolMfa(store: SessionStore): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = await store.api.call('POST /api/mfa/totp/enrol');
  const { recoveryCodes } = await store.api.call('POST /api/mfa/totp/confirm', { body: { code: totpCode(secret) } });
  return { secret, recoveryCodes };
}
