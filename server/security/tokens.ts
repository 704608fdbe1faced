/**
 * One-time and session secrets: 256 bits from the CSPRNG, sent as base64url, stored only as a
 * SHA-256 hex digest (docs/security.md C4). A database leak then yields hashes that cannot be replayed,
 * and because the secrets are uniformly random, a fast unsalted hash is enough.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random secret, base64url (43 characters for the default 32 bytes). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The stored form of a secret. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two strings in time independent of where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** True when a string could be a token we issued (cheap shape check before any lookup). */
export function looksLikeToken(value: unknown, bytes = 32): value is string {
  return typeof value === 'string' && value.length === Math.ceil((bytes * 4) / 3) && /^[A-Za-z0-9_-]+$/.test(value);
}
