/**
 * The one rule for every path that proves an address — the sign-up confirmation link, a magic
 * link, a password-reset link, an invitation, a new account from OAuth with a verified email: whatever
 * was set on the account before its address was first proven was set by *whoever typed the
 * address*, not necessarily by its owner, and must not outlive the proof (issue 8, pre-account
 * takeover; "Pre-hijacked accounts", Sudhodanan & Paverd, 2022).
 *
 * So the first proof of an address:
 * - sets the password chosen at the sign-up whose link was confirmed (a pending registration,
 *   see email-verification/email-verification.service.ts) and no other: an unproven password stored on the account — one
 *   set with ACCT_REQUIRE_EMAIL_VERIFICATION=false, or by an older version of acct — is dropped;
 * - ends every session, and removes passkeys and linked OAuth accounts, made before it;
 * - retires every other pending registration (older confirmation links stop working).
 * Later proofs change nothing: once an address is proven, what its owner set since is theirs.
 */
import type { Knex } from 'knex';
import type { UserRow } from '../../db/tables';
import { revokeOtherSessions } from '../sessions/sessions.queries';
import { dropUnprovenCredentials, lockUser, markAddressProven } from './users.queries';

/** What a sign-up asked for, kept with its confirmation link until the address is proven. */
export interface PendingRegistration {
  passwordHash: string;
  displayName: string | null;
}

/** Reads a registration out of a token's `data`, if it holds a well-formed one. */
export function registrationIn(data: Record<string, unknown>): PendingRegistration | undefined {
  const registration = data.registration as Partial<PendingRegistration> | undefined;
  if (!registration || typeof registration.passwordHash !== 'string') return undefined;
  return {
    passwordHash: registration.passwordHash,
    displayName: typeof registration.displayName === 'string' ? registration.displayName : null,
  };
}

/**
 * Records that the owner of the user's address has just proven it, inside `trx`; `registration`
 * is the sign-up the proof confirms, when the proof is that sign-up's link. Returns the account as
 * it now is.
 */
export async function proveAddress(
  trx: Knex.Transaction,
  userId: string,
  registration?: PendingRegistration,
): Promise<UserRow> {
  // The row lock orders two proofs of one address arriving at once: the second sees it proven.
  const user = await lockUser(trx, userId);
  if (user.email_verified_at) return user;

  const proven = await markAddressProven(trx, userId, {
    passwordHash: registration?.passwordHash ?? null,
    displayName: registration?.displayName ?? user.display_name,
  });
  await revokeOtherSessions(trx, userId);
  await dropUnprovenCredentials(trx, userId);
  return proven;
}
