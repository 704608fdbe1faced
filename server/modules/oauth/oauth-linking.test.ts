/**
 * Linking a provider account while signed in (oauth-linking.ts, docs/security.md B6) against the
 * real OpenID Provider, on each database: the link lands on the user who started it even with
 * another address at the provider, and signs that user in afterwards; the code in the fragment is
 * single use and only the same user redeems it (a link started by someone else links nothing); a
 * provider account linked to another user is refused; the start needs a recent sign-in, a
 * configured provider and a session. And the `account_exists` page tells the user how to link.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { signedUpClient, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { browse, CookieJar, startTestProvider, type TestAccount, type TestProvider } from '../../testing/oidc-provider';
import { startTestServer } from '../../testing/test-server';

let subjects = 0;

describeOnEachDatabase('OAuth linking while signed in', (getDb) => {
  let op: TestProvider;
  let server: RunningServer;
  const knex = () => server.db.knex;
  const RETURN = `${TEST_ORIGIN}/account/security`;

  before(async () => {
    op = await startTestProvider();
    server = await startTestServer(getDb(), {
      env: {
        ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60',
        ACCT_OIDC_TESTOP_ISSUER: op.issuer,
        ACCT_OIDC_TESTOP_CLIENT_ID: op.clientId,
        ACCT_OIDC_TESTOP_CLIENT_SECRET: op.clientSecret,
        ACCT_OIDC_TESTOP_NAME: 'Test Provider',
      },
    });
    op.register(`${server.url}/auth/oauth/testop/callback`);
  });
  after(async () => {
    await server.close();
    await op.close();
  });

  const providerAccount = (overrides: Partial<TestAccount> = {}): TestAccount => {
    const full = {
      sub: `link-${process.pid}-${++subjects}`,
      email: uniqueEmail('other'),
      email_verified: true,
      ...overrides,
    };
    op.addAccount(full);
    return full;
  };

  /** Signs in at the provider as `who`, following the authorization URL to acct's callback; its answer. */
  async function throughProvider(authorizationUrl: string, who: TestAccount): Promise<Response> {
    const jar = new CookieJar();
    const first = await fetch(authorizationUrl, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(first);
    const login = new URL(first.headers.get('location')!, authorizationUrl);
    login.searchParams.set('account', who.sub);
    const callback = await browse(login.toString(), login.origin, jar);
    return fetch(callback, { redirect: 'manual' });
  }

  /** The fragment of where the callback sent the browser, after checking it is the return page. */
  function fragment(res: Response): URLSearchParams {
    assert.equal(res.status, 303);
    const location = new URL(res.headers.get('location')!);
    assert.equal(`${location.origin}${location.pathname}`, RETURN);
    assert.equal(location.search, '');
    return new URLSearchParams(location.hash.slice(1));
  }

  async function startLink(client: TestClient, provider = 'testop') {
    return client.call('POST /api/connected-accounts/link', { body: { provider, returnTo: RETURN } });
  }

  /** A signed-in user who links `who` through the provider; the code from the fragment. */
  async function linkCode(client: TestClient, who: TestAccount): Promise<string> {
    const started = await startLink(client);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(new URL(started.body.url).origin, op.issuer);
    const code = fragment(await throughProvider(started.body.url, who)).get('acct_link');
    assert.ok(code);
    return code;
  }

  it('links a provider account with another address to the signed-in user, who then signs in with it', async () => {
    const { client, email } = await signedUpClient(server.services, server.url);
    const who = providerAccount();
    const code = await linkCode(client, who);
    // Nothing is linked before the page redeems the code.
    assert.equal(await knex()('oauth_accounts').where({ provider_user_id: who.sub }).first(), undefined);
    const done = await client.call('POST /api/connected-accounts/link/complete', { body: { code } });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.deepEqual([done.body.account.provider, done.body.account.email], ['testop', who.email]);
    const list = await client.call('GET /api/connected-accounts');
    assert.deepEqual(
      list.body.accounts.map((a) => a.provider),
      ['testop'],
    );

    // A sign-in with that provider account is now a sign-in to this user.
    const browser = new TestClient(server.url, { origin: TEST_ORIGIN });
    const params = new URLSearchParams({ return_to: RETURN, browserKey: browser.browserKey });
    const start = await fetch(`${server.url}/auth/oauth/testop/start?${params}`, { redirect: 'manual' });
    const signedIn = await throughProvider(start.headers.get('location')!, who);
    const exchanged = await browser.post('/api/session/exchange', {
      code: new URLSearchParams(new URL(signedIn.headers.get('location')!).hash.slice(1)).get('acct_code'),
      browserKey: browser.browserKey,
    });
    assert.equal(exchanged.body.user.email, email);
  });

  it('uses a link code once, and only for the user who started the link', async () => {
    const alice = await signedUpClient(server.services, server.url);
    const mallory = await signedUpClient(server.services, server.url);
    const code = await linkCode(mallory.client, providerAccount());
    // Mallory's link URL, completed in Alice's signed-in browser, links nothing to anyone.
    const stolen = await alice.client.call('POST /api/connected-accounts/link/complete', { body: { code } });
    assert.equal(stolen.status, 400);
    assert.equal(stolen.error?.code, 'link_expired');
    assert.equal((await alice.client.call('GET /api/connected-accounts')).body.accounts.length, 0);
    assert.equal(
      (await mallory.client.call('POST /api/connected-accounts/link/complete', { body: { code } })).status,
      200,
    );
    const again = await mallory.client.call('POST /api/connected-accounts/link/complete', { body: { code } });
    assert.equal(again.error?.code, 'link_expired');
  });

  it('refuses a provider account already linked to another user, in the fragment and on completion', async () => {
    const who = providerAccount();
    const first = await signedUpClient(server.services, server.url);
    const code = await linkCode(first.client, who);
    const second = await signedUpClient(server.services, server.url);
    const secondCode = await linkCode(second.client, who);
    assert.equal(
      (await first.client.call('POST /api/connected-accounts/link/complete', { body: { code } })).status,
      200,
    );
    // Linked meanwhile: the second completion is refused.
    const late = await second.client.call('POST /api/connected-accounts/link/complete', { body: { code: secondCode } });
    assert.equal(late.status, 409);
    assert.equal(late.error?.code, 'already_linked');
    // Linked before the callback: the page is told in its fragment.
    const started = await startLink(second.client);
    assert.equal(fragment(await throughProvider(started.body.url, who)).get('acct_link_error'), 'already_linked');
  });

  it('needs a session, a configured provider and a sign-in younger than ten minutes', async () => {
    const anonymous = new TestClient(server.url, { origin: TEST_ORIGIN });
    assert.equal((await startLink(anonymous)).status, 401);
    const { client } = await signedUpClient(server.services, server.url);
    const unknown = await startLink(client, 'nope');
    assert.deepEqual([unknown.status, unknown.error?.code], [400, 'unknown_provider']);
    const elsewhere = await client.call('POST /api/connected-accounts/link', {
      body: { provider: 'testop', returnTo: 'https://evil.example/' },
    });
    assert.equal(elsewhere.status, 400);
    assert.deepEqual(elsewhere.error?.fields, { returnTo: 'redirect_not_allowed' }, 'names the field the request has');
    const id = (await client.get('/api/me')).body.session.id;
    await knex()('user_sessions')
      .where({ id })
      .update({ created_at: knex().raw(`now() - interval '11 minutes'`) });
    const stale = await startLink(client);
    assert.deepEqual([stale.status, stale.error?.code], [403, 'reauthentication_required']);
  });

  it('tells a provider sign-in with an existing account’s address how to link it instead', async () => {
    const { email } = await signedUpClient(server.services, server.url);
    const browser = new TestClient(server.url, { origin: TEST_ORIGIN });
    const params = new URLSearchParams({ return_to: RETURN, browserKey: browser.browserKey });
    const start = await fetch(`${server.url}/auth/oauth/testop/start?${params}`, { redirect: 'manual' });
    const res = await throughProvider(start.headers.get('location')!, providerAccount({ email }));
    assert.equal(res.status, 400);
    const page = await res.text();
    assert.match(page, /Sign in the way you usually do/);
    assert.match(page, /“Link Test Provider”/);
  });
});
