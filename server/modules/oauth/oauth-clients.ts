/**
 * openid-client v6 configurations, one per configured provider: discovered from the issuer on
 * first use (so a provider that is down at start-up does not stop acct) and kept; a failed
 * discovery is retried by the next sign-in. GitHub has no discovery: its configuration is built
 * from its documented endpoints (github.ts). Apple's client secret is a JWT signed per request
 * (apple.ts). ID token signatures are always verified (enableNonRepudiationChecks). Plain-http servers, allowed only on loopback hosts by oauth-settings.ts, are for
 * tests and local trials.
 */
import * as client from 'openid-client';
import { appleClientAuth } from './apple';
import { githubServer } from './github';
import type { Services } from '../../services';
import type { OAuthProviderSettings } from './oauth-settings';

/**
 * One set of clients per running server, so the sign-in pages, the link route and the provider
 * tokens share the discoveries.
 */
const shared = new WeakMap<Services, OAuthClients>();

export function oauthClients(services: Services): OAuthClients {
  let found = shared.get(services);
  if (!found) shared.set(services, (found = new OAuthClients(services.config.oauthProviders, services.oauthFetch)));
  return found;
}

export class OAuthClients {
  private readonly configurations = new Map<string, Promise<client.Configuration>>();
  private readonly byId: Map<string, OAuthProviderSettings>;

  /**
   * `fetch`, for tests only: the requests to providers go through it (a hosts file, so that a
   * local server can answer for `login.microsoftonline.com`); the protocol is untouched.
   */
  constructor(
    providers: readonly OAuthProviderSettings[],
    private readonly fetch?: client.CustomFetch,
  ) {
    this.byId = new Map(providers.map((p) => [p.id, p]));
  }

  provider(id: string): OAuthProviderSettings | undefined {
    return this.byId.get(id);
  }

  /** The provider's configuration; throws when its discovery fails. */
  configuration(provider: OAuthProviderSettings): Promise<client.Configuration> {
    let found = this.configurations.get(provider.id);
    if (!found) {
      found = this.build(provider);
      this.configurations.set(provider.id, found);
      found.catch(() => this.configurations.delete(provider.id));
    }
    return found;
  }

  private async build(provider: OAuthProviderSettings): Promise<client.Configuration> {
    const insecure = new URL(provider.issuer).protocol === 'http:';
    const execute = insecure ? [client.allowInsecureRequests] : [];
    if (provider.kind === 'github') {
      const configuration = new client.Configuration(
        githubServer(provider.issuer),
        provider.clientId,
        undefined,
        // GitHub reads the client's credentials from the form body.
        client.ClientSecretPost(provider.clientSecret),
      );
      for (const extension of execute) extension(configuration);
      if (this.fetch) configuration[client.customFetch] = this.fetch;
      configuration.timeout = 10;
      return configuration;
    }
    const auth =
      provider.kind === 'apple' ? appleClientAuth(provider) : client.ClientSecretBasic(provider.clientSecret);
    return client.discovery(new URL(provider.issuer), provider.clientId, undefined, auth, {
      // The ID token's signature checked against the provider's published keys, not only taken on
      // trust from the TLS connection (which OpenID Connect allows): a proxy or a compromised
      // hop serving forged tokens is refused (oauth.test.ts, docs/security.md B5).
      execute: [...execute, client.enableNonRepudiationChecks],
      timeout: 10,
      ...(this.fetch ? { [client.customFetch]: this.fetch } : {}),
    });
  }
}
