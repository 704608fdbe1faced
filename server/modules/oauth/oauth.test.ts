/**
 * OAuth / OpenID Connect sign-in against a real OpenID Provider (server/testing/oidc-provider.ts)
 * on each database: a new account signs in through the hand-over code (redirect and popup), and
 * every broken callback — wrong state, replay, nonce mismatch, expired attempt — ends on the error
 * page with no session (docs/security.md B5), and so does an ID token signed with another key; an
 * existing account is never linked silently (B6) and the refused attempt shows in its login
 * history; the address is proven only when the provider says `email_verified` (Google-like);
 * closed sign-up creates nobody; a new device gets its security mail; ten parallel callbacks with
 * one state sign in once.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { exchange, latestMail, signedUpClient, uniqueEmail } from '../../testing/accounts';
import { drainMailQueue } from '../../testing/mail';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { browse, CookieJar, startTestProvider, type TestAccount, type TestProvider } from '../../testing/oidc-provider';
import { startTestServer } from '../../testing/test-server';

let subjects = 0;

describeOnEachDatabase('OAuth sign-in', (getDb) => {
  let op: TestProvider;
  /** A second issuer that sends the address in its UserInfo answer only. */
  let userInfoOp: TestProvider;
  /** A third whose published key is not the one it signs with (a forging proxy). */
  let forgingOp: TestProvider;
  let server: RunningServer;
  /** The same provider, sign-up closed. */
  let closed: RunningServer;
  const knex = () => server.db.knex;

  before(async () => {
    op = await startTestProvider();
    userInfoOp = await startTestProvider({ emailInIdToken: false });
    forgingOp = await startTestProvider({ servesOtherJwks: true });
    const env = {
      ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60',
      ACCT_OIDC_TESTOP_ISSUER: op.issuer,
      ACCT_OIDC_TESTOP_CLIENT_ID: op.clientId,
      ACCT_OIDC_TESTOP_CLIENT_SECRET: op.clientSecret,
      ACCT_OIDC_TESTOP_NAME: 'Test Provider',
      ACCT_OIDC_INFO_ISSUER: userInfoOp.issuer,
      ACCT_OIDC_INFO_CLIENT_ID: userInfoOp.clientId,
      ACCT_OIDC_INFO_CLIENT_SECRET: userInfoOp.clientSecret,
      ACCT_OIDC_FORGED_ISSUER: forgingOp.issuer,
      ACCT_OIDC_FORGED_CLIENT_ID: forgingOp.clientId,
      ACCT_OIDC_FORGED_CLIENT_SECRET: forgingOp.clientSecret,
    };
    server = await startTestServer(getDb(), { env });
    closed = await startTestServer(getDb(), { env: { ...env, ACCT_SIGN_UP_ENABLED: 'false' } });
    op.register(`${server.url}/auth/oauth/testop/callback`, `${closed.url}/auth/oauth/testop/callback`);
    userInfoOp.register(`${server.url}/auth/oauth/info/callback`);
    forgingOp.register(`${server.url}/auth/oauth/forged/callback`);
  });
  after(async () => {
    await closed.close();
    await server.close();
    await op.close();
    await userInfoOp.close();
    await forgingOp.close();
  });

  const account = (overrides: Partial<TestAccount> = {}, at = op): TestAccount => {
    const created = { sub: `sub-${process.pid}-${++subjects}`, email: uniqueEmail('oauth'), email_verified: true };
    const full = { ...created, ...overrides };
    at.addAccount(full);
    return full;
  };

  /** Starts an attempt as `browser`; the provider's authorization URL. */
  async function start(
    browser: TestClient,
    query: Record<string, string> = {},
    id = 'testop',
    at = server,
  ): Promise<string> {
    const params = new URLSearchParams({
      return_to: `${TEST_ORIGIN}/account`,
      browserKey: browser.browserKey,
      ...query,
    });
    const res = await fetch(`${at.url}/auth/oauth/${id}/start?${params}`, { redirect: 'manual' });
    assert.equal(res.status, 303, await res.text());
    const location = res.headers.get('location')!;
    assert.equal(new URL(location).origin, { testop: op, info: userInfoOp, forged: forgingOp }[id]!.issuer);
    return location;
  }

  /** Signs in at the provider as `who`; the callback URL the provider sends the browser to. */
  async function atProvider(authorizationUrl: string, who: TestAccount, id = 'testop', at = server): Promise<string> {
    const jar = new CookieJar();
    // The first stop is the login interaction: sign in as `who` there, then follow on to acct.
    const first = await fetch(authorizationUrl, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(first);
    const login = new URL(first.headers.get('location')!, authorizationUrl);
    assert.match(login.pathname, /^\/interaction\//);
    login.searchParams.set('account', who.sub);
    const callback = await browse(login.toString(), login.origin, jar);
    assert.ok(callback.startsWith(`${at.url}/auth/oauth/${id}/callback?`), callback);
    return callback;
  }

  const callback = (url: string) => fetch(url, { redirect: 'manual' });

  async function assertFailed(res: Response, text: RegExp) {
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.match(body, /Sign-in did not complete/);
    assert.match(body, text);
    assert.equal(res.headers.get('location'), null);
  }

  it('creates the account on first sign-in and hands a session to the browser that started it', async () => {
    const browser = new TestClient(server.url, { origin: TEST_ORIGIN });
    const who = account({ name: 'Ada Provider' });
    const res = await callback(await atProvider(await start(browser), who));
    assert.equal(res.status, 303);
    const location = res.headers.get('location');
    assert.match(location ?? '', new RegExp(`^${TEST_ORIGIN}/account#acct_code=.+&acct_flow=oauth$`));
    const exchanged = await exchange(browser, location);
    assert.deepEqual(
      [exchanged.status, exchanged.body.status, exchanged.body.user.email, exchanged.body.method],
      [200, 'signed_in', who.email, 'oauth_testop'],
    );
    const user = (await knex()('auth.users').where({ email: who.email }).first())!;
    assert.ok(user.email_verified_at, 'the provider said email_verified');
    assert.equal(user.password_hash, null);
    const link = await knex()('oauth_accounts').where({ provider: 'testop', provider_user_id: who.sub }).first();
    assert.deepEqual([link.user_id, link.provider_email, link.access_token_encrypted], [user.id, who.email, null]);
    const history = (await browser.get('/api/login-history')).body.events[0];
    assert.deepEqual([history.eventType, history.method], ['login_success', 'oauth_testop']);

    // The second time, the linked account signs in the same user.
    const again = new TestClient(server.url, { origin: TEST_ORIGIN });
    const second = await callback(await atProvider(await start(again), who));
    assert.equal((await exchange(again, second.headers.get('location'))).body.user.id, user.id);
  });

  it('in popup mode posts the code to the opener, to the return origin only, with the opener nonce', async () => {
    const browser = new TestClient(server.url, { origin: TEST_ORIGIN });
    const nonce = 'opener-nonce-0123456789';
    const res = await callback(await atProvider(await start(browser, { mode: 'popup', nonce }), account()));
    assert.equal(res.status, 200);
    const page = await res.text();
    const posted = /postMessage\((\{.*?\}), ("[^"]*")\)/.exec(page);
    assert.ok(posted, page);
    const message = JSON.parse(posted[1]!);
    assert.deepEqual([message.type, message.nonce, JSON.parse(posted[2]!)], ['acct-oauth', nonce, TEST_ORIGIN]);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'nonce-[^']+'/);
    assert.equal(res.headers.get('cross-origin-opener-policy'), null, 'the popup keeps its opener');
    const exchanged = await browser.post('/api/session/exchange', {
      code: message.code,
      browserKey: browser.browserKey,
    });
    assert.equal(exchanged.body.status, 'signed_in');
  });

  it('in popup mode posts a failure to the opener by its code, with no code to exchange', async () => {
    const { email } = await signedUpClient(server.services, server.url);
    const nonce = 'opener-nonce-failure-0123';
    const who = account({ email });
    const res = await callback(
      await atProvider(await start(new TestClient(server.url), { mode: 'popup', nonce }), who),
    );
    assert.equal(res.status, 200);
    const posted = /postMessage\((\{.*?\}), ("[^"]*")\)/.exec(await res.text());
    assert.ok(posted);
    assert.deepEqual(JSON.parse(posted[1]!), { type: 'acct-oauth', nonce, error: 'oauth_account_exists' });
    assert.equal(JSON.parse(posted[2]!), TEST_ORIGIN);
    assert.equal(await knex()('oauth_accounts').where({ provider_user_id: who.sub }).first(), undefined);
  });

  it('refuses a wrong state, a replayed callback and an expired attempt', async () => {
    const browser = new TestClient(server.url, { origin: TEST_ORIGIN });
    const url = await atProvider(await start(browser), account());
    const wrong = new URL(url);
    wrong.searchParams.set('state', 'not-the-state');
    await assertFailed(await callback(wrong.toString()), /expired or was already used/);

    assert.equal((await callback(url)).status, 303);
    await assertFailed(await callback(url), /expired or was already used/);

    const late = await atProvider(await start(browser), account());
    await knex()('oauth_attempts')
      .whereNull('used_at')
      .update({ expires_at: knex().raw("now() - interval '1 second'") });
    await assertFailed(await callback(late), /expired or was already used/);
  });

  it('refuses an ID token whose nonce is not the attempt’s', async () => {
    const authorization = new URL(await start(new TestClient(server.url, { origin: TEST_ORIGIN })));
    authorization.searchParams.set('nonce', 'a-nonce-the-attacker-chose');
    const who = account();
    await assertFailed(await callback(await atProvider(authorization.toString(), who)), /did not confirm who you are/);
    assert.equal(await knex()('auth.users').where({ email: who.email }).first(), undefined);
  });

  it('refuses an ID token signed with a key the provider does not publish', async () => {
    const who = account({}, forgingOp);
    const url = await atProvider(await start(new TestClient(server.url), {}, 'forged'), who, 'forged');
    await assertFailed(await callback(url), /did not confirm who you are/);
    assert.equal(await knex()('auth.users').where({ email: who.email }).first(), undefined);
  });

  it('never links an existing account silently, verified provider email or not, and tells its history', async () => {
    const { email } = await signedUpClient(server.services, server.url);
    for (const verified of [false, true]) {
      const who = account({ email, email_verified: verified });
      const res = await callback(await atProvider(await start(new TestClient(server.url)), who));
      await assertFailed(res, /already exists/);
      assert.equal(await knex()('oauth_accounts').where({ provider_user_id: who.sub }).first(), undefined);
    }
    const user = (await knex()('auth.users').where({ email }).first())!;
    const failed = await knex()('login_history').where({ user_id: user.id, event_type: 'login_failed' });
    assert.deepEqual(
      failed.map((row) => [row.auth_method, row.success, row.failure_reason]),
      Array(2).fill(['oauth_testop', false, 'oauth_account_exists']),
    );
  });

  it('proves the address only when the provider says email_verified, as Google does', async () => {
    for (const verified of [true, false]) {
      const who = account({ email_verified: verified });
      const res = await callback(await atProvider(await start(new TestClient(server.url)), who));
      assert.equal(res.status, 303);
      const user = (await knex()('auth.users').where({ email: who.email }).first())!;
      assert.equal(Boolean(user.email_verified_at), verified);
    }
  });

  it('creates nobody while sign-up is closed', async () => {
    const who = account();
    const url = await atProvider(await start(new TestClient(closed.url), {}, 'testop', closed), who, 'testop', closed);
    await assertFailed(await callback(url), /cannot be created/);
    assert.equal(await knex()('auth.users').where({ email: who.email }).first(), undefined);
  });

  it('mails a security alert when an OAuth sign-in comes from a new kind of device', async () => {
    const who = account();
    const first = new TestClient(server.url, { origin: TEST_ORIGIN });
    await exchange(first, (await callback(await atProvider(await start(first), who))).headers.get('location'));
    const iphone = new TestClient(server.url, {
      origin: TEST_ORIGIN,
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
    });
    const second = await callback(await atProvider(await start(iphone), who));
    assert.equal((await exchange(iphone, second.headers.get('location'))).body.status, 'signed_in');
    await drainMailQueue(server.services);
    const alert = await latestMail(server.services, who.email!, 'newDevice');
    assert.match(alert.text, /Mobile Safari 17 on iOS 17/);
  });

  it('reads the address from UserInfo when the ID token has none, and refuses a provider account without one', async () => {
    const browser = new TestClient(server.url, { origin: TEST_ORIGIN });
    const who = account({}, userInfoOp);
    const res = await callback(await atProvider(await start(browser, {}, 'info'), who, 'info'));
    assert.equal((await exchange(browser, res.headers.get('location'))).body.user.email, who.email);
    assert.ok((await knex()('auth.users').where({ email: who.email }).first())?.email_verified_at);

    const nameless: TestAccount = { sub: `sub-${process.pid}-${++subjects}` };
    op.addAccount(nameless);
    const refused = await callback(await atProvider(await start(new TestClient(server.url)), nameless));
    await assertFailed(refused, /did not share an email address/);
  });

  it('signs in once from ten parallel callbacks with the same state', async () => {
    const url = await atProvider(await start(new TestClient(server.url, { origin: TEST_ORIGIN })), account());
    const answers = await Promise.all(Array.from({ length: 10 }, () => callback(url)));
    const statuses = answers.map((res) => res.status).sort();
    assert.deepEqual(statuses, [303, ...Array(9).fill(400)]);
    await Promise.all(answers.map((res) => res.arrayBuffer()));
  });
});
