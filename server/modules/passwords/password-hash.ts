/**
 * Password hashing with argon2id at OWASP's minimum recommended parameters (19 MiB, 2 passes,
 * 1 lane). @node-rs/argon2 hashes on libuv's thread pool, so a sign-in never blocks the event loop
 * (SECURITY.md I1). Unknown accounts get a verify against a dummy hash, so that "no such user" takes
 * as long as "wrong password" (A4).
 */
import { hash, verify } from '@node-rs/argon2';
import { randomToken } from '../../security/tokens';

/** OWASP Password Storage Cheat Sheet, argon2id option 2: m=19456 KiB, t=2, p=1. */
export const ARGON2_PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMETERS);
}

/** Verifies; a malformed stored hash counts as a mismatch, never as an error the caller must catch. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of one verify and always fails: for sign-in attempts on unknown accounts. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomToken());
  await verifyPassword(await dummyHash, password);
  return false;
}

/** True when a stored hash was made with other parameters than today's and should be replaced. */
export function needsRehash(storedHash: string): boolean {
  const { memoryCost, timeCost, parallelism } = ARGON2_PARAMETERS;
  return !storedHash.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`);
}
