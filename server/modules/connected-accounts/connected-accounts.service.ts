/**
 * Connected accounts: the signed-in user's linked sign-in providers, listed and unlinked. Linking
 * is the OAuth flow's (issue 10); this module only reads and deletes `oauth_accounts`
 * rows, as the user (row-level security). The SQL is in connected-accounts.queries.ts.
 *
 * The last way to sign in is never unlinked (409 `last_sign_in_method`). Besides linked accounts
 * the ways that count are the ones enabled on this server (ACCT_SIGN_IN_METHODS) that the user
 * can really use:
 * - a password, when one is set and the address is proven — an unproven password is dropped by
 *   the first proof of the address (users/address-proof.ts), so it cannot be relied on;
 * - a passkey, when the user has one;
 * - magic links, when the address is proven: a link goes to the address, and an unproven
 *   address is not known to be the user's.
 * Unlinking ends no session (the session did not depend on the provider after sign-in) and is not
 * written to the login history: no event type fits it.
 */
import type { ConnectedAccount, ConnectedAccountList, OtherSignInMethod } from '../../../contract/connected-accounts';
import { ConnectedAccountErrors } from '../../../contract/connected-accounts';
import { iso } from '../../../contract/wire';
import type { SignInMethod } from '../../config';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import {
  deleteLinkedAccount,
  readLinkedAccounts,
  type LinkedAccountRow,
  type OtherCredentials,
} from './connected-accounts.queries';

const toListing = (row: LinkedAccountRow): ConnectedAccount => ({
  id: row.id,
  provider: row.provider,
  email: row.provider_email,
  createdAt: iso(row.created_at),
  lastUsedAt: iso(row.last_used_at),
});

/** The user's ways to sign in besides linked accounts, as the module header counts them. */
export function otherSignInMethods(enabled: readonly SignInMethod[], others: OtherCredentials): OtherSignInMethod[] {
  const methods: OtherSignInMethod[] = [];
  if (enabled.includes('password') && others.passwordHash && others.addressProven) methods.push('password');
  if (enabled.includes('passkey') && others.passkeys > 0) methods.push('passkey');
  if (enabled.includes('magic-link') && others.addressProven) methods.push('magic_link');
  return methods;
}

export async function listConnectedAccounts({ config, db }: Services, userId: string): Promise<ConnectedAccountList> {
  const { accounts, others } = await readLinkedAccounts(db.knex, userId);
  return { accounts: accounts.map(toListing), otherSignInMethods: otherSignInMethods(config.signInMethods, others) };
}

export async function unlinkConnectedAccount({ config, db }: Services, userId: string, id: string): Promise<void> {
  const outcome = await deleteLinkedAccount(
    db.knex,
    { userId, id },
    (otherAccounts, others) => otherAccounts > 0 || otherSignInMethods(config.signInMethods, others).length > 0,
  );
  if (outcome === 'not_found') throw ApiError.of(ConnectedAccountErrors, 'not_found');
  if (outcome === 'refused') throw ApiError.of(ConnectedAccountErrors, 'last_sign_in_method');
}
