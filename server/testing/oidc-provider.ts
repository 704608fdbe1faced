/**
 * A real OpenID Provider for tests (panva's oidc-provider) on an ephemeral loopback port, in the
 * role of a generic OIDC issuer: one confidential client whose redirect URI is acct's callback,
 * accounts the test registers, and a login interaction the test completes by HTTP
 * (`/interaction/:uid?account=<sub>`, or its one-field form in a browser; no consent screen: a
 * first-party client's grant is made on the spot, and a consent the client asks for —
 * `prompt=consent`, as `offline_access` needs — is given without one). With `refreshTokens` the
 * client may also use refresh tokens, rotated at every use, and `refreshGrants()` counts the
 * refresh grants served; with `revocation` it also revokes tokens (RFC 7009). `browse` walks the provider's redirects with a cookie jar, the way a
 * browser would, and stops at the first redirect that leaves the provider.
 *
 * Playing a known provider: `issuer` gives it that provider's real issuer (`https://appleid.apple.com`,
 * `https://login.microsoftonline.com/<tenant>/v2.0`) while it listens on loopback; acct reaches it
 * through `hostsFetch` (a hosts file, nothing else changed) and the test browser through `local()`.
 * `microsoftCommon` also serves Microsoft's multi-tenant discovery document, whose issuer is the
 * template `…/{tenantid}/v2.0`. `appleClient` makes the token endpoint check Apple's client
 * secret, an ES256 JWT, before oidc-provider sees the request.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify, decodeProtectedHeader } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { grantFirstParty } from '../modules/oauth/dev-provider';

export interface TestAccount {
  sub: string;
  email?: string;
  /** Apple sends it as the string `"true"`. */
  email_verified?: boolean | string;
  name?: string;
  /** Microsoft's tenant id claim. */
  tid?: string;
}

export interface TestProvider {
  issuer: string;
  /** The provider's loopback origin. */
  origin: string;
  /** A URL at the provider's public issuer, as the test browser reaches it (on loopback). */
  local(url: string): string;
  clientId: string;
  clientSecret: string;
  /** Sets the client's redirect URIs (acct's callback, known once acct listens). */
  register(...redirectUris: string[]): void;
  addAccount(account: TestAccount): void;
  /** How many refresh-token grants the provider has served. */
  refreshGrants(): number;
  /** The next login interaction that names no account signs in as `sub`, without its form (element tests). */
  signInNextAs(sub: string): void;
  close(): Promise<void>;
}

/** Apple's client authentication, checked at the token endpoint. */
export interface AppleClientCheck {
  publicKey: KeyObject;
  teamId: string;
  keyId: string;
}

export async function startTestProvider({
  emailInIdToken = true,
  refreshTokens = false,
  accessTokenTtl = 600,
  servesOtherJwks = false,
  issuer: publicIssuer,
  microsoftCommon = false,
  appleClient,
  responseMode,
  revocation = false,
}: {
  /** False: the email claims come from the UserInfo endpoint only, as some providers do. */
  emailInIdToken?: boolean;
  /** True: the client may ask for `offline_access` and use refresh tokens. */
  refreshTokens?: boolean;
  /** Seconds an access token lives. */
  accessTokenTtl?: number;
  /** The issuer it plays (default: its own loopback address). */
  issuer?: string;
  microsoftCommon?: boolean;
  appleClient?: AppleClientCheck;
  /** Set on the client, e.g. `form_post` for Apple. */
  responseMode?: string;
  /** True: a token revocation endpoint (RFC 7009) at `/token/revocation` (connected apps). */
  revocation?: boolean;
  /**
   * Publishes another key under the signing key's id, as an attacker's proxy in front of the
   * provider would: its ID tokens then carry a signature that does not verify.
   */
  servesOtherJwks?: boolean;
} = {}): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  let provider: Provider | undefined;
  let refreshGrants = 0;
  let nextAccount: string | undefined;
  let origin = '';
  const staticSecret = 'acct-test-secret-acct-test-secret';
  const prefix = publicIssuer ? new URL(publicIssuer).pathname.replace(/\/+$/, '') : '';
  const server: Server = createServer((req, res) => {
    if (!provider) return void res.writeHead(503).end();
    if (
      microsoftCommon &&
      /^\/(common|organizations)\/v2\.0\/\.well-known\/openid-configuration$/.test(req.url ?? '')
    ) {
      return void commonDiscovery(`${origin}${prefix}`).then((body) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      );
    }
    if (!req.url?.startsWith(prefix)) return void res.writeHead(404).end();
    if (publicIssuer) {
      // As behind a TLS proxy at the public address: oidc-provider builds its URLs from these.
      const at = new URL(publicIssuer);
      req.headers['x-forwarded-proto'] = at.protocol.slice(0, -1);
      req.headers['x-forwarded-host'] = at.host;
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    }
    req.url = req.url.slice(prefix.length) || '/';
    // A login the test has named starts afresh, whoever this browser's provider session was.
    if (nextAccount !== undefined && req.url.startsWith('/auth?')) delete req.headers.cookie;
    if (appleClient && req.method === 'POST' && req.url === '/token') {
      return void checkAppleSecret(req, appleClient, clientId, staticSecret).then(
        () => provider!.callback()(req, res),
        (err: unknown) =>
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: 'invalid_client', error_description: String(err) })),
      );
    }
    if (servesOtherJwks && req.url === '/jwks') {
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
      const keys = [{ ...other, kid: 'test', use: 'sig', alg: 'RS256' }];
      return void res.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end(JSON.stringify({ keys }));
    }
    const interaction = /^\/interaction\/[^/?]+/.exec(req.url);
    if (!interaction) return void provider.callback()(req, res);
    interact(provider, req, res, interaction[0]).catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  /** Any consent asked for, else the login the test names (see below). */
  async function interact(op: Provider, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const details = await op.interactionDetails(req, res);
    if (details.prompt.name === 'consent' && details.session) {
      const grant =
        (details.grantId ? await op.Grant.find(details.grantId) : undefined) ??
        new op.Grant({ clientId: String(details.params.client_id), accountId: details.session.accountId });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      return op.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    // The test names the account to sign in as (or did beforehand, `signInNextAs`); with neither, a
    // form asks, as a provider's login page would (the journeys fill it in a real browser). Any
    // other answer is a refused login.
    const named = new URL(req.url!, 'http://x').searchParams.get('account');
    const account = named ?? nextAccount ?? '';
    if (named === null && nextAccount === undefined) return sendLoginForm(res, `${prefix}${path}`);
    nextAccount = undefined;
    const result = accounts.has(account)
      ? { login: { accountId: account } }
      : { error: 'access_denied', error_description: 'unknown test account' };
    await op.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = publicIssuer ?? origin;
  const clientId = 'acct-test';
  const clientSecret = staticSecret;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const publicOrigin = new URL(issuer).origin;

  return {
    issuer,
    origin,
    local: (url) => (url.startsWith(publicOrigin) ? origin + url.slice(publicOrigin.length) : url),
    clientId,
    clientSecret,
    addAccount: (account) => void accounts.set(account.sub, account),
    signInNextAs: (sub) => void (nextAccount = sub),
    register(...redirectUris) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: redirectUris,
            grant_types: refreshTokens ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
            response_types: ['code'],
            ...(responseMode ? { response_modes: [responseMode] } : {}),
            ...(appleClient ? { token_endpoint_auth_method: 'client_secret_post' } : {}),
          },
        ],
        jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] as never },
        cookies: { keys: ['test-cookie-key-test-cookie-key'] },
        claims: { openid: ['sub', 'tid'], email: ['email', 'email_verified'], profile: ['name'] },
        // The email claims in the ID token, as Google sends them (unless told otherwise).
        conformIdTokenClaims: !emailInIdToken,
        features: { devInteractions: { enabled: false }, revocation: { enabled: revocation } },
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
          url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `${prefix}/interaction/${interaction.uid}`,
        },
        findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
          const account = accounts.get(sub);
          return account && { accountId: sub, claims: () => ({ ...account }) };
        },
        loadExistingGrant: (ctx: KoaContextWithOIDC) => grantFirstParty(ctx, 'openid email profile name'),
      });
      provider.proxy = true;
      provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
        if (ctx.oidc.params?.grant_type === 'refresh_token') refreshGrants++;
      });
    },
    refreshGrants: () => refreshGrants,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Microsoft's `common` discovery document: the tenant's own, with the issuer as the template
 * `https://login.microsoftonline.com/{tenantid}/v2.0`, and no `iss` authorization response
 * parameter (Microsoft sends none).
 */
async function commonDiscovery(tenantIssuerLocal: string): Promise<Record<string, unknown>> {
  const own = (await (await fetch(`${tenantIssuerLocal}/.well-known/openid-configuration`)).json()) as Record<
    string,
    unknown
  >;
  const issuer = String(own.issuer).replace(/\/[^/]+\/v2\.0$/, '/{tenantid}/v2.0');
  const { authorization_response_iss_parameter_supported: _dropped, ...rest } = own;
  return { ...rest, issuer };
}

/**
 * Apple's client authentication: `client_secret` must be an ES256 JWT from the team's key (kid),
 * iss team id, sub client id, aud Apple, not expired, valid at most six months. Passed on to
 * oidc-provider with the client's static secret in its place.
 */
async function checkAppleSecret(
  req: IncomingMessage & { body?: unknown },
  check: AppleClientCheck,
  clientId: string,
  staticSecret: string,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
  const jwt = body.client_secret ?? '';
  if (decodeProtectedHeader(jwt).kid !== check.keyId) throw new Error('unknown kid');
  const { payload } = await jwtVerify(jwt, check.publicKey, {
    algorithms: ['ES256'],
    issuer: check.teamId,
    subject: clientId,
    audience: 'https://appleid.apple.com',
    requiredClaims: ['iat', 'exp'],
  });
  if (payload.exp! - payload.iat! > 15_777_000) throw new Error('valid for more than six months');
  req.body = { ...body, client_secret: staticSecret };
}

/** acct's way to a provider playing a real issuer: requests to `provider.issuer`'s origin go to loopback. */
export function hostsFetch(...providers: TestProvider[]): typeof fetch {
  return ((url: string | URL | Request, init?: RequestInit) => {
    let target = url instanceof Request ? url.url : String(url);
    for (const provider of providers) target = provider.local(target);
    return fetch(target, init);
  }) as typeof fetch;
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
export async function browse(
  url: string,
  origin: string,
  jar: CookieJar,
  local: (url: string) => string = (u) => u,
): Promise<string> {
  let next = url;
  for (let hop = 0; hop < 10; hop++) {
    if (new URL(next).origin !== origin) return next;
    const res = await fetch(local(next), { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} at ${next}: ${await res.text()}`);
    next = new URL(location, next).toString();
  }
  throw new Error('too many redirects at the provider');
}

/** Where the provider sent the browser back: a redirect, or a page posting a form (form_post). */
export type ProviderReturn = { url: string } | { form: { action: string; fields: Record<string, string> } };

/**
 * A browser at the provider: opens `authorizationUrl`, signs in as `sub` at the login
 * interaction, follows the provider's redirects, and returns how it sent the browser back.
 */
export async function signInAt(provider: TestProvider, authorizationUrl: string, sub: string): Promise<ProviderReturn> {
  const jar = new CookieJar();
  const publicOrigin = new URL(provider.issuer).origin;
  let next = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (new URL(next).origin !== publicOrigin) return { url: next };
    const at = new URL(next);
    if (/\/interaction\/[^/]+$/.test(at.pathname)) at.searchParams.set('account', sub);
    const res = await fetch(provider.local(at.toString()), { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(res);
    const location = res.headers.get('location');
    if (location) {
      next = new URL(location, next).toString();
      continue;
    }
    const page = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (res.status !== 200 || !action) throw new Error(`the provider answered ${res.status} at ${next}: ${page}`);
    const fields: Record<string, string> = {};
    for (const [, name, value] of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
      fields[name!] = value!.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    }
    return { form: { action: action.replace(/&amp;/g, '&'), fields } };
  }
  throw new Error('too many redirects at the provider');
}
