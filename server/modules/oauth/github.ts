/**
 * GitHub sign-in: OAuth 2 without OpenID Connect. openid-client does the code exchange (PKCE and
 * `state`; no nonce, no ID token: GitHub issues none), then the profile comes from GitHub's
 * documented REST API: `GET /user` for the numeric id (the subject: logins can be renamed) and
 * name, `GET /user/emails` for the address. Only the primary address counts, and only as proven
 * when GitHub says it is `verified`; an unverified one is still the account's address, unproven.
 * GitHub Enterprise Server serves the same endpoints under its own host, the API under `/api/v3`.
 */
import * as client from 'openid-client';
import type { Exchanged } from './oauth-exchange';

/** The authorization server metadata GitHub does not publish, from its documentation. */
export function githubServer(base: string): client.ServerMetadata {
  return {
    issuer: base,
    authorization_endpoint: `${base}/login/oauth/authorize`,
    token_endpoint: `${base}/login/oauth/access_token`,
  };
}

/** The REST API's root: api.github.com for github.com, `<host>/api/v3` for Enterprise Server. */
export const githubApi = (base: string) =>
  new URL(base).hostname === 'github.com' ? 'https://api.github.com' : `${base}/api/v3`;

export const GITHUB_SCOPE = 'read:user user:email';

interface GitHubUser {
  id: number;
  login: string;
  name: string | null;
  avatar_url?: string;
}
interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

async function getJson<T>(configuration: client.Configuration, accessToken: string, url: string): Promise<T> {
  const headers = new Headers({ accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' });
  const res = await client.fetchProtectedResource(configuration, accessToken, new URL(url), 'GET', undefined, headers);
  if (res.status !== 200) throw new Error(`GitHub answered ${res.status} at ${new URL(url).pathname}`);
  return (await res.json()) as T;
}

/** Code → access token → the user's id, name and primary address. */
export async function githubExchange(
  configuration: client.Configuration,
  base: string,
  currentUrl: URL,
  checks: { state: string; codeVerifier: string },
): Promise<Exchanged> {
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    idTokenExpected: false,
  });
  const api = githubApi(base);
  const user = await getJson<GitHubUser>(configuration, tokens.access_token, `${api}/user`);
  const emails = await getJson<GitHubEmail[]>(configuration, tokens.access_token, `${api}/user/emails`);
  if (typeof user.id !== 'number' || !Array.isArray(emails)) throw new Error('GitHub answered an unexpected profile');
  const primary = emails.find((e) => e.primary && typeof e.email === 'string');
  return {
    subject: String(user.id),
    email: primary?.email ?? null,
    emailVerified: primary?.verified === true,
    name: typeof user.name === 'string' && user.name ? user.name : user.login,
    picture: typeof user.avatar_url === 'string' ? user.avatar_url : null,
    tokens,
  };
}
