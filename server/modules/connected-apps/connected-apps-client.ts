/**
 * The OAuth 2 side of connected apps, through openid-client v6 as sign-in does
 * (oauth/oauth-clients.ts): one `Configuration` per app, built from the operator's endpoints (an
 * OAuth 2 provider need not publish discovery metadata), the client authenticated by HTTP Basic
 * or, for providers that read it from the body, `tokenAuth: "post"`. Plain http only for loopback
 * endpoints (connected-apps-settings.ts), for tests and the `--dev` demo provider.
 *
 * Tokens are sealed with the envelope keys bound to their connection's row, organization, app and
 * column (docs/security.md K2): a ciphertext copied to another row or column does not open.
 */
import * as client from 'openid-client';
import type { Envelope } from '../../security/envelope';
import type { Services } from '../../services';
import type { ConnectedAppSettings } from './connected-apps-settings';
import type { SealedTokens } from './connected-apps.queries';

export type TokenAnswer = client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;

/** What a sealed token is bound to (the envelope's associated data). */
export interface TokenBinding {
  id: string;
  organizationId: string;
  provider: string;
}

const boundTo = (row: TokenBinding, column: 'access' | 'refresh') =>
  `connected_apps:${row.id}:${row.organizationId}:${row.provider}:${column}_token`;

export const openToken = (envelope: Envelope, sealed: string, row: TokenBinding, column: 'access' | 'refresh') =>
  envelope.open(sealed, boundTo(row, column));

/**
 * A token answer sealed for `row`. A refresh token the provider did not send again keeps
 * `keptRefresh`; scopes it did not name are `scopesIfUnsaid` (RFC 6749 §5.1, §6).
 */
export function sealTokens(
  envelope: Envelope,
  row: TokenBinding,
  tokens: TokenAnswer,
  { keptRefresh, scopesIfUnsaid }: { keptRefresh: string | null; scopesIfUnsaid: string[] },
  now = Date.now(),
): SealedTokens {
  const expiresIn = tokens.expiresIn();
  return {
    accessTokenSealed: envelope.seal(tokens.access_token, boundTo(row, 'access')),
    refreshTokenSealed: tokens.refresh_token
      ? envelope.seal(tokens.refresh_token, boundTo(row, 'refresh'))
      : keptRefresh,
    tokenExpiresAt: expiresIn === undefined ? null : new Date(now + expiresIn * 1000),
    scopes: tokens.scope ? tokens.scope.split(' ').filter(Boolean) : scopesIfUnsaid,
  };
}

/** The OAuth error code of a failure, or the error's name: never the error itself, which may carry a token. */
export function failureReason(err: unknown): string {
  if (err instanceof client.ResponseBodyError) return err.error;
  return err instanceof Error ? err.name : 'unknown';
}

const shared = new WeakMap<Services, Map<string, client.Configuration>>();

/** The app's openid-client configuration (one per running server and app). */
export function appConfiguration(services: Services, app: ConnectedAppSettings): client.Configuration {
  let byApp = shared.get(services);
  if (!byApp) shared.set(services, (byApp = new Map()));
  let found = byApp.get(app.id);
  if (!found) {
    found = new client.Configuration(
      {
        issuer: app.issuer,
        authorization_endpoint: app.authorizationUrl,
        token_endpoint: app.tokenUrl,
        ...(app.revocationUrl ? { revocation_endpoint: app.revocationUrl } : {}),
      },
      app.clientId,
      undefined,
      app.tokenAuth === 'post' ? client.ClientSecretPost(app.clientSecret) : client.ClientSecretBasic(app.clientSecret),
    );
    const endpoints = [app.authorizationUrl, app.tokenUrl, app.revocationUrl, app.accountUrl];
    if (endpoints.some((url) => url?.startsWith('http:'))) client.allowInsecureRequests(found);
    if (services.oauthFetch) found[client.customFetch] = services.oauthFetch;
    found.timeout = 10;
    byApp.set(app.id, found);
  }
  return found;
}

/**
 * The account at the provider, read from the app's `accountUrl` with the new access token
 * (`accountField`, a dotted path); null when the app has none or the answer names none. A
 * failure here does not fail the connection: the id is informative.
 */
export async function providerAccountId(
  services: Services,
  app: ConnectedAppSettings,
  accessToken: string,
): Promise<string | null> {
  if (!app.accountUrl) return null;
  try {
    const res = await client.fetchProtectedResource(
      appConfiguration(services, app),
      accessToken,
      new URL(app.accountUrl),
      'GET',
    );
    if (!res.ok) throw new Error(`status ${res.status}`);
    let value: unknown = await res.json();
    for (const key of app.accountField.split('.')) {
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 255) : null;
  } catch (err) {
    services.logger.warn({ app: app.id, reason: failureReason(err) }, 'connected app: account lookup failed');
    return null;
  }
}

/**
 * Revokes `tokens` at the app (RFC 7009), the refresh token first (at most providers that ends the
 * whole grant). False when the app has no revocation endpoint or a call failed (logged).
 */
export async function revokeUpstream(
  services: Services,
  app: ConnectedAppSettings,
  tokens: Array<{ token: string; hint: 'refresh_token' | 'access_token' }>,
): Promise<boolean> {
  if (!app.revocationUrl) return false;
  let all = true;
  for (const { token, hint } of tokens) {
    try {
      await client.tokenRevocation(appConfiguration(services, app), token, { token_type_hint: hint });
    } catch (err) {
      all = false;
      services.logger.warn({ app: app.id, hint, reason: failureReason(err) }, 'connected app: revocation failed');
    }
  }
  return all;
}
