/**
 * OAuth providers from settings: a generic OpenID Connect issuer and the presets, and a clear
 * refusal at start-up, naming each missing setting, for a provider that is set up halfway.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
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

  it('reads GitHub, Apple and a multi-tenant Microsoft with its tenant allowlist', () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    const config = loadConfig({
      ACCT_OAUTH_GITHUB_CLIENT_ID: 'gh',
      ACCT_OAUTH_GITHUB_CLIENT_SECRET: 'gh-secret',
      ACCT_OAUTH_APPLE_CLIENT_ID: 'com.example.web',
      ACCT_OAUTH_APPLE_TEAM_ID: 'TEAM123456',
      ACCT_OAUTH_APPLE_KEY_ID: 'KEY1234567',
      ACCT_OAUTH_APPLE_PRIVATE_KEY: String(pem).replace(/\n/g, '\\n'),
      ACCT_OAUTH_MICROSOFT_CLIENT_ID: 'm-id',
      ACCT_OAUTH_MICROSOFT_CLIENT_SECRET: 'm-secret',
      ACCT_OAUTH_MICROSOFT_TENANT: 'organizations',
      ACCT_OAUTH_MICROSOFT_ALLOWED_TENANTS: 'AAAA-1, bbbb-2',
    });
    const [apple, github, microsoft] = config.oauthProviders;
    assert.deepEqual(
      [apple!.kind, apple!.issuer, apple!.appleKey!.privateKey, apple!.clientSecret],
      ['apple', 'https://appleid.apple.com', pem, ''],
    );
    assert.deepEqual([github!.kind, github!.issuer], ['github', 'https://github.com']);
    assert.deepEqual(
      [microsoft!.issuer, microsoft!.allowedTenants],
      ['https://login.microsoftonline.com/organizations/v2.0', ['aaaa-1', 'bbbb-2']],
    );
    assert.match(
      refusal({ ACCT_OAUTH_APPLE_CLIENT_ID: 'a', ACCT_OAUTH_APPLE_TEAM_ID: 't', ACCT_OAUTH_APPLE_KEY_ID: 'k' }),
      /ACCT_OAUTH_APPLE_PRIVATE_KEY: required/,
    );
    assert.match(
      refusal({
        ACCT_OAUTH_APPLE_CLIENT_ID: 'a',
        ACCT_OAUTH_APPLE_TEAM_ID: 't',
        ACCT_OAUTH_APPLE_KEY_ID: 'k',
        ACCT_OAUTH_APPLE_PRIVATE_KEY: 'not a key',
      }),
      /ACCT_OAUTH_APPLE_PRIVATE_KEY: not an EC P-256 private key/,
    );
    assert.match(
      refusal({
        ACCT_OAUTH_MICROSOFT_CLIENT_ID: 'm-id',
        ACCT_OAUTH_MICROSOFT_CLIENT_SECRET: 'm-secret',
        ACCT_OAUTH_MICROSOFT_TENANT: 'contoso.onmicrosoft.com',
        ACCT_OAUTH_MICROSOFT_ALLOWED_TENANTS: 'x',
      }),
      /ACCT_OAUTH_MICROSOFT_ALLOWED_TENANTS: only with/,
    );
    assert.match(
      refusal({
        ACCT_OAUTH_MICROSOFT_CLIENT_ID: 'm-id',
        ACCT_OAUTH_MICROSOFT_CLIENT_SECRET: 'm-secret',
        ACCT_OAUTH_MICROSOFT_TENANT: '../evil',
      }),
      /ACCT_OAUTH_MICROSOFT_TENANT: a tenant id/,
    );
  });

  it('refuses plain http off loopback, and providers acct does not know', () => {
    const generic = { ACCT_OIDC_X_CLIENT_ID: 'a', ACCT_OIDC_X_CLIENT_SECRET: 'b' };
    assert.match(
      refusal({ ...generic, ACCT_OIDC_X_ISSUER: 'http://sso.example' }),
      /ACCT_OIDC_X_ISSUER: must be an https/,
    );
    assert.equal(loadConfig({ ...generic, ACCT_OIDC_X_ISSUER: 'http://127.0.0.1:9000' }).oauthProviders.length, 1);
    assert.match(refusal({ ACCT_OAUTH_FACEBOOK_CLIENT_ID: 'a' }), /facebook is not a known provider/);
    assert.match(refusal({ ACCT_OAUTH_GITHUB_CLIENT_ID: 'a' }), /ACCT_OAUTH_GITHUB_CLIENT_SECRET: required/);
    assert.match(
      refusal({
        ACCT_OAUTH_GITHUB_CLIENT_ID: 'a',
        ACCT_OAUTH_GITHUB_CLIENT_SECRET: 'b',
        ACCT_OAUTH_GITHUB_URL: 'http://ghe.example',
      }),
      /ACCT_OAUTH_GITHUB_URL: must be an https/,
    );
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
