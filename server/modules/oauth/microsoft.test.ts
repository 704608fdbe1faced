/**
 * Microsoft's multi-tenant endpoints against a "Microsoft-like" oidc-provider: it issues tokens as
 * `https://login.microsoftonline.com/<tenant>/v2.0` with a `tid` claim, and serves the `common`
 * discovery document whose issuer is the template `…/{tenantid}/v2.0` (reached on loopback through
 * the test's hosts file). openid-client must accept a token whose issuer is the template filled
 * with the token's own `tid`, refuse one whose `tid` names another tenant or is missing, and acct
 * applies ACCT_OAUTH_MICROSOFT_ALLOWED_TENANTS. On each database.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { exchange, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import {
  hostsFetch,
  signInAt,
  startTestProvider,
  type TestAccount,
  type TestProvider,
} from '../../testing/oidc-provider';
import { startTestServer } from '../../testing/test-server';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
let subjects = 0;

describeOnEachDatabase('Microsoft multi-tenant sign-in', (getDb) => {
  let entra: TestProvider;
  /** TENANT=common, any tenant. */
  let server: RunningServer;
  /** TENANT=organizations, another tenant only. */
  let restricted: RunningServer;
  const knex = () => server.db.knex;

  before(async () => {
    entra = await startTestProvider({
      issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      microsoftCommon: true,
    });
    const env = (tenant: string, extra: Record<string, string> = {}) => ({
      ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60',
      ACCT_OAUTH_MICROSOFT_CLIENT_ID: entra.clientId,
      ACCT_OAUTH_MICROSOFT_CLIENT_SECRET: entra.clientSecret,
      ACCT_OAUTH_MICROSOFT_TENANT: tenant,
      ...extra,
    });
    server = await startTestServer(getDb(), { env: env('common'), oauthFetch: hostsFetch(entra) });
    restricted = await startTestServer(getDb(), {
      env: env('organizations', { ACCT_OAUTH_MICROSOFT_ALLOWED_TENANTS: 'another-tenant' }),
      oauthFetch: hostsFetch(entra),
    });
    entra.register(`${server.url}/auth/oauth/microsoft/callback`, `${restricted.url}/auth/oauth/microsoft/callback`);
  });
  after(async () => {
    await restricted.close();
    await server.close();
    await entra.close();
  });

  const account = (overrides: Partial<TestAccount>): TestAccount => {
    const created = { sub: `ms-${process.pid}-${++subjects}`, email: uniqueEmail('ms'), tid: TENANT, ...overrides };
    entra.addAccount(created);
    return created;
  };

  /** Start at `at` → sign in at the tenant → acct's callback (Microsoft sends no `iss` parameter). */
  async function signIn(at: RunningServer, browser: TestClient, who: TestAccount): Promise<Response> {
    const params = new URLSearchParams({ return_to: `${TEST_ORIGIN}/account`, browserKey: browser.browserKey });
    const start = await fetch(`${at.url}/auth/oauth/microsoft/start?${params}`, { redirect: 'manual' });
    assert.equal(start.status, 303, await start.text());
    const authorization = start.headers.get('location')!;
    assert.ok(authorization.startsWith(`https://login.microsoftonline.com/${TENANT}/v2.0/`), authorization);
    const back = await signInAt(entra, authorization, who.sub);
    assert.ok('url' in back);
    const callback = new URL(back.url);
    // oidc-provider always adds RFC 9207's `iss`; Microsoft never does (its common metadata says so).
    callback.searchParams.delete('iss');
    return fetch(callback, { redirect: 'manual' });
  }

  it('accepts a token whose issuer is the template filled with its own tid', async () => {
    const browser = new TestClient(server.url, { origin: TEST_ORIGIN });
    const who = account({});
    const res = await signIn(server, browser, who);
    assert.equal(res.status, 303, await res.text());
    const exchanged = await exchange(browser, res.headers.get('location'));
    assert.deepEqual([exchanged.body.user.email, exchanged.body.method], [who.email, 'oauth_microsoft']);
    const user = (await knex()('auth.users').where({ email: who.email }).first())!;
    assert.equal(user.email_verified_at, null, 'Microsoft does not vouch for the email claim');
  });

  it('refuses a token whose tid is another tenant than its issuer, or missing', async () => {
    for (const tid of ['another-tenant', undefined]) {
      const who = account({ tid });
      if (tid === undefined) delete who.tid;
      const res = await signIn(server, new TestClient(server.url), who);
      assert.equal(res.status, 400);
      assert.match(await res.text(), /did not confirm who you are/);
      assert.equal(await knex()('auth.users').where({ email: who.email }).first(), undefined);
    }
  });

  it('refuses a tenant outside ACCT_OAUTH_MICROSOFT_ALLOWED_TENANTS', async () => {
    const who = account({});
    const res = await signIn(restricted, new TestClient(restricted.url), who);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /did not confirm who you are/);
    assert.equal(await knex()('auth.users').where({ email: who.email }).first(), undefined);
  });
});
