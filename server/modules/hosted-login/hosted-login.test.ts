/**
 * acct's hosted sign-in page on each database: `GET /login` is `<acct-login>` under the strict CSP
 * (scripts from our origin only), returning only to allowlisted pages; `POST /api/session/hand-over`
 * hands a sign-in made there to the site page, bound to the site page's browser key, ends the
 * hosted session, and answers only acct's own origin. The browser journey is in
 * e2e/oauth-journey.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { exchange, signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

describeOnEachDatabase('The hosted sign-in page', (getDb) => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60' } });
  });
  after(() => server.close());

  const own = () => new URL(server.services.config.publicUrl).origin;

  it('is <acct-login> in full-page mode for the return page, under a CSP with scripts from acct only', async () => {
    const site = new TestClient(server.url);
    const params = new URLSearchParams({ return_to: `${TEST_ORIGIN}/page?x=1"`, browserKey: site.browserKey });
    const res = await fetch(`${server.url}/login?${params}`, { headers: { 'Accept-Language': 'fr' } });
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    const page = await res.text();
    assert.match(page, /<script type="module" src="\/acct.js"><\/script>/);
    const element = /<acct-login ([^>]*)><\/acct-login>/.exec(page)?.[1] ?? '';
    const attributes = Object.fromEntries([...element.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    assert.deepEqual(attributes, {
      server: server.services.config.publicUrl,
      lang: 'fr',
      redirect: `${TEST_ORIGIN}/page?x=1%22`,
      'oauth-mode': 'redirect',
      'hand-over-key': site.browserKey,
    });
    assert.match(page, /<title>Connexion · /);
  });

  it('refuses a return page off the allowlist', async () => {
    const res = await fetch(`${server.url}/login?return_to=${encodeURIComponent('https://evil.example/')}`);
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid_request');
  });

  it('hands a sign-in made there to the site page, bound to its key, and ends the hosted session', async () => {
    const { email, password } = await signedUpClient(server.services, server.url);
    const hosted = new TestClient(server.url, { origin: own() });
    assert.equal((await hosted.post('/api/auth/sign-in', { email, password })).status, 200);
    const site = new TestClient(server.url, { origin: TEST_ORIGIN });
    const answer = await hosted.post('/api/session/hand-over', {
      redirectUrl: `${TEST_ORIGIN}/page#old`,
      browserKey: site.browserKey,
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const url: string = answer.body.url;
    assert.match(url, new RegExp(`^${TEST_ORIGIN}/page#acct_code=[^&]+&acct_flow=sign_in$`));
    assert.equal((await hosted.get('/api/me')).status, 401, 'the hosted session ended');

    // Another browser is asked first (login CSRF); the site page of this browser signs in at once.
    const other = new TestClient(server.url, { origin: TEST_ORIGIN });
    assert.equal((await exchange(other, url)).body.status, 'confirmation_required');
    const exchanged = await exchange(site, url);
    assert.deepEqual(
      [exchanged.body.status, exchanged.body.user.email, exchanged.body.method],
      ['signed_in', email, 'password'],
    );
    assert.equal((await site.get('/api/me')).status, 200);

    // The sign-up's sign-in, then the hosted one: no sign-out when the hosted session ended, and
    // moving the sign-in to the site page is not another one.
    const history = await site.get('/api/login-history');
    assert.deepEqual(
      history.body.events.map((e: { eventType: string }) => e.eventType),
      ['login_success', 'login_success'],
    );
  });

  it('answers acct’s own origin only, and only for allowlisted pages', async () => {
    const { client, email, password } = await signedUpClient(server.services, server.url);
    const fromSite = await client.post('/api/session/hand-over', { redirectUrl: `${TEST_ORIGIN}/page` });
    assert.deepEqual([fromSite.status, fromSite.body.error.code], [403, 'hosted_page_only']);
    assert.equal((await client.get('/api/me')).status, 200, 'a refused hand-over leaves the session alone');

    const hosted = new TestClient(server.url, { origin: own() });
    await hosted.post('/api/auth/sign-in', { email, password });
    const elsewhere = await hosted.post('/api/session/hand-over', { redirectUrl: 'https://evil.example/' });
    assert.equal(elsewhere.status, 400);
    assert.equal((await hosted.get('/api/me')).status, 200);
    assert.equal(
      (
        await new TestClient(server.url, { origin: own() }).post('/api/session/hand-over', {
          redirectUrl: `${TEST_ORIGIN}/`,
        })
      ).status,
      401,
    );
  });
});
