/**
 * Connected accounts: the signed-in user's linked sign-in providers, listed and unlinked. Linking
 * is the OAuth flow's (issue 10); this module only reads and deletes `oauth_accounts`
 * rows, as the user (row-level security). The SQL is in connected-accounts.queries.ts.
 *
 * The last way to sign in is never unlinked (409 `last_sign_in_method`): the rule, shared with
 * passkey removal, is users/sign-in-methods.ts.
 * Unlinking ends no session (the session did not depend on the provider after sign-in) and is not
 * written to the login history: no event type fits it.
 */
import type { ConnectedAccount, ConnectedAccountList } from '../../../contract/connected-accounts';
import { ConnectedAccountErrors } from '../../../contract/connected-accounts';
import { iso } from '../../../contract/wire';
import { ApiError } from '../../http/errors';
import type { Config } from '../../config';
import type { Services } from '../../services';
import { providerDisplayName } from '../oauth/oauth-settings';
import { canSignIn, otherSignInMethods } from '../users/sign-in-methods';
import { deleteLinkedAccount, readLinkedAccounts, type LinkedAccountRow } from './connected-accounts.queries';

const toListing = (config: Config, row: LinkedAccountRow): ConnectedAccount => ({
  id: row.id,
  provider: row.provider,
  providerName: providerDisplayName(config.oauthProviders, row.provider),
  email: row.provider_email,
  createdAt: iso(row.created_at),
  lastUsedAt: iso(row.last_used_at),
});

export async function listConnectedAccounts({ config, db }: Services, userId: string): Promise<ConnectedAccountList> {
  const { accounts, credentials } = await readLinkedAccounts(db.knex, userId);
  return {
    accounts: accounts.map((row) => toListing(config, row)),
    otherSignInMethods: otherSignInMethods(config, credentials),
  };
}

export async function unlinkConnectedAccount({ config, db }: Services, userId: string, id: string): Promise<void> {
  const outcome = await deleteLinkedAccount(db.knex, { userId, id }, (left) => canSignIn(config, left));
  if (outcome === 'not_found') throw ApiError.of(ConnectedAccountErrors, 'not_found');
  if (outcome === 'refused') throw ApiError.of(ConnectedAccountErrors, 'last_sign_in_method');
}
