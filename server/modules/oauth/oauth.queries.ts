/**
 * The OAuth module's SQL: sign-in attempts (`oauth_attempts`, used up by one atomic
 * `UPDATE … WHERE used_at IS NULL … RETURNING`, docs/security.md B5) and linked provider
 * accounts (`oauth_accounts`, unique per provider and provider user id).
 */
import type { Knex } from 'knex';
import type { OAuthMode } from '../../../contract/oauth';

type Db = Knex | Knex.Transaction;

export interface NewAttempt {
  stateHash: string;
  provider: string;
  nonce: string;
  codeVerifier: string;
  mode: OAuthMode;
  returnTo: string;
  clientNonce: string | null;
  browserKeyHash: string | null;
  ttlSeconds: number;
  /** A link attempt's user (oauth-linking.ts); null for a sign-in. */
  linkUserId?: string | null;
}

/** A recorded attempt, as the callback uses it up. */
export type Attempt = Omit<NewAttempt, 'stateHash' | 'ttlSeconds' | 'linkUserId'> & {
  id: string;
  /** A link attempt's user (oauth-linking.ts); null for a sign-in. */
  linkUserId: string | null;
};

export async function insertAttempt(db: Db, attempt: NewAttempt): Promise<void> {
  await db('oauth_attempts').insert({
    state_hash: attempt.stateHash,
    provider: attempt.provider,
    nonce: attempt.nonce,
    code_verifier: attempt.codeVerifier,
    mode: attempt.mode,
    return_to: attempt.returnTo,
    client_nonce: attempt.clientNonce,
    browser_key_hash: attempt.browserKeyHash,
    link_user_id: attempt.linkUserId ?? null,
    expires_at: db.raw('now() + make_interval(secs => ?)', [attempt.ttlSeconds]),
  });
}

/** Uses up the provider's open attempt with this state hash: its details once, else undefined. */
export async function useAttempt(db: Db, provider: string, stateHash: string): Promise<Attempt | undefined> {
  const [row] = await db('oauth_attempts')
    .where({ state_hash: stateHash, provider })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .update({ used_at: db.fn.now() })
    .returning([
      'id',
      'link_user_id',
      'provider',
      'nonce',
      'code_verifier',
      'mode',
      'return_to',
      'client_nonce',
      'browser_key_hash',
    ]);
  if (!row) return undefined;
  return {
    id: row.id,
    linkUserId: row.link_user_id,
    provider: row.provider,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    mode: row.mode,
    returnTo: row.return_to,
    clientNonce: row.client_nonce,
    browserKeyHash: row.browser_key_hash,
  };
}

/** Removes attempts that ended more than a day ago (used or expired). */
export async function deleteOldAttempts(db: Db): Promise<number> {
  return db('oauth_attempts').where('expires_at', '<', db.raw("now() - interval '1 day'")).delete();
}

export interface ProviderProfile {
  provider: string;
  subject: string;
  email: string;
  name: string | null;
  picture: string | null;
}

/** The user linked to this provider account, if any. */
export async function findLinkedUserId(db: Db, provider: string, subject: string): Promise<string | undefined> {
  const row = await db('oauth_accounts').where({ provider, provider_user_id: subject }).first('user_id');
  return row?.user_id;
}

/** Refreshes what the provider last said about a linked account. */
export async function touchLinkedAccount(db: Db, profile: ProviderProfile): Promise<void> {
  await db('oauth_accounts').where({ provider: profile.provider, provider_user_id: profile.subject }).update({
    provider_email: profile.email,
    provider_name: profile.name,
    provider_avatar_url: profile.picture,
    updated_at: db.fn.now(),
  });
}

/** A linked account's row as the connected accounts show it. */
export interface LinkedAccount {
  id: string;
  provider: string;
  provider_email: string | null;
  created_at: Date;
}

/**
 * Links a provider account to a user (provider tokens, when kept, come after:
 * provider-tokens.service.ts); answers the new row.
 */
export async function insertLinkedAccount(db: Db, userId: string, profile: ProviderProfile): Promise<LinkedAccount> {
  const [row] = await db('oauth_accounts')
    .insert({
      user_id: userId,
      provider: profile.provider,
      provider_user_id: profile.subject,
      provider_email: profile.email,
      provider_name: profile.name,
      provider_avatar_url: profile.picture,
    })
    .returning(['id', 'provider', 'provider_email', 'created_at']);
  return row as LinkedAccount;
}

/** The row of a linked provider account, if any. */
export async function findLinkedAccount(db: Db, provider: string, subject: string): Promise<LinkedAccount | undefined> {
  return db('oauth_accounts')
    .where({ provider, provider_user_id: subject })
    .first('id', 'provider', 'provider_email', 'created_at');
}

/** Keeps the provider account of a link attempt's callback, for the code `codeHash` to redeem. */
export async function saveLinkCode(
  db: Db,
  attemptId: string,
  codeHash: string,
  profile: ProviderProfile,
): Promise<void> {
  await db('oauth_attempts')
    .where({ id: attemptId })
    .update({ link_code_hash: codeHash, link_profile: JSON.stringify(profile) });
}

/** Uses up a link code of `userId`'s, once, within the attempt's lifetime: the provider account. */
export async function useLinkCode(db: Db, userId: string, codeHash: string): Promise<ProviderProfile | undefined> {
  const [row] = await db('oauth_attempts')
    .where({ link_code_hash: codeHash, link_user_id: userId })
    .whereNull('linked_at')
    .where('expires_at', '>', db.fn.now())
    .update({ linked_at: db.fn.now() })
    .returning('link_profile');
  if (!row?.link_profile) return undefined;
  return typeof row.link_profile === 'string' ? JSON.parse(row.link_profile) : row.link_profile;
}
