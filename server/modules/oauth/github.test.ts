/**
 * GitHub sign-in against a local server implementing GitHub's documented OAuth and REST endpoints
 * (server/testing/github-server.ts), on each database: the numeric id is the subject, a verified
 * primary address is proven, an unverified one is not, and a wrong `state` signs nobody in.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { exchange, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { startTestGitHub, type GitHubAccount, type TestGitHub } from '../../testing/github-server';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

let ids = 0;

describeOnEachDatabase('GitHub sign-in', (getDb) => {
  let github: TestGitHub;
  let server: RunningServer;
  const knex = () => server.db.knex;

  before(async () => {
    github = await startTestGitHub();
    server = await startTestServer(getDb(), {
      env: {
        ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60',
        ACCT_OAUTH_GITHUB_CLIENT_ID: github.clientId,
        ACCT_OAUTH_GITHUB_CLIENT_SECRET: github.clientSecret,
        ACCT_OAUTH_GITHUB_URL: github.url,
      },
    });
    github.register(`${server.url}/auth/oauth/github/callback`);
  });
  after(async () => {
    await server.close();
    await github.close();
  });

  const account = (verified: boolean): GitHubAccount => {
    const id = 9_000_000 + process.pid * 100 + ++ids;
    const created = {
      id,
      login: `octo-${id}`,
      name: null,
      emails: [
        { email: uniqueEmail('gh-other'), primary: false, verified: true, visibility: null },
        { email: uniqueEmail('gh'), primary: true, verified, visibility: 'private' },
      ],
    };
    github.addAccount(created);
    return created;
  };

  /** Start → GitHub's authorize page (signed in as `who`) → the callback URL. */
  async function signIn(browser: TestClient, who: GitHubAccount): Promise<string> {
    const params = new URLSearchParams({ return_to: `${TEST_ORIGIN}/account`, browserKey: browser.browserKey });
    const start = await fetch(`${server.url}/auth/oauth/github/start?${params}`, { redirect: 'manual' });
    assert.equal(start.status, 303);
    const authorize = new URL(start.headers.get('location')!);
    assert.equal(authorize.origin + authorize.pathname, `${github.url}/login/oauth/authorize`);
    assert.equal(authorize.searchParams.get('scope'), 'read:user user:email');
    assert.equal(authorize.searchParams.get('nonce'), null, 'no OpenID Connect, no nonce');
    authorize.searchParams.set('account', who.login);
    const back = await fetch(authorize, { redirect: 'manual' });
    assert.equal(back.status, 302, await back.text());
    return back.headers.get('location')!;
  }

  it('signs up with the numeric id as subject and a verified primary address proven', async () => {
    const browser = new TestClient(server.url, { origin: TEST_ORIGIN });
    const who = account(true);
    const res = await fetch(await signIn(browser, who), { redirect: 'manual' });
    assert.equal(res.status, 303, await res.text());
    const exchanged = await exchange(browser, res.headers.get('location'));
    const primary = who.emails[1]!.email;
    assert.deepEqual([exchanged.body.user.email, exchanged.body.method], [primary, 'oauth_github']);
    const user = (await knex()('auth.users').where({ email: primary }).first())!;
    assert.ok(user.email_verified_at);
    assert.equal(user.display_name, who.login, 'no name on GitHub: the login');
    const link = await knex()('oauth_accounts').where({ provider: 'github', user_id: user.id }).first();
    assert.equal(link.provider_user_id, String(who.id));
  });

  it('keeps an unverified primary address unproven', async () => {
    const browser = new TestClient(server.url, { origin: TEST_ORIGIN });
    const who = account(false);
    const res = await fetch(await signIn(browser, who), { redirect: 'manual' });
    assert.equal(res.status, 303);
    const user = (await knex()('auth.users').where({ email: who.emails[1]!.email }).first())!;
    assert.equal(user.email_verified_at, null);
  });

  it('refuses a wrong state and signs nobody in', async () => {
    const who = account(true);
    const url = new URL(await signIn(new TestClient(server.url), who));
    url.searchParams.set('state', 'forged');
    const res = await fetch(url, { redirect: 'manual' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /expired or was already used/);
    assert.equal(
      await knex()('oauth_accounts')
        .where({ provider_user_id: String(who.id) })
        .first(),
      undefined,
    );
  });
});
