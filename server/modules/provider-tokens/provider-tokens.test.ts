/**
 * Provider tokens for the site's backend, against a real OpenID Provider that issues rotating
 * refresh tokens (server/testing/oidc-provider.ts), on each database: the tokens of a sign-in are
 * stored sealed and bound to their row (docs/security.md G4), handed out to the site secret only,
 * refreshed once for parallel requests, and with ACCT_OAUTH_STORE_TOKENS off nothing is kept.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../start';
import { exchange, uniqueEmail } from '../../testing/accounts';
import { CapturedLog } from '../../testing/captured-log';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { signInAt, startTestProvider, type TestAccount, type TestProvider } from '../../testing/oidc-provider';
import { startTestServer } from '../../testing/test-server';
import type { OAuthProviderSettings } from '../oauth/oauth-settings';
import { authorizationParameters } from '../oauth/oauth-exchange';

const SITE_SECRET = 'provider-tokens-site-secret-0123456789abcdef';
let subjects = 0;

describeOnEachDatabase('Provider tokens', (getDb) => {
  /** Issues refresh tokens (asked for with offline_access) and access tokens for two minutes. */
  let op: TestProvider;
  /** Issues no refresh tokens. */
  let plainOp: TestProvider;
  let server: RunningServer;
  const log = new CapturedLog();
  /** Every token handed out, to check that none reached the log. */
  const seen = new Set<string>();
  const knex = () => server.db.knex;

  before(async () => {
    op = await startTestProvider({ refreshTokens: true, accessTokenTtl: 120 });
    plainOp = await startTestProvider();
    server = await startTestServer(getDb(), { env: serverEnv(op, plainOp, 'true'), logTo: log });
    op.register(`${server.url}/auth/oauth/testop/callback`);
    plainOp.register(`${server.url}/auth/oauth/plain/callback`);
  });
  after(async () => {
    await server.close();
    await op.close();
    await plainOp.close();
  });

  const account = (at: TestProvider): TestAccount => {
    const who = { sub: `sub-${process.pid}-${++subjects}`, email: uniqueEmail('tokens'), email_verified: true };
    at.addAccount(who);
    return who;
  };

  /** Signs `who` in through the provider `id` as a browser would; the acct user's id. */
  async function signIn(srv: RunningServer, id: string, who: TestAccount, at: TestProvider): Promise<string> {
    const browser = new TestClient(srv.url, { origin: TEST_ORIGIN });
    const query = new URLSearchParams({ return_to: `${TEST_ORIGIN}/account`, browserKey: browser.browserKey });
    const start = await fetch(`${srv.url}/auth/oauth/${id}/start?${query}`, { redirect: 'manual' });
    assert.equal(start.status, 303, await start.text());
    const returned = await signInAt(at, start.headers.get('location')!, who.sub);
    assert.ok('url' in returned, 'the provider redirects back');
    const back = await fetch(returned.url, { redirect: 'manual' });
    assert.equal(back.status, 303, await back.text());
    return (await exchange(browser, back.headers.get('location'))).body.user.id;
  }

  /** The site's backend asking for the user's token (no Origin: a server, not a browser). */
  async function tokenFor(userId: string, provider = 'testop', secret: string | null = SITE_SECRET, srv = server) {
    const res = await new TestClient(srv.url).post(
      `/api/server/users/${userId}/provider-tokens/${provider}`,
      {},
      secret === null ? {} : { Authorization: `Bearer ${secret}` },
    );
    if (res.status === 200) seen.add(res.body.accessToken);
    return res;
  }

  const row = (userId: string, provider = 'testop') =>
    knex()('oauth_accounts').where({ user_id: userId, provider }).first();
  const expireIn = (userId: string, seconds: number) =>
    knex()('oauth_accounts')
      .where({ user_id: userId })
      .update({ token_expires_at: knex().raw('now() + make_interval(secs => ?)', [seconds]) });
  /** The provider's own check of an access token: its UserInfo answer. */
  const userInfo = (at: TestProvider, token: string) =>
    fetch(`${at.issuer}/me`, { headers: { Authorization: `Bearer ${token}` } }).then(async (r) => ({
      status: r.status,
      sub: r.ok ? ((await r.json()) as { sub: string }).sub : undefined,
    }));

  it('keeps a sign-in’s tokens sealed, and hands the access token to the site secret', async () => {
    const who = account(op);
    const userId = await signIn(server, 'testop', who, op);
    const stored = await row(userId);
    assert.match(stored.access_token_encrypted, /^v1\./);
    assert.match(stored.refresh_token_encrypted, /^v1\./, 'offline_access gave a refresh token');
    assert.ok(stored.scopes.includes('offline_access'), JSON.stringify(stored.scopes));

    const grants = op.refreshGrants();
    const res = await tokenFor(userId);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const { accessToken, expiresAt, scope } = res.body;
    assert.ok(!stored.access_token_encrypted.includes(accessToken), 'the column holds no plain token');
    assert.ok(!stored.refresh_token_encrypted.includes(accessToken));
    assert.deepEqual(await userInfo(op, accessToken), { status: 200, sub: who.sub });
    const left = Date.parse(expiresAt) - Date.now();
    assert.ok(left > 60_000 && left <= 120_000, `expires in ${left} ms`);
    assert.deepEqual(scope.split(' ').sort(), ['email', 'offline_access', 'openid', 'profile']);
    assert.equal(op.refreshGrants(), grants, 'a token with two minutes left is not refreshed');
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('refreshes a token about to expire once for parallel requests, and keeps the rotated refresh token', async () => {
    const userId = await signIn(server, 'testop', account(op), op);
    const first = (await tokenFor(userId)).body.accessToken;
    const before = await row(userId);
    await expireIn(userId, 30);
    const grants = op.refreshGrants();
    const answers = await Promise.all(Array.from({ length: 5 }, () => tokenFor(userId)));
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200, 200, 200],
    );
    const tokens = new Set(answers.map((a) => a.body.accessToken));
    assert.equal(tokens.size, 1, 'every request got the one refreshed token');
    assert.ok(!tokens.has(first));
    assert.equal(op.refreshGrants(), grants + 1, 'one refresh grant for five requests');
    const after = await row(userId);
    assert.notEqual(after.refresh_token_encrypted, before.refresh_token_encrypted, 'the rotated one is stored');
    assert.ok(after.token_expires_at.getTime() - Date.now() > 60_000);
    assert.equal((await userInfo(op, [...tokens][0]!)).status, 200);

    // The rotated refresh token is the one that works: the retired one would be refused.
    await expireIn(userId, -1);
    const again = await tokenFor(userId);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(op.refreshGrants(), grants + 2);
  });

  it('refuses a refresh the provider turns down (a retired refresh token)', async () => {
    const userId = await signIn(server, 'testop', account(op), op);
    const retired = (await row(userId)).refresh_token_encrypted;
    await expireIn(userId, -1);
    assert.equal((await tokenFor(userId)).status, 200);
    // Put the retired (but validly sealed) refresh token back: the provider refuses it.
    await knex()('oauth_accounts').where({ user_id: userId }).update({ refresh_token_encrypted: retired });
    await expireIn(userId, -1);
    const res = await tokenFor(userId);
    assert.deepEqual([res.status, res.body.error.code], [502, 'provider_refresh_failed']);
  });

  it('does not open a ciphertext moved to another row (G4)', async () => {
    const victim = await signIn(server, 'testop', account(op), op);
    const thief = await signIn(server, 'testop', account(op), op);
    const sealed = await row(victim);
    await knex()('oauth_accounts').where({ user_id: thief }).update({
      access_token_encrypted: sealed.access_token_encrypted,
      refresh_token_encrypted: sealed.refresh_token_encrypted,
    });
    const res = await tokenFor(thief);
    assert.deepEqual([res.status, res.body.error.code], [409, 'provider_tokens_unreadable']);
    assert.ok(!JSON.stringify(res.body).includes('v1.'));
    // Swapping the two columns of one row fails the same way.
    await knex()('oauth_accounts').where({ user_id: victim }).update({
      access_token_encrypted: sealed.refresh_token_encrypted,
      refresh_token_encrypted: sealed.access_token_encrypted,
    });
    assert.equal((await tokenFor(victim)).body.error.code, 'provider_tokens_unreadable');
  });

  it('answers the site secret only, and names what is missing', async () => {
    const userId = await signIn(server, 'testop', account(op), op);
    const code = async (res: Promise<{ status: number; body: { error: { code: string } } }>) => {
      const { status, body } = await res;
      return [status, body.error.code];
    };
    assert.deepEqual(await code(tokenFor(userId, 'testop', null)), [401, 'site_secret_required']);
    assert.deepEqual(await code(tokenFor(userId, 'testop', `${SITE_SECRET}x`)), [401, 'site_secret_required']);
    assert.deepEqual(await code(tokenFor(crypto.randomUUID())), [404, 'provider_account_not_linked']);
    assert.deepEqual(await code(tokenFor('not-a-user-id')), [404, 'provider_account_not_linked']);
    assert.deepEqual(await code(tokenFor(userId, 'plain')), [404, 'provider_account_not_linked']);
    assert.deepEqual(await code(tokenFor(userId, 'nope')), [404, 'provider_not_configured']);
    await knex()('oauth_accounts').where({ user_id: userId }).update({ access_token_encrypted: null });
    assert.deepEqual(await code(tokenFor(userId)), [409, 'provider_tokens_not_stored']);
    // A browser's session is no key to it either.
    const browser = new TestClient(server.url, { origin: TEST_ORIGIN });
    const res = await browser.post(`/api/server/users/${userId}/provider-tokens/testop`, {});
    assert.equal(res.status, 401);
  });

  it('cannot refresh without a refresh token (no offline_access asked for)', async () => {
    const userId = await signIn(server, 'plain', account(plainOp), plainOp);
    assert.equal((await row(userId, 'plain')).refresh_token_encrypted, null);
    assert.equal((await tokenFor(userId, 'plain')).status, 200);
    await expireIn(userId, 10);
    const res = await tokenFor(userId, 'plain');
    assert.deepEqual([res.status, res.body.error.code], [409, 'provider_refresh_unavailable']);
  });

  it('never writes a token to the log', () => {
    assert.ok(seen.size > 3);
    const text = log.lines.join('\n');
    for (const token of seen) assert.ok(!text.includes(token), 'a provider token reached the log');
  });

  // Last: a server started with the setting off drops what the others kept, in the shared database.
  it('with ACCT_OAUTH_STORE_TOKENS off keeps nothing, drops what was kept, and refuses the API', async () => {
    const who = account(op);
    const userId = await signIn(server, 'testop', who, op);
    const kept = await row(userId);
    assert.ok(kept.access_token_encrypted);
    const offOp = await startTestProvider();
    const off = await startTestServer(getDb(), { env: serverEnv(offOp, plainOp, 'false') });
    try {
      assert.equal((await row(userId)).access_token_encrypted, null, 'dropped at start-up');
      assert.equal(
        await knex()('oauth_accounts').whereNotNull('refresh_token_encrypted').first(),
        undefined,
        'every kept token is gone',
      );
      const res = await tokenFor(userId, 'testop', SITE_SECRET, off);
      assert.deepEqual([res.status, res.body.error.code], [403, 'provider_tokens_disabled']);

      // Tokens still kept (by a server not yet restarted) go at the next sign-in.
      await knex()('oauth_accounts').where({ id: kept.id }).update({
        access_token_encrypted: kept.access_token_encrypted,
        refresh_token_encrypted: kept.refresh_token_encrypted,
      });
      offOp.register(`${off.url}/auth/oauth/testop/callback`);
      offOp.addAccount(who);
      assert.equal(await signIn(off, 'testop', who, offOp), userId);
      const cleared = await row(userId);
      assert.deepEqual([cleared.access_token_encrypted, cleared.refresh_token_encrypted], [null, null]);
    } finally {
      await off.close();
      await offOp.close();
    }
  });
});

function serverEnv(op: TestProvider, plainOp: TestProvider, store: 'true' | 'false'): Record<string, string> {
  return {
    ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60',
    ACCT_SITE_SECRET: SITE_SECRET,
    ACCT_OAUTH_STORE_TOKENS: store,
    ACCT_OIDC_TESTOP_ISSUER: op.issuer,
    ACCT_OIDC_TESTOP_CLIENT_ID: op.clientId,
    ACCT_OIDC_TESTOP_CLIENT_SECRET: op.clientSecret,
    ACCT_OIDC_TESTOP_SCOPES: 'offline_access',
    ACCT_OIDC_PLAIN_ISSUER: plainOp.issuer,
    ACCT_OIDC_PLAIN_CLIENT_ID: plainOp.clientId,
    ACCT_OIDC_PLAIN_CLIENT_SECRET: plainOp.clientSecret,
  };
}

describe('Sign-in parameters for provider tokens', () => {
  const provider = (id: string, extraScopes: string[]): OAuthProviderSettings => ({
    id,
    name: id,
    kind: 'oidc',
    issuer: 'https://issuer.example',
    clientId: 'c',
    clientSecret: 's',
    extraScopes,
  });

  it('asks for the extra scopes, with the consent OpenID Connect requires for offline_access', () => {
    assert.deepEqual(authorizationParameters(provider('acme', []), 'n', true), {
      scope: 'openid email profile',
      nonce: 'n',
    });
    assert.deepEqual(authorizationParameters(provider('acme', ['offline_access', 'files.read']), 'n', false), {
      scope: 'openid email profile offline_access files.read',
      nonce: 'n',
      prompt: 'consent',
    });
  });

  it('asks Google for offline access its own way, and only when tokens are kept', () => {
    assert.deepEqual(authorizationParameters(provider('google', []), 'n', true), {
      scope: 'openid email profile',
      nonce: 'n',
      access_type: 'offline',
    });
    assert.deepEqual(authorizationParameters(provider('google', []), 'n', false), {
      scope: 'openid email profile',
      nonce: 'n',
    });
  });
});
