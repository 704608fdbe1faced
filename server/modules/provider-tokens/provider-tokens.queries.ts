/**
 * The provider tokens of linked accounts, in `oauth_accounts`: sealed access and refresh tokens
 * (docs/security.md G2, G4: bound to their row), their expiry and the granted scopes. Reads and writes
 * for one user run inside `asUser` (the caller's transaction), so row-level security holds; only
 * the start-up sweep (`clearAllTokens`) runs as the service.
 */
import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

/** A linked account as the token code needs it: its identity (the envelopes' binding) and tokens. */
export interface TokenRow {
  id: string;
  userId: string;
  provider: string;
  accessTokenSealed: string | null;
  refreshTokenSealed: string | null;
  expiresAt: Date | null;
  scopes: string[] | null;
}

export interface SealedTokens {
  accessTokenSealed: string | null;
  refreshTokenSealed: string | null;
  expiresAt: Date | null;
  scopes: string[] | null;
}

const COLUMNS = [
  'id',
  'user_id',
  'provider',
  'access_token_encrypted',
  'refresh_token_encrypted',
  'token_expires_at',
  'scopes',
];

function toRow(row: Record<string, unknown> | undefined): TokenRow | undefined {
  if (!row) return undefined;
  return {
    id: row.id as string,
    userId: row.user_id as string,
    provider: row.provider as string,
    accessTokenSealed: (row.access_token_encrypted as string | null) ?? null,
    refreshTokenSealed: (row.refresh_token_encrypted as string | null) ?? null,
    expiresAt: row.token_expires_at ? new Date(row.token_expires_at as string) : null,
    scopes: (row.scopes as string[] | null) ?? null,
  };
}

/** The linked account of one provider account (the one a sign-in just used). */
export async function findByProviderAccount(db: Db, provider: string, subject: string): Promise<TokenRow | undefined> {
  return toRow(await db('oauth_accounts').where({ provider, provider_user_id: subject }).first(COLUMNS));
}

/**
 * The user's account at `provider`, locked until the transaction ends, so that of parallel
 * requests one refreshes and the others wait and then read its result. A user with two accounts
 * at one provider gets the one used last.
 */
export async function lockUserAccount(db: Db, userId: string, provider: string): Promise<TokenRow | undefined> {
  return toRow(
    await db('oauth_accounts')
      .where({ user_id: userId, provider })
      .orderBy('updated_at', 'desc')
      .first(COLUMNS)
      .forUpdate(),
  );
}

export async function saveTokens(db: Db, id: string, tokens: SealedTokens): Promise<void> {
  await db('oauth_accounts')
    .where({ id })
    .update({
      access_token_encrypted: tokens.accessTokenSealed,
      refresh_token_encrypted: tokens.refreshTokenSealed,
      token_expires_at: tokens.expiresAt,
      scopes: tokens.scopes === null ? null : JSON.stringify(tokens.scopes),
    });
}

const NO_TOKENS: SealedTokens = { accessTokenSealed: null, refreshTokenSealed: null, expiresAt: null, scopes: null };

export const clearTokens = (db: Db, id: string) => saveTokens(db, id, NO_TOKENS);

/** Forgets every stored provider token (start-up with ACCT_OAUTH_STORE_TOKENS off); how many rows had some. */
export async function clearAllTokens(db: Db): Promise<number> {
  return db('oauth_accounts')
    .whereNotNull('access_token_encrypted')
    .orWhereNotNull('refresh_token_encrypted')
    .update({ access_token_encrypted: null, refresh_token_encrypted: null, token_expires_at: null, scopes: null });
}
