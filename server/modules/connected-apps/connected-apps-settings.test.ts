/**
 * `ACCT_CONNECTED_APPS`: the apps an operator offers, with their defaults, and a clear refusal at
 * start-up, one line per problem, for an entry that cannot work.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../config';

const slack = {
  id: 'slack',
  name: 'Slack',
  authorizationUrl: 'https://slack.com/oauth/v2/authorize',
  tokenUrl: 'https://slack.com/api/oauth.v2.access',
  clientId: 'client',
  clientSecret: 'secret',
};

const refusal = (apps: unknown) => {
  try {
    loadConfig({ ACCT_CONNECTED_APPS: typeof apps === 'string' ? apps : JSON.stringify(apps) });
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.message;
  }
  assert.fail('the configuration was accepted');
};

describe('connected app settings', () => {
  it('offers none by default', () => {
    assert.deepEqual(loadConfig({}).connectedApps, []);
  });

  it('reads an app with its defaults, and every optional field', () => {
    const [minimal, full] = loadConfig({
      ACCT_CONNECTED_APPS: JSON.stringify([
        slack,
        {
          ...slack,
          id: 'github',
          name: 'GitHub',
          revocationUrl: 'https://example.test/revoke',
          scopes: ['repo', 'read:org', 'repo'],
          iconUrl: 'https://example.test/github.svg',
          accountUrl: 'https://api.github.com/user',
          accountField: 'id',
          issuer: 'https://github.com',
          tokenAuth: 'post',
          authorizationParams: { allow_signup: 'false' },
        },
      ]),
    }).connectedApps;
    assert.deepEqual(minimal, {
      ...slack,
      iconUrl: null,
      issuer: 'https://slack.com',
      revocationUrl: null,
      scopes: [],
      accountUrl: null,
      accountField: 'sub',
      tokenAuth: 'basic',
      authorizationParams: {},
    });
    assert.deepEqual(full!.scopes, ['repo', 'read:org']);
    assert.equal(full!.tokenAuth, 'post');
    assert.equal(full!.revocationUrl, 'https://example.test/revoke');
  });

  it('refuses what cannot work, naming the entry and the field', () => {
    assert.match(refusal('[{'), /ACCT_CONNECTED_APPS: not valid JSON/);
    assert.match(refusal({ apps: [] }), /ACCT_CONNECTED_APPS\[\]/);
    assert.match(refusal([{ ...slack, clientSecret: undefined }]), /ACCT_CONNECTED_APPS\[0\.clientSecret\]/);
    assert.match(refusal([{ ...slack, id: 'Slack App' }]), /\[0\.id\]: lowercase letters/);
    assert.match(refusal([{ ...slack, extra: 1 }]), /ACCT_CONNECTED_APPS\[0\]/);
    assert.match(refusal([slack, slack]), /\[1\]\.id: slack is used twice/);
    assert.match(
      refusal([{ ...slack, tokenUrl: 'http://slack.example/token' }]),
      /\[0\]\.tokenUrl: must be an https:\/\/ URL \(http:\/\/ only on localhost\)/,
    );
  });

  it('accepts plain http on loopback (tests, the --dev demo app)', () => {
    const [app] = loadConfig({
      ACCT_CONNECTED_APPS: JSON.stringify([
        { ...slack, authorizationUrl: 'http://127.0.0.1:4000/auth', tokenUrl: 'http://localhost:4000/token' },
      ]),
    }).connectedApps;
    assert.equal(app!.issuer, 'http://127.0.0.1:4000');
  });
});
