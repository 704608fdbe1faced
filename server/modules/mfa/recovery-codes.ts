/**
 * Recovery codes: ten single-use codes of 50 random bits each, written `xxxxx-xxxxx` in a
 * lower-case alphabet without look-alikes (no 0/o, 1/l/i), typed in any case, with or without the
 * dash.
 *
 * Stored as HMAC-SHA-256 under a random key of the user's, kept sealed with the envelope (not as
 * argon2 hashes): checking a typed code against ten argon2 hashes would cost ten slow hashes per
 * try (and ten per parallel try, which is a denial-of-service lever), and a slow hash exists to
 * protect low-entropy secrets people choose, which these are not. A keyed hash of a 50-bit random
 * code can be looked up by equality in one atomic UPDATE (single use under parallel requests:
 * docs/security.md M4), and a stolen database without ACCT_ENCRYPTION_KEYS cannot even be
 * brute-forced offline.
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '../../../contract/mfa';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // 31 symbols: ~4.95 bits each, 10 → ~49.5 bits
const CODE_LENGTH = 10;

function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A fresh set of distinct codes. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newCode());
  return [...codes];
}

/** A new per-user key for the codes' HMAC (base64), to be sealed. */
export function newRecoveryKey(): string {
  return randomBytes(32).toString('base64');
}

/** The code as typed, reduced to its symbols; null when it cannot be one of ours. */
export function normalizeRecoveryCode(typed: string): string | null {
  const symbols = typed.toLowerCase().replace(/[\s-]+/g, '');
  if (symbols.length !== CODE_LENGTH || [...symbols].some((c) => !ALPHABET.includes(c))) return null;
  return symbols;
}

/** The stored form of a (normalized) code under the user's key. */
export function recoveryCodeHash(keyBase64: string, normalized: string): string {
  return createHmac('sha256', Buffer.from(keyBase64, 'base64')).update(normalized, 'utf8').digest('hex');
}
