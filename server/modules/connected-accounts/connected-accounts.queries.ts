/**
 * The connected-accounts module's SQL: the user's rows of `oauth_accounts`, read and deleted as
 * that user (`asUser`, row-level security), and what the last-method rule needs to know about the
 * user's other ways to sign in (users/sign-in-methods.ts).
 */
import type { Knex } from 'knex';
import { withCredentialsLocked, type Credentials } from '../users/sign-in-methods';

/** The columns of `oauth_accounts` this module shows (tokens and profile stay out). */
export interface LinkedAccountRow {
  id: string;
  provider: string;
  provider_email: string | null;
  created_at: Date;
  /** The last successful sign-in with this provider, from the login history (`oauth_<provider>`). */
  last_used_at: Date | null;
}

function linkedAccounts(trx: Knex.Transaction) {
  return trx<LinkedAccountRow>('oauth_accounts as o')
    .select('o.id', 'o.provider', 'o.provider_email', 'o.created_at')
    .select(
      trx.raw(
        `(select max(h.created_at) from login_history h
           where h.user_id = o.user_id and h.success and h.auth_method = 'oauth_' || o.provider) as last_used_at`,
      ),
    )
    .orderBy([
      { column: 'o.created_at', order: 'asc' },
      { column: 'o.id', order: 'asc' },
    ]);
}

/** The user's linked accounts and credentials (the last-method rule's count), in one transaction. */
export function readLinkedAccounts(
  knex: Knex,
  userId: string,
): Promise<{ accounts: LinkedAccountRow[]; credentials: Credentials }> {
  return withCredentialsLocked(
    knex,
    userId,
    async (t, credentials) => ({
      accounts: credentials ? await linkedAccounts(t) : [],
      credentials: credentials ?? { passwordHash: false, addressProven: false, passkeys: 0, linkedAccounts: 0 },
    }),
    { lock: false },
  );
}

/**
 * Deletes one of the user's linked accounts if the user keeps a way to sign in without it
 * (users/sign-in-methods.ts). Returns `not_found` when the user has no such account (another
 * user's row is invisible under row-level security), `refused` when it is the last way.
 */
export function deleteLinkedAccount(
  knex: Knex,
  { userId, id }: { userId: string; id: string },
  mayRemove: (left: Credentials) => boolean,
): Promise<'unlinked' | 'not_found' | 'refused'> {
  return withCredentialsLocked(knex, userId, async (t, credentials) => {
    if (!credentials) return 'not_found';
    const account = await t('oauth_accounts').where({ id }).first('id');
    if (!account) return 'not_found';
    if (!mayRemove({ ...credentials, linkedAccounts: credentials.linkedAccounts - 1 })) return 'refused';
    await t('oauth_accounts').where({ id }).delete();
    return 'unlinked';
  });
}
