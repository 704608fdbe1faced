/**
 * `npm start` (`--dev`) only: when the operator configured no connected app, the `--dev` OAuth
 * test provider (oauth/dev-provider.ts) is also offered as the connected app `demo-calendar`, so
 * that the demo's integrations page connects an organization for real — authorization code,
 * PKCE, tokens sealed, revocation on disconnect — without registering acct at Slack or Google. Its
 * login form takes any address and any password; the account at the app is that address.
 */
import type { OAuthProviderSettings } from '../oauth/oauth-settings';
import type { ConnectedAppSettings } from './connected-apps-settings';

export function devConnectedApp(provider: OAuthProviderSettings): ConnectedAppSettings {
  return {
    id: 'demo-calendar',
    name: 'Demo calendar (test provider)',
    iconUrl: null,
    issuer: provider.issuer,
    authorizationUrl: `${provider.issuer}/auth`,
    tokenUrl: `${provider.issuer}/token`,
    revocationUrl: `${provider.issuer}/token/revocation`,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    scopes: ['openid', 'email'],
    accountUrl: `${provider.issuer}/me`,
    accountField: 'email',
    tokenAuth: 'basic',
    authorizationParams: {},
  };
}
