/**
 * The connected-accounts module's SQL: the user's rows of `oauth_accounts`, read and deleted as
 * that user (`asUser`, row-level security), and what the last-method rule needs to know about the
 * user's other ways to sign in.
 */
import type { Knex } from 'knex';
import { asUserWithin } from '../../db/as-user';

/** The columns of `oauth_accounts` this module shows (tokens and profile stay out). */
export interface LinkedAccountRow {
  id: string;
  provider: string;
  provider_email: string | null;
  created_at: Date;
  /** The last successful sign-in with this provider, from the login history (`oauth_<provider>`). */
  last_used_at: Date | null;
}

/** What the user could sign in with besides linked accounts, read inside the caller's transaction. */
export interface OtherCredentials {
  passwordHash: boolean;
  addressProven: boolean;
  passkeys: number;
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

/**
 * The user's linked accounts and other credentials, in one transaction. The user's row is read
 * on the service connection (the password hash is not readable as the user: column grants).
 */
export function readLinkedAccounts(
  knex: Knex,
  userId: string,
): Promise<{ accounts: LinkedAccountRow[]; others: OtherCredentials }> {
  return knex.transaction(async (trx) => {
    const user = await trx('auth.users').where({ id: userId }).first('password_hash', 'email_verified_at');
    return asUserWithin(trx, userId, async (t) => ({
      accounts: await linkedAccounts(t),
      others: {
        passwordHash: Boolean(user?.password_hash),
        addressProven: Boolean(user?.email_verified_at),
        passkeys: await countPasskeys(t),
      },
    }));
  });
}

async function countPasskeys(trx: Knex.Transaction): Promise<number> {
  return Number((await trx('passkeys').count({ n: '*' }).first())?.n ?? 0);
}

/**
 * Deletes one of the user's linked accounts if `mayUnlink` — told how many other linked accounts
 * the user keeps and their other credentials — allows it. The user's row is locked first, so two
 * unlinks at once are decided one after the other, each on what the other left: of the last two
 * accounts of a passwordless user, at most one goes. Returns `not_found` when the user has no such account (another user's row is
 * invisible under row-level security), `refused` when `mayUnlink` said no.
 */
export function deleteLinkedAccount(
  knex: Knex,
  { userId, id }: { userId: string; id: string },
  mayUnlink: (otherAccounts: number, others: OtherCredentials) => boolean,
): Promise<'unlinked' | 'not_found' | 'refused'> {
  return knex.transaction(async (trx) => {
    // FOR NO KEY UPDATE: it serialises the unlinks (and any other lock on the row) without
    // blocking what only references the user, such as a session's foreign-key check.
    const user = await trx('auth.users')
      .where({ id: userId })
      .forNoKeyUpdate()
      .first('password_hash', 'email_verified_at');
    if (!user) return 'not_found';
    return asUserWithin(trx, userId, async (t) => {
      const account = await t('oauth_accounts').where({ id }).first('id');
      if (!account) return 'not_found';
      const otherAccounts = Number((await t('oauth_accounts').whereNot({ id }).count({ n: '*' }).first())?.n ?? 0);
      const others = {
        passwordHash: Boolean(user.password_hash),
        addressProven: Boolean(user.email_verified_at),
        passkeys: await countPasskeys(t),
      };
      if (!mayUnlink(otherAccounts, others)) return 'refused';
      await t('oauth_accounts').where({ id }).delete();
      return 'unlinked';
    });
  });
}
