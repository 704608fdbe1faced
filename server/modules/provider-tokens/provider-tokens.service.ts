/**
 * Provider tokens kept for the site's backend (issue 10), only while `ACCT_OAUTH_STORE_TOKENS` is
 * on. A sign-in hands its token answer to `keepProviderTokens`, which seals the access and refresh
 * tokens with the envelope keys, bound to the linked account's row, user, provider and column
 * (docs/security.md G2, G4): a ciphertext copied to another row, or from one column to the other,
 * does not open. With the setting off nothing is kept, and what an earlier run kept is dropped
 * at the next sign-in (and at start-up, `forgetTokensWhenOff`).
 *
 * `providerAccessToken` answers the site's backend: the stored access token, or a fresh one from
 * openid-client's `refreshTokenGrant` when less than a minute is left. The account's row is locked
 * while that runs, so parallel requests refresh once — the provider may rotate the refresh token,
 * and a second grant with the old one would fail or, at some providers, revoke them all.
 */
import * as client from 'openid-client';
import { ProviderTokenErrors } from '../../../contract/provider-tokens';
import type { ProviderAccessToken } from '../../../contract/provider-tokens';
import { asUser } from '../../db/as-user';
import { ApiError } from '../../http/errors';
import { EnvelopeError, type Envelope } from '../../security/envelope';
import type { Services } from '../../services';
import type { OAuthClients } from '../oauth/oauth-clients';
import { signInScopes } from '../oauth/oauth-exchange';
import type { OAuthProviderSettings } from '../oauth/oauth-settings';
import {
  clearAllTokens,
  clearTokens,
  findByProviderAccount,
  lockUserAccount,
  saveTokens,
  type SealedTokens,
  type TokenRow,
} from './provider-tokens.queries';

/** A token with less than this left is refreshed before it is handed out. */
export const REFRESH_MARGIN_SECONDS = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the envelopes of a row's tokens are bound to (the associated data). */
const boundTo = (row: Pick<TokenRow, 'id' | 'userId' | 'provider'>, column: 'access' | 'refresh') =>
  `oauth_accounts:${row.id}:${row.userId}:${row.provider}:${column}_token`;

type TokenAnswer = client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;

/**
 * Stores (or, with the setting off, drops) the tokens of the sign-in that just went through for
 * the provider account `subject`, linked to `userId`. A refresh token the provider did not send
 * again (Google sends one on first consent only) keeps the one stored before.
 */
export async function keepProviderTokens(
  { config, db, envelope }: Services,
  userId: string,
  provider: OAuthProviderSettings,
  subject: string,
  tokens: TokenAnswer,
): Promise<void> {
  await asUser(db.knex, userId, async (trx) => {
    const row = await findByProviderAccount(trx, provider.id, subject);
    if (!row) return;
    if (!config.oauthStoreTokens) {
      if (row.accessTokenSealed || row.refreshTokenSealed) await clearTokens(trx, row.id);
      return;
    }
    const keep = { keptRefresh: row.refreshTokenSealed, scopesIfUnsaid: signInScopes(provider) };
    await saveTokens(trx, row.id, sealed(envelope, row, tokens, keep));
  });
}

/**
 * The token answer sealed for `row`. A refresh token the provider did not send again keeps
 * `keptRefresh`; scopes it did not name are `scopesIfUnsaid` — what was asked at sign-in
 * (RFC 6749 §5.1), the original grant's on refresh (§6).
 */
function sealed(
  envelope: Envelope,
  row: TokenRow,
  tokens: TokenAnswer,
  { keptRefresh, scopesIfUnsaid }: { keptRefresh: string | null; scopesIfUnsaid: string[] | null },
): SealedTokens {
  const expiresIn = tokens.expiresIn();
  return {
    accessTokenSealed: envelope.seal(tokens.access_token, boundTo(row, 'access')),
    refreshTokenSealed: tokens.refresh_token
      ? envelope.seal(tokens.refresh_token, boundTo(row, 'refresh'))
      : keptRefresh,
    expiresAt: expiresIn === undefined ? null : new Date(Date.now() + expiresIn * 1000),
    scopes: tokens.scope ? tokens.scope.split(' ').filter(Boolean) : scopesIfUnsaid,
  };
}

/** The user's current access token at the provider, refreshed first when it is about to expire. */
export async function providerAccessToken(
  services: Services,
  clients: OAuthClients,
  userId: string,
  providerId: string,
): Promise<ProviderAccessToken> {
  const { config, db, envelope, logger } = services;
  const refuse = (code: keyof typeof ProviderTokenErrors) => ApiError.of(ProviderTokenErrors, code);
  if (!config.oauthStoreTokens) throw refuse('provider_tokens_disabled');
  const provider = clients.provider(providerId);
  if (!provider) throw refuse('provider_not_configured');
  if (!UUID.test(userId)) throw refuse('provider_account_not_linked');

  return asUser(db.knex, userId, async (trx) => {
    const row = await lockUserAccount(trx, userId, provider.id);
    if (!row) throw refuse('provider_account_not_linked');
    if (!row.accessTokenSealed) throw refuse('provider_tokens_not_stored');
    const open = (sealedToken: string, column: 'access' | 'refresh') => {
      try {
        return envelope.open(sealedToken, boundTo(row, column));
      } catch (err) {
        if (!(err instanceof EnvelopeError)) throw err;
        logger.warn({ provider: provider.id, userId, column }, 'stored provider token does not open for its row');
        throw refuse('provider_tokens_unreadable');
      }
    };
    const accessToken = open(row.accessTokenSealed, 'access');
    const fresh = !row.expiresAt || row.expiresAt.getTime() - Date.now() > REFRESH_MARGIN_SECONDS * 1000;
    if (fresh) return answer(accessToken, row.expiresAt, row.scopes);

    if (!row.refreshTokenSealed) throw refuse('provider_refresh_unavailable');
    const refreshToken = open(row.refreshTokenSealed, 'refresh');
    let tokens: TokenAnswer;
    try {
      tokens = await client.refreshTokenGrant(await clients.configuration(provider), refreshToken);
    } catch (err) {
      // The OAuth error code only: the error object may carry the request, and so the token.
      const reason = err instanceof client.ResponseBodyError ? err.error : (err as Error).name;
      logger.warn({ provider: provider.id, userId, reason }, 'provider token refresh failed');
      throw refuse('provider_refresh_failed');
    }
    const next = sealed(envelope, row, tokens, { keptRefresh: row.refreshTokenSealed, scopesIfUnsaid: row.scopes });
    await saveTokens(trx, row.id, next);
    return answer(tokens.access_token, next.expiresAt, next.scopes);
  });
}

const answer = (accessToken: string, expiresAt: Date | null, scopes: string[] | null): ProviderAccessToken => ({
  accessToken,
  expiresAt: expiresAt?.toISOString() ?? null,
  scope: (scopes ?? []).join(' '),
});

/** At start-up with the setting off: tokens kept by an earlier run are dropped, not left behind. */
export async function forgetTokensWhenOff({ config, db, logger }: Services): Promise<void> {
  if (config.oauthStoreTokens) return;
  const cleared = await clearAllTokens(db.knex);
  if (cleared) logger.info({ cleared }, 'ACCT_OAUTH_STORE_TOKENS is off: dropped the stored provider tokens');
}
