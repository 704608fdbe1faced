/**
 * The provider-specific half of an OAuth sign-in, kept out of oauth.service.ts: what to ask for
 * at the authorization endpoint, and how the provider's answer becomes a profile — code → tokens
 * (openid-client: PKCE, `state`, and for OpenID Connect the `nonce` and the ID token's signature,
 * issuer, audience and lifetime) → subject, address, whether the provider vouches for it, name.
 *
 * - OpenID Connect (any issuer, Google, Microsoft, GitLab, Apple): the ID token's claims, the
 *   address from UserInfo when the token has none. Microsoft's multi-tenant `common` /
 *   `organizations` issuers: openid-client checks `iss` against the discovered template
 *   `https://login.microsoftonline.com/{tenantid}/v2.0` filled with the token's own `tid`; acct
 *   then applies the optional tenant allowlist.
 * - Apple: the name arrives once, in the `user` form field of the first sign-in (apple.ts).
 * - GitHub: no ID token; the profile from its REST API (github.ts).
 */
import * as client from 'openid-client';
import { appleName, APPLE_SCOPE } from './apple';
import { GITHUB_SCOPE, githubExchange } from './github';
import { SIGN_IN_SCOPES, type OAuthProviderSettings } from './oauth-settings';

/** What the provider said about the user, before acct decides who signs in. */
export interface Exchanged {
  subject: string;
  /** As the provider gave it (not yet normalised); null when it shared none. */
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  picture: string | null;
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
}

/** The attempt's secrets, kept server-side since the start. */
export interface AttemptChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Parameters of the authorization request beyond the PKCE challenge and `state`. */
export function authorizationParameters(
  provider: OAuthProviderSettings,
  nonce: string,
  storeTokens: boolean,
): Record<string, string> {
  const scope = signInScopes(provider).join(' ');
  if (provider.kind === 'github') return { scope };
  // Apple sends the result as a form POST (oauth.routes.ts) whenever a scope is asked for.
  if (provider.kind === 'apple') return { scope, response_mode: 'form_post', nonce };
  return { scope, nonce, ...refreshTokenParameters(provider, storeTokens) };
}

/**
 * What a refresh token needs (provider-tokens): OpenID Connect honours `offline_access` only with
 * `prompt=consent` (Core §11), and Google ignores that scope and gives refresh tokens for
 * `access_type=offline` instead.
 */
function refreshTokenParameters(provider: OAuthProviderSettings, storeTokens: boolean): Record<string, string> {
  if (provider.extraScopes.includes('offline_access')) return { prompt: 'consent' };
  if (storeTokens && provider.id === 'google') return { access_type: 'offline' };
  return {};
}

/** The scopes a sign-in asks for: the user and their address, then the operator's `_SCOPES`. */
export function signInScopes(provider: OAuthProviderSettings): string[] {
  const base = { github: GITHUB_SCOPE, apple: APPLE_SCOPE, oidc: SIGN_IN_SCOPES.join(' ') }[provider.kind];
  return [...base.split(' '), ...provider.extraScopes];
}

/**
 * Code → profile. `currentUrl` carries the callback's parameters (from the query, or from the
 * form body of a form_post). Throws when anything does not validate.
 */
export async function exchangeCode(
  configuration: client.Configuration,
  provider: OAuthProviderSettings,
  currentUrl: URL,
  checks: AttemptChecks,
  posted: { user?: string | undefined } = {},
): Promise<Exchanged> {
  if (provider.kind === 'github') return githubExchange(configuration, provider.issuer, currentUrl, checks);
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  let claims = tokens.claims()!;
  if (provider.allowedTenants?.length && !provider.allowedTenants.includes(String(claims.tid).toLowerCase())) {
    throw new Error(`tenant ${String(claims.tid)} is not in ACCT_OAUTH_MICROSOFT_ALLOWED_TENANTS`);
  }
  // Some providers put the address in the UserInfo answer only (same subject, checked). Apple
  // has no UserInfo endpoint: its ID token always carries the address.
  if (typeof claims.email !== 'string' && provider.kind !== 'apple') {
    const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    claims = { ...claims, email: info.email, email_verified: info.email_verified };
  }
  const name = provider.kind === 'apple' ? appleName(posted.user) : claims.name;
  return {
    subject: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : null,
    // Apple sends `"true"` as a string.
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    name: typeof name === 'string' ? name : null,
    picture: typeof claims.picture === 'string' ? claims.picture : null,
    tokens,
  };
}
