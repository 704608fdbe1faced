/**
 * The last-sign-in-method rule (docs/security.md F4), one for every way a user can take a way
 * to sign in away: unlinking a provider account (connected-accounts) and removing a passkey
 * (passkeys). Removing a credential is refused when the user would keep no way to sign in.
 *
 * What counts, among the ways enabled on this server (ACCT_SIGN_IN_METHODS; linked accounts
 * always count, their providers being configured):
 * - a password, when one is set AND the address is proven: the first proof of an address drops
 *   an unproven password (users/address-proof.ts), so it cannot be relied on — except where the
 *   server signs in unproven addresses (ACCT_REQUIRE_EMAIL_VERIFICATION=false): there the
 *   password works today, and the proof that would drop it is itself a way in (its link);
 * - each passkey;
 * - magic links, when the address is proven: a link goes to the address, and an unproven address
 *   is not known to be the user's;
 * - each linked provider account.
 *
 * `withCredentialsLocked` reads all of them in one transaction after locking the user's row, so
 * two removals at once (a passkey and the last linked account, say) are decided one after the
 * other, each on what the other left. The lock is FOR NO KEY UPDATE: it serialises the removals
 * without blocking what only references the user (a new session's foreign-key check).
 */
import type { Knex } from 'knex';
import type { OtherSignInMethod } from '../../../contract/connected-accounts';
import type { Config } from '../../config';
import { asUserWithin } from '../../db/as-user';

/** A user's credentials, as the rule counts them. */
export interface Credentials {
  passwordHash: boolean;
  addressProven: boolean;
  passkeys: number;
  linkedAccounts: number;
}

/** What of the server's settings the rule depends on. */
export type SignInSettings = Pick<Config, 'signInMethods' | 'requireEmailVerification'>;

/** The user's ways to sign in besides linked accounts that this server accepts. */
export function otherSignInMethods(settings: SignInSettings, c: Credentials): OtherSignInMethod[] {
  const enabled = settings.signInMethods;
  const methods: OtherSignInMethod[] = [];
  const passwordWorks = c.addressProven || !settings.requireEmailVerification;
  if (enabled.includes('password') && c.passwordHash && passwordWorks) methods.push('password');
  if (enabled.includes('passkey') && c.passkeys > 0) methods.push('passkey');
  if (enabled.includes('magic-link') && c.addressProven) methods.push('magic_link');
  return methods;
}

/** Whether the user, with these credentials, can still sign in. */
export function canSignIn(settings: SignInSettings, c: Credentials): boolean {
  return c.linkedAccounts > 0 || otherSignInMethods(settings, c).length > 0;
}

/**
 * Runs `work` as the user (row-level security) in a transaction that first locks the user's row
 * and counts the user's credentials. `work` gets undefined credentials when the user is gone.
 * `lock: false` for a read that decides nothing.
 */
export function withCredentialsLocked<T>(
  knex: Knex,
  userId: string,
  work: (trx: Knex.Transaction, credentials: Credentials | undefined) => Promise<T>,
  { lock = true }: { lock?: boolean } = {},
): Promise<T> {
  return knex.transaction(async (trx) => {
    // On the service connection: the password hash is not readable as the user (column grants).
    const users = trx('auth.users').where({ id: userId });
    const user = await (lock ? users.forNoKeyUpdate() : users).first('password_hash', 'email_verified_at');
    if (!user) return work(trx, undefined);
    return asUserWithin(trx, userId, async (t) => {
      const count = async (table: string) => Number((await t(table).count({ n: '*' }).first())?.n ?? 0);
      return work(t, {
        passwordHash: Boolean(user.password_hash),
        addressProven: Boolean(user.email_verified_at),
        passkeys: await count('passkeys'),
        linkedAccounts: await count('oauth_accounts'),
      });
    });
  });
}
