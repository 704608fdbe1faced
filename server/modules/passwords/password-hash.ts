/**
 * Password hashing with argon2id at OWASP's minimum recommended parameters (19 MiB, 2 passes,
 * 1 lane). @node-rs/argon2 hashes on libuv's thread pool, so a sign-in never blocks the event loop
 * (docs/security.md I1). Unknown accounts get a verify against a dummy hash, so that "no such user" takes
 * as long as "wrong password" (A4).
 *
 * At most `cores − 1` hashes run at once (ACCT_HASH_CONCURRENCY): a burst of sign-ins then leaves
 * a core to the event loop and the database, so session checks stay fast while passwords hash —
 * the benchmark measured /api/me's p99 during a burst at a third of what four parallel hashes
 * on two cores gave. Hashes beyond the limit wait their turn in order.
 */
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { randomToken } from '../../security/tokens';

let limit = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

/** Sets how many hashes may run at once (from ACCT_HASH_CONCURRENCY). */
export function setHashConcurrency(n: number): void {
  limit = Math.max(1, Math.floor(n));
  while (running < limit && waiting.length) {
    running++;
    waiting.shift()!();
  }
}

/** How many hashes run right now (never more than the limit). */
export function hashesInFlight(): number {
  return running;
}

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next)
      next(); // the slot passes straight to the next in line
    else running--;
  }
}

/** OWASP Password Storage Cheat Sheet, argon2id option 2: m=19456 KiB, t=2, p=1. */
export const ARGON2_PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, ARGON2_PARAMETERS));
}

/** Verifies; a malformed stored hash counts as a mismatch, never as an error the caller must catch. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await limited(() => verify(storedHash, password));
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
