/**
 * A real OpenID Provider for tests (panva's oidc-provider) on an ephemeral loopback port, in the
 * role of a generic OIDC issuer: one confidential client whose redirect URI is acct's callback,
 * accounts the test registers, and a login interaction the test completes by HTTP
 * (`/interaction/:uid?account=<sub>`, no pages, no consent screen: a first-party client's grant
 * is made on the spot, and a consent the client asks for — `prompt=consent`, as `offline_access`
 * needs — is given without one). With `refreshTokens` the client may also use refresh tokens,
 * rotated at every use, and `refreshGrants()` counts the refresh grants served. `browse` walks the provider's redirects with a cookie jar, the way a
 * browser would, and stops at the first redirect that leaves the provider.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
  /** How many refresh-token grants the provider has served. */
  refreshGrants(): number;
  close(): Promise<void>;
}

export async function startTestProvider({
  emailInIdToken = true,
  refreshTokens = false,
  accessTokenTtl = 600,
}: {
  /** False: the email claims come from the UserInfo endpoint only, as some providers do. */
  emailInIdToken?: boolean;
  /** True: the client may ask for `offline_access` and use refresh tokens. */
  refreshTokens?: boolean;
  /** Seconds an access token lives. */
  accessTokenTtl?: number;
} = {}): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  let provider: Provider | undefined;
  let refreshGrants = 0;
  const server: Server = createServer((req, res) => {
    if (!provider) return void res.writeHead(503).end();
    const interaction = /^\/interaction\/[^/?]+/.exec(req.url ?? '');
    if (!interaction) return void provider.callback()(req, res);
    interact(provider, req, res).catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  /** The login the test names (`?account=`; any other is refused), then any consent asked for. */
  async function interact(op: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await op.interactionDetails(req, res);
    if (details.prompt.name === 'consent' && details.session) {
      const grant =
        (details.grantId ? await op.Grant.find(details.grantId) : undefined) ??
        new op.Grant({ clientId: String(details.params.client_id), accountId: details.session.accountId });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      return op.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    const account = new URL(req.url!, 'http://x').searchParams.get('account') ?? '';
    const result = accounts.has(account)
      ? { login: { accountId: account } }
      : { error: 'access_denied', error_description: 'unknown test account' };
    await op.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
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
    register(redirectUri) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: refreshTokens ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
            response_types: ['code'],
          },
        ],
        jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] as never },
        cookies: { keys: ['test-cookie-key-test-cookie-key'] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        // The email claims in the ID token, as Google sends them (unless told otherwise).
        conformIdTokenClaims: !emailInIdToken,
        features: { devInteractions: { enabled: false } },
        ttl: {
          Interaction: 600,
          Grant: 3600,
          Session: 600,
          AccessToken: accessTokenTtl,
          IdToken: 600,
          RefreshToken: 3600,
        },
        // Every refresh answers with a new refresh token and retires the old one, as many do.
        rotateRefreshToken: true,
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
      provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
        if (ctx.oidc.params?.grant_type === 'refresh_token') refreshGrants++;
      });
    },
    refreshGrants: () => refreshGrants,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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

/**
 * A browser at the provider: from acct's authorization URL, signs in as the account `sub` at the
 * login interaction (and gives any consent asked for); returns the URL the provider sends the
 * browser back to (acct's callback).
 */
export async function signInAtProvider(authorizationUrl: string, sub: string): Promise<string> {
  const jar = new CookieJar();
  const first = await fetch(authorizationUrl, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.store(first);
  const login = new URL(first.headers.get('location')!, authorizationUrl);
  if (!login.pathname.startsWith('/interaction/')) throw new Error(`no login interaction: ${login.toString()}`);
  login.searchParams.set('account', sub);
  return browse(login.toString(), login.origin, jar);
}
