/**
 * OAuth providers from settings: a generic OpenID Connect issuer and the presets, and a clear
 * refusal at start-up, naming each missing setting, for a provider that is set up halfway.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../config';

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.message;
  }
  assert.fail('the configuration was accepted');
};

describe('OAuth provider settings', () => {
  it('offers no provider by default', () => {
    assert.deepEqual(loadConfig({}).oauthProviders, []);
  });

  it('reads a generic issuer and the presets', () => {
    const config = loadConfig({
      ACCT_OIDC_ACME_SSO_ISSUER: 'https://sso.acme.example/',
      ACCT_OIDC_ACME_SSO_CLIENT_ID: 'acct',
      ACCT_OIDC_ACME_SSO_CLIENT_SECRET: 's3cret',
      ACCT_OIDC_ACME_SSO_NAME: 'Acme SSO',
      ACCT_OAUTH_GOOGLE_CLIENT_ID: 'g-id',
      ACCT_OAUTH_GOOGLE_CLIENT_SECRET: 'g-secret',
      ACCT_OAUTH_MICROSOFT_CLIENT_ID: 'm-id',
      ACCT_OAUTH_MICROSOFT_CLIENT_SECRET: 'm-secret',
      ACCT_OAUTH_MICROSOFT_TENANT: 'contoso.onmicrosoft.com',
      ACCT_OAUTH_GITLAB_CLIENT_ID: 'l-id',
      ACCT_OAUTH_GITLAB_CLIENT_SECRET: 'l-secret',
    });
    assert.deepEqual(
      config.oauthProviders.map(({ id, name, issuer }) => [id, name, issuer]),
      [
        ['acme-sso', 'Acme SSO', 'https://sso.acme.example'],
        ['gitlab', 'GitLab', 'https://gitlab.com'],
        ['google', 'Google', 'https://accounts.google.com'],
        ['microsoft', 'Microsoft', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0'],
      ],
    );
  });

  it('refuses a provider with a missing setting, naming it', () => {
    const message = refusal({
      ACCT_OIDC_ACME_ISSUER: 'https://sso.acme.example',
      ACCT_OIDC_ACME_CLIENT_ID: 'acct',
      ACCT_OAUTH_MICROSOFT_CLIENT_ID: 'm-id',
      ACCT_OAUTH_MICROSOFT_CLIENT_SECRET: 'm-secret',
    });
    assert.match(message, /ACCT_OIDC_ACME_CLIENT_SECRET: required/);
    assert.match(message, /ACCT_OAUTH_MICROSOFT_TENANT: required/);
  });

  it('refuses plain http off loopback, and providers acct does not offer yet', () => {
    const generic = { ACCT_OIDC_X_CLIENT_ID: 'a', ACCT_OIDC_X_CLIENT_SECRET: 'b' };
    assert.match(
      refusal({ ...generic, ACCT_OIDC_X_ISSUER: 'http://sso.example' }),
      /ACCT_OIDC_X_ISSUER: must be an https/,
    );
    assert.equal(loadConfig({ ...generic, ACCT_OIDC_X_ISSUER: 'http://127.0.0.1:9000' }).oauthProviders.length, 1);
    assert.match(refusal({ ACCT_OAUTH_GITHUB_CLIENT_ID: 'a' }), /github is not supported yet/);
  });

  it('reads extra scopes per provider and the token-keeping switch, off by default', () => {
    const config = loadConfig({
      ACCT_OIDC_X_ISSUER: 'https://sso.example',
      ACCT_OIDC_X_CLIENT_ID: 'a',
      ACCT_OIDC_X_CLIENT_SECRET: 'b',
      ACCT_OIDC_X_SCOPES: 'offline_access, openid calendar.read offline_access',
      ACCT_OAUTH_STORE_TOKENS: 'true',
    });
    assert.deepEqual(config.oauthProviders[0]!.extraScopes, ['offline_access', 'calendar.read']);
    assert.equal(config.oauthStoreTokens, true);
    assert.equal(loadConfig({}).oauthStoreTokens, false);
    assert.match(refusal({ ACCT_OAUTH_STORE_TOKENS: 'maybe' }), /ACCT_OAUTH_STORE_TOKENS/);
  });
});
