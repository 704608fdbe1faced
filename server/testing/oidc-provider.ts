/**
 * A real OpenID Provider for tests (panva's oidc-provider) on an ephemeral loopback port, in the
 * role of a generic OIDC issuer: one confidential client whose redirect URI is acct's callback,
 * accounts the test registers, and a login interaction the test completes by HTTP
 * (`/interaction/:uid?account=<sub>`, or its one-field form in a browser; no consent screen: a
 * first-party client's grant is made on the spot). `browse` walks the provider's redirects with a cookie jar, the way a
 * browser would, and stops at the first redirect that leaves the provider.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Sets the client's redirect URI (acct's callback, known once acct listens). */
  register(redirectUri: string): void;
  addAccount(account: TestAccount): void;
  /** The next login interaction that names no account signs in as `sub`, without its form (element tests). */
  signInNextAs(sub: string): void;
  close(): Promise<void>;
}

export async function startTestProvider({
  emailInIdToken = true,
}: {
  /** False: the email claims come from the UserInfo endpoint only, as some providers do. */
  emailInIdToken?: boolean;
} = {}): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  let provider: Provider | undefined;
  let nextAccount: string | undefined;
  const server: Server = createServer((req, res) => {
    if (!provider) return void res.writeHead(503).end();
    const interaction = /^\/interaction\/[^/?]+/.exec(req.url ?? '');
    // A login the test has named starts afresh, whoever this browser's provider session was.
    if (nextAccount !== undefined && req.url?.startsWith('/auth?')) delete req.headers.cookie;
    if (!interaction) return void provider.callback()(req, res);
    // The test names the account to sign in as (or did beforehand, `signInNextAs`); with neither, a
    // form asks, as a provider's login page would (the journeys fill it in a real browser). Any
    // other answer is a refused login.
    const named = new URL(req.url!, 'http://x').searchParams.get('account');
    const account = named ?? nextAccount ?? '';
    if (named === null && nextAccount === undefined) return void sendLoginForm(res, interaction[0]);
    nextAccount = undefined;
    const result = accounts.has(account)
      ? { login: { accountId: account } }
      : { error: 'access_denied', error_description: 'unknown test account' };
    provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false }).catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'acct-test';
  const clientSecret = 'acct-test-secret-acct-test-secret';
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount: (account) => void accounts.set(account.sub, account),
    signInNextAs: (sub) => void (nextAccount = sub),
    register(redirectUri) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] as never },
        cookies: { keys: ['test-cookie-key-test-cookie-key'] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        // The email claims in the ID token, as Google sends them (unless told otherwise).
        conformIdTokenClaims: !emailInIdToken,
        features: { devInteractions: { enabled: false } },
        ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
        interactions: {
          url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
        },
        findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
          const account = accounts.get(sub);
          return account && { accountId: sub, claims: () => ({ ...account }) };
        },
        async loadExistingGrant(ctx: KoaContextWithOIDC) {
          const { session, client, result } = ctx.oidc;
          const grantId = result?.consent?.grantId ?? (client && session?.grantIdFor(client.clientId));
          if (grantId) return ctx.oidc.provider.Grant.find(grantId);
          if (!session?.accountId || !client) return undefined;
          const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
          grant.addOIDCScope('openid email profile');
          await grant.save();
          return grant;
        },
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The provider's login page: which test account to sign in as (it submits to itself by GET). */
function sendLoginForm(res: ServerResponse, path: string): void {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<title>Test provider: sign in</title>
<form method="get" action="${path}">
<label>Account <input name="account" autocomplete="username"></label>
<button type="submit">Sign in</button>
</form>`);
}

/** A browser's cookie jar, enough for one provider: name → value, all sent everywhere. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
}

/**
 * Follows redirects from `url` while they stay on `origin`, with the jar's cookies; returns the
 * first URL elsewhere (acct's callback), or throws with what the provider answered instead.
 */
export async function browse(url: string, origin: string, jar: CookieJar): Promise<string> {
  let next = url;
  for (let hop = 0; hop < 10; hop++) {
    if (new URL(next).origin !== origin) return next;
    const res = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} at ${next}: ${await res.text()}`);
    next = new URL(location, next).toString();
  }
  throw new Error('too many redirects at the provider');
}
