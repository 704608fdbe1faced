/**
 * openid-client v6 configurations, one per configured provider: discovered from the issuer on
 * first use (so a provider that is down at start-up does not stop acct) and kept; a failed
 * discovery is retried by the next sign-in. Plain-http issuers, allowed only on loopback hosts by
 * oauth-settings.ts, are for tests and local trials.
 */
import * as client from 'openid-client';
import type { OAuthProviderSettings } from './oauth-settings';

/** One set of clients per providers list, so the sign-in pages and the link route share discoveries. */
const shared = new WeakMap<readonly OAuthProviderSettings[], OAuthClients>();

export function oauthClients(providers: readonly OAuthProviderSettings[]): OAuthClients {
  let found = shared.get(providers);
  if (!found) shared.set(providers, (found = new OAuthClients(providers)));
  return found;
}

export class OAuthClients {
  private readonly configurations = new Map<string, Promise<client.Configuration>>();
  private readonly byId: Map<string, OAuthProviderSettings>;

  constructor(providers: readonly OAuthProviderSettings[]) {
    this.byId = new Map(providers.map((p) => [p.id, p]));
  }

  provider(id: string): OAuthProviderSettings | undefined {
    return this.byId.get(id);
  }

  /** The provider's configuration; throws when its discovery fails. */
  configuration(provider: OAuthProviderSettings): Promise<client.Configuration> {
    let found = this.configurations.get(provider.id);
    if (!found) {
      const insecure = new URL(provider.issuer).protocol === 'http:';
      found = client.discovery(
        new URL(provider.issuer),
        provider.clientId,
        undefined,
        client.ClientSecretBasic(provider.clientSecret),
        { ...(insecure ? { execute: [client.allowInsecureRequests] } : {}), timeout: 10 },
      );
      this.configurations.set(provider.id, found);
      found.catch(() => this.configurations.delete(provider.id));
    }
    return found;
  }
}
