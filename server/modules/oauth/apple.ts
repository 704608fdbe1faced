/**
 * Sign in with Apple, an OpenID Connect provider with two particularities:
 * - its client secret is not a fixed string but an ES256 JWT acct signs with the team's key
 *   (iss team id, sub client id, aud Apple, kid key id), sent by `client_secret_post`; acct signs
 *   one for a few minutes and signs a new one before it expires;
 * - it returns to the callback by a form POST (`response_mode=form_post`, required with a scope),
 *   and sends the user's name only then, on the first sign-in, in the `user` form field.
 */
import { importPKCS8, SignJWT } from 'jose';
import type * as client from 'openid-client';
import type { OAuthProviderSettings } from './oauth-settings';

// Apple's documented scopes are `name` and `email`; `openid` is in its scopes_supported too, and asks
// for what Apple sends anyway: an ID token.
export const APPLE_SCOPE = 'openid name email';
export const APPLE_AUDIENCE = 'https://appleid.apple.com';

/** How long a signed client secret is used (Apple allows up to six months; short limits a leak). */
export const APPLE_SECRET_TTL_SECONDS = 300;
/** Signed again this long before it expires, so a request never carries a secret about to lapse. */
const RENEW_BEFORE_SECONDS = 60;

/** An ES256 JWT for Apple's token endpoint. */
export async function appleClientSecret(provider: OAuthProviderSettings, now = Date.now()): Promise<string> {
  const { teamId, keyId, privateKey } = provider.appleKey!;
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: keyId })
    .setIssuer(teamId)
    .setSubject(provider.clientId)
    .setAudience(APPLE_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + APPLE_SECRET_TTL_SECONDS)
    .sign(await importPKCS8(privateKey, 'ES256'));
}

/**
 * `client_secret_post` with a signed secret, kept while it has more than a minute to live.
 * (openid-client awaits a client authentication that returns a promise; its type says void.)
 */
export function appleClientAuth(provider: OAuthProviderSettings): client.ClientAuth {
  let current: { secret: Promise<string>; renewAt: number } | undefined;
  const auth = async (_as: unknown, _client: unknown, body: URLSearchParams) => {
    if (!current || Date.now() >= current.renewAt) {
      const secret = appleClientSecret(provider);
      current = { secret, renewAt: Date.now() + (APPLE_SECRET_TTL_SECONDS - RENEW_BEFORE_SECONDS) * 1000 };
      secret.catch(() => (current = undefined));
    }
    body.set('client_id', provider.clientId);
    body.set('client_secret', await current.secret);
  };
  return auth as unknown as client.ClientAuth;
}

/** The name from Apple's `user` form field (JSON, first sign-in only); null when absent or malformed. */
export function appleName(user: string | undefined): string | null {
  if (!user) return null;
  try {
    const { name } = JSON.parse(user) as { name?: { firstName?: unknown; lastName?: unknown } };
    const parts = [name?.firstName, name?.lastName].filter((p): p is string => typeof p === 'string' && !!p.trim());
    return parts.length ? parts.join(' ').slice(0, 255) : null;
  } catch {
    return null;
  }
}
