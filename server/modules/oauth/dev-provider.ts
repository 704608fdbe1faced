/**
 * `npm start` (`--dev`) only: a real OpenID Provider (panva's oidc-provider, a devDependency, loaded
 * here and nowhere else in the server) on a loopback port, offered as provider `dev`, "Test
 * provider", so that a newcomer can try OAuth sign-in without registering acct anywhere. Its login
 * form is oidc-provider's development one: any email address, any password; the address becomes the
 * account (subject and `email`, said to be verified). It is offered only when the operator has
 * configured no provider of their own (theirs are what they want to try), and never outside
 * `--dev`: it signs anybody in as any address.
 */
import { randomBytes, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Config } from '../../config';
import type { Logger } from '../../http/logging';
import type { OAuthProviderSettings } from './oauth-settings';

export interface DevProvider {
  settings: OAuthProviderSettings;
  close(): Promise<void>;
}

const ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * A first-party client's grant, made on the spot instead of a consent screen (also used by the
 * test provider, server/testing/oidc-provider.ts).
 */
export async function grantFirstParty(ctx: KoaContextWithOIDC, scope = 'openid email profile') {
  const { session, client, result } = ctx.oidc;
  const grantId = result?.consent?.grantId ?? (client && session?.grantIdFor(client.clientId));
  if (grantId) return ctx.oidc.provider.Grant.find(grantId);
  if (!session?.accountId || !client) return undefined;
  const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope(scope);
  await grant.save();
  return grant;
}

/**
 * Starts the test provider on `config.devProviderPort` (0: any free port) when `--dev` is on and no
 * provider is configured; undefined otherwise, or when its port is taken (a warning, not a failure:
 * the rest of `npm start` works without it).
 */
export async function startDevProvider(config: Config, logger: Logger): Promise<DevProvider | undefined> {
  if (!config.development) return undefined;
  if (config.oauthProviders.length) {
    logger.info('OAuth providers are configured: the --dev test provider is not offered');
    return undefined;
  }
  // A development dependency: an install without them (`npm ci --omit=dev`) runs without it.
  const found = await import('oidc-provider').catch((err: unknown) => {
    logger.warn({ err }, 'the --dev test provider needs the development dependencies (npm ci)');
    return undefined;
  });
  if (!found) return undefined;
  const Provider = found.default;
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.devProviderPort, '127.0.0.1', resolve);
    });
  } catch (err) {
    logger.warn(
      { err, port: config.devProviderPort },
      'the --dev test provider cannot listen (ACCT_DEV_PROVIDER_PORT)',
    );
    return undefined;
  }
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'acct-dev',
        client_secret: clientSecret,
        // Also the connected apps' callback: the demo's connected app is this provider too
        // (connected-apps/dev-app.ts).
        redirect_uris: [
          `${config.publicUrl}/auth/oauth/dev/callback`,
          `${config.publicUrl}/auth/connected-apps/callback`,
        ],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'dev', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(24).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true }, revocation: { enabled: true } },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => ({
      accountId: sub,
      claims: () => (ADDRESS.test(sub) ? { sub, email: sub, email_verified: true, name: sub.split('@')[0] } : { sub }),
    }),
    loadExistingGrant: (ctx: KoaContextWithOIDC) => grantFirstParty(ctx),
  });
  server.on('request', provider.callback());
  logger.info({ issuer }, '--dev: OAuth test provider "dev" (any email address, any password)');
  return {
    settings: {
      id: 'dev',
      kind: 'oidc',
      name: 'Test provider',
      issuer,
      clientId: 'acct-dev',
      clientSecret,
      extraScopes: [],
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
