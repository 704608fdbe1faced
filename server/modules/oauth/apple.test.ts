/**
 * Sign in with Apple against a real oidc-provider playing `https://appleid.apple.com` (reached on
 * loopback through the test's hosts file), on each database: the callback is a cross-site form
 * POST (`response_mode=form_post`) carrying the name in the `user` field on first sign-in; the
 * provider's token endpoint accepts acct's client secret only as a valid ES256 JWT from the
 * team's key; a forged `state` in the posted form signs nobody in.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import type { RunningServer } from '../../start';
import { exchange, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { hostsFetch, signInAt, startTestProvider, type TestProvider } from '../../testing/oidc-provider';
import { startTestServer } from '../../testing/test-server';
import { APPLE_AUDIENCE, APPLE_SECRET_TTL_SECONDS, appleClientAuth, appleClientSecret, appleName } from './apple';
import type { OAuthProviderSettings } from './oauth-settings';

const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pem = String(key.privateKey.export({ format: 'pem', type: 'pkcs8' }));
const TEAM = 'TEAM012345';
const KEY_ID = 'KEY0123456';
let subjects = 0;

describe('Apple client secret', () => {
  it('is an ES256 JWT from the team key: iss team, sub client, aud Apple, kid, a few minutes', async () => {
    const provider = {
      clientId: 'com.example.web',
      appleKey: { teamId: TEAM, keyId: KEY_ID, privateKey: pem },
    } as OAuthProviderSettings;
    const secret = await appleClientSecret(provider);
    const { payload, protectedHeader } = await jwtVerify(secret, key.publicKey, {
      algorithms: ['ES256'],
      issuer: TEAM,
      subject: 'com.example.web',
      audience: APPLE_AUDIENCE,
    });
    assert.deepEqual([protectedHeader.kid, payload.exp! - payload.iat!], [KEY_ID, APPLE_SECRET_TTL_SECONDS]);
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    await assert.rejects(jwtVerify(secret, other));
    assert.equal(decodeProtectedHeader(secret).alg, 'ES256');
  });

  it('is kept while it has more than a minute to live, then signed again', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const provider = {
      clientId: 'com.example.web',
      appleKey: { teamId: TEAM, keyId: KEY_ID, privateKey: pem },
    } as OAuthProviderSettings;
    const auth = appleClientAuth(provider) as unknown as (
      a: unknown,
      c: unknown,
      body: URLSearchParams,
    ) => Promise<void>;
    const sent = async () => {
      const body = new URLSearchParams();
      await auth(undefined, undefined, body);
      assert.equal(body.get('client_id'), 'com.example.web');
      return body.get('client_secret')!;
    };
    const first = await sent();
    t.mock.timers.tick((APPLE_SECRET_TTL_SECONDS - 61) * 1000);
    assert.equal(await sent(), first);
    t.mock.timers.tick(2000);
    const renewed = await sent();
    assert.notEqual(renewed, first);
    const { payload } = await jwtVerify(renewed, key.publicKey, { currentDate: new Date(Date.now()) });
    assert.equal(payload.iat, Math.floor(Date.now() / 1000));
  });

  it('reads the name from the first sign-in’s user field, and nothing from a malformed one', () => {
    assert.equal(appleName('{"name":{"firstName":"Ada","lastName":"Lovelace"},"email":"a@x"}'), 'Ada Lovelace');
    assert.equal(appleName('{"name":'), null);
    assert.equal(appleName(undefined), null);
  });
});

describeOnEachDatabase('Sign in with Apple (form_post)', (getDb) => {
  let apple: TestProvider;
  let server: RunningServer;
  const knex = () => server.db.knex;

  before(async () => {
    apple = await startTestProvider({
      issuer: 'https://appleid.apple.com',
      responseMode: 'form_post',
      appleClient: { publicKey: key.publicKey, teamId: TEAM, keyId: KEY_ID },
    });
    server = await startTestServer(getDb(), {
      env: {
        ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60',
        ACCT_OAUTH_APPLE_CLIENT_ID: apple.clientId,
        ACCT_OAUTH_APPLE_TEAM_ID: TEAM,
        ACCT_OAUTH_APPLE_KEY_ID: KEY_ID,
        ACCT_OAUTH_APPLE_PRIVATE_KEY: pem,
      },
      oauthFetch: hostsFetch(apple),
    });
    apple.register(`${server.url}/auth/oauth/apple/callback`);
  });
  after(async () => {
    await server.close();
    await apple.close();
  });

  /** Start → Apple → the form Apple's page posts back to acct. */
  async function postedForm(browser: TestClient, sub: string) {
    const params = new URLSearchParams({ return_to: `${TEST_ORIGIN}/account`, browserKey: browser.browserKey });
    const start = await fetch(`${server.url}/auth/oauth/apple/start?${params}`, { redirect: 'manual' });
    assert.equal(start.status, 303);
    const authorization = new URL(start.headers.get('location')!);
    assert.equal(authorization.origin, 'https://appleid.apple.com');
    assert.deepEqual(
      [authorization.searchParams.get('response_mode'), authorization.searchParams.get('scope')],
      ['form_post', 'openid name email'],
    );
    const back = await signInAt(apple, authorization.toString(), sub);
    assert.ok('form' in back, 'Apple answers with a page that posts a form');
    assert.equal(back.form.action, `${server.url}/auth/oauth/apple/callback`);
    return back.form.fields;
  }

  /** The cross-site POST Apple's page makes, from Apple's origin. */
  const post = (fields: Record<string, string>) =>
    fetch(`${server.url}/auth/oauth/apple/callback`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://appleid.apple.com' },
      body: new URLSearchParams(fields),
    });

  it('signs up from the posted form, with the name Apple sends on first sign-in only', async () => {
    const browser = new TestClient(server.url, { origin: TEST_ORIGIN });
    const who = { sub: `apple-${process.pid}-${++subjects}`, email: uniqueEmail('apple'), email_verified: 'true' };
    apple.addAccount(who);
    const fields = await postedForm(browser, who.sub);
    const user = JSON.stringify({ name: { firstName: 'Ada', lastName: 'Apple' }, email: who.email });
    const res = await post({ ...fields, user });
    assert.equal(res.status, 303, await res.text());
    const exchanged = await exchange(browser, res.headers.get('location'));
    assert.deepEqual([exchanged.body.user.email, exchanged.body.method], [who.email, 'oauth_apple']);
    const row = (await knex()('auth.users').where({ email: who.email }).first())!;
    assert.deepEqual([row.display_name, !!row.email_verified_at], ['Ada Apple', true]);

    // The next sign-in has no user field: the same user, the name kept.
    const again = new TestClient(server.url, { origin: TEST_ORIGIN });
    const second = await post(await postedForm(again, who.sub));
    assert.equal((await exchange(again, second.headers.get('location'))).body.user.id, row.id);
  });

  it('refuses a posted form with a forged state, and a replayed one', async () => {
    const who = { sub: `apple-${process.pid}-${++subjects}`, email: uniqueEmail('apple') };
    apple.addAccount(who);
    const fields = await postedForm(new TestClient(server.url), who.sub);
    const forged = await post({ ...fields, state: 'forged' });
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /expired or was already used/);
    assert.equal((await post(fields)).status, 303);
    assert.equal((await post(fields)).status, 400);
  });
});
