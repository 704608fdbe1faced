/**
 * The hand-over of a session from an emailed link to the page that asked (issue 8, login CSRF),
 * through the real HTTP API on each database: a code presented by the browser whose key started
 * the flow signs in at once; any other browser — another device, or a victim sent the attacker's
 * own code — is told which account it would sign in and must confirm, and until then nothing is
 * used up and the browser's own session stays. Redirects carrying a code are never cached.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import {
  codeFrom,
  exchange,
  followLink,
  handOverFrom,
  latestMail,
  linkIn,
  signedUpClient,
  uniqueEmail,
} from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

describeOnEachDatabase('session hand-over', (getDb) => {
  let server: RunningServer;
  const browser = () => new TestClient(server.url, { origin: TEST_ORIGIN });

  /** `asking` asks for a sign-in link to `email` and presses its Continue button: the redirect. */
  async function magicLinkRedirect(asking: TestClient, email: string) {
    assert.equal((await asking.post('/api/auth/magic-link', { email, browserKey: asking.browserKey })).status, 202);
    const continued = await followLink(asking, linkIn(await latestMail(server.services, email, 'magicLink')));
    assert.equal(continued.status, 303);
    return continued;
  }

  before(async () => {
    server = await startTestServer(getDb(), {
      env: {
        ACCT_RATE_LIMITS:
          'mail:ip=1000/60 mail:address=1000/60 magic-link:address=1000/60 sign-up:ip=1000/60 sign-in:ip=1000/60',
      },
    });
  });
  after(() => server.close());

  it('signs in the browser that asked for the link at once, and says so', async () => {
    const { email } = await signedUpClient(server.services, server.url);
    const asking = browser();
    const continued = await magicLinkRedirect(asking, email);
    const res = await exchange(asking, continued.location);
    assert.equal(res.status, 200);
    assert.deepEqual([res.body.status, res.body.user.email, res.body.method], ['signed_in', email, 'magic_link']);
    assert.equal((await asking.get('/api/me')).body.user.email, email);
  });

  it('asks another browser first, naming the account, and uses nothing up until confirmed', async () => {
    const { email } = await signedUpClient(server.services, server.url);
    const continued = await magicLinkRedirect(browser(), email);
    const elsewhere = browser(); // the link opened on a phone, say

    for (const body of [{}, { browserKey: elsewhere.browserKey }]) {
      const asked = await elsewhere.post('/api/session/exchange', { code: codeFrom(continued.location), ...body });
      assert.equal(asked.status, 200);
      assert.deepEqual(asked.body, {
        status: 'confirmation_required',
        account: { email, displayName: null },
        flow: 'magic_link',
      });
      assert.equal(asked.headers.getSetCookie().length, 0, 'no session cookie before the answer');
    }
    assert.equal((await elsewhere.get('/api/me')).status, 401);

    const confirmed = await exchange(elsewhere, continued.location, { confirm: true });
    assert.equal(confirmed.body.status, 'signed_in');
    assert.equal((await elsewhere.get('/api/me')).body.user.email, email);
    assert.equal(
      (await exchange(elsewhere, continued.location, { confirm: true })).body.error.code,
      'invalid_code',
      'single use',
    );
  });

  it('never replaces a victim’s session with the attacker’s account without asking (login CSRF)', async () => {
    const attacker = await signedUpClient(server.services, server.url);
    const victim = await signedUpClient(server.services, server.url);
    // The attacker asks for a link to their own account and sends the victim the page it returns to.
    const planted = await magicLinkRedirect(attacker.client, attacker.email);
    const answer = await exchange(victim.client, planted.location);
    assert.equal(answer.body.status, 'confirmation_required');
    assert.equal(answer.body.account.email, attacker.email, 'the victim sees whose account it is');
    assert.equal((await victim.client.get('/api/me')).body.user.email, victim.email, 'the victim is still themselves');
  });

  it('binds every emailed flow: confirmation after sign-up, and a password reset', async () => {
    const { email, client } = await signedUpClient(server.services, server.url); // bound: see signedUpClient
    assert.equal(
      (
        await client.post('/api/auth/password/forgot', {
          email,
          redirectUrl: `${TEST_ORIGIN}/account`,
          browserKey: client.browserKey,
        })
      ).status,
      202,
    );
    const reset = await followLink(client, linkIn(await latestMail(server.services, email, 'resetPassword')), {
      password: 'a new passphrase here',
      confirm: 'a new passphrase here',
    });
    assert.equal(reset.status, 303);
    assert.equal((await exchange(browser(), reset.location)).body.status, 'confirmation_required');
    assert.equal((await exchange(client, reset.location)).body.status, 'signed_in');
  });

  it('hands exactly one session to 20 parallel confirmations of one code (B1)', async () => {
    const { email } = await signedUpClient(server.services, server.url);
    const continued = await magicLinkRedirect(browser(), email);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => exchange(browser(), continued.location, { confirm: true })),
    );
    assert.equal(answers.filter((a) => a.body.status === 'signed_in').length, 1);
    assert.ok(answers.filter((a) => a.body.status !== 'signed_in').every((a) => a.body.error.code === 'invalid_code'));
  });

  it('a code waiting to be exchanged dies when the user’s sessions are ended: password change, reset, sign-out elsewhere', async () => {
    // The attack: a thief holding a stolen session turns it into a hand-over code (any Origin can
    // be typed outside a browser), keeps the code while the owner changes the password to end
    // every other session, then exchanges it for a session that the change never saw.
    const stolenCode = async (email: string, password: string) => {
      const thief = browser();
      const signedIn = await thief.post('/api/auth/sign-in', { email, password });
      assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
      return { thief, location: await handOverFrom(thief, server.url) };
    };
    const owner = await signedUpClient(server.services, server.url);

    const beforeChange = await stolenCode(owner.email, owner.password);
    const newPassword = 'a brand new passphrase 2026';
    const changed = await owner.client.post('/api/auth/password/change', {
      currentPassword: owner.password,
      newPassword,
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const afterChange = await exchange(beforeChange.thief, beforeChange.location);
    assert.deepEqual([afterChange.status, afterChange.body.error?.code], [400, 'invalid_code']);
    assert.equal((await beforeChange.thief.get('/api/me')).status, 401);

    const beforeRevoke = await stolenCode(owner.email, newPassword);
    assert.equal((await owner.client.post('/api/sessions/revoke-others', {})).status, 200);
    assert.equal((await exchange(beforeRevoke.thief, beforeRevoke.location)).status, 400);

    const beforeReset = await stolenCode(owner.email, newPassword);
    assert.equal((await browser().post('/api/auth/password/forgot', { email: owner.email })).status, 202);
    const reset = await followLink(browser(), linkIn(await latestMail(server.services, owner.email, 'resetPassword')), {
      password: 'yet another passphrase 2026',
      confirm: 'yet another passphrase 2026',
    });
    assert.equal(reset.status, 200, reset.text);
    assert.equal((await exchange(beforeReset.thief, beforeReset.location)).status, 400);

    // The owner's own hand-over, asked for after the change, still works.
    const own = await stolenCode(owner.email, 'yet another passphrase 2026');
    assert.equal((await exchange(own.thief, own.location)).status, 200);
  });

  it('never lets a redirect carrying a code be stored', async () => {
    const email = uniqueEmail();
    const asking = browser();
    await asking.post('/api/auth/sign-up', {
      email,
      password: 'correct horse battery staple',
      redirectUrl: `${TEST_ORIGIN}/welcome`,
      browserKey: asking.browserKey,
    });
    const confirmed = await fetch(new URL('/auth/verify-email', server.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      body: new URLSearchParams({
        token: linkIn(await latestMail(server.services, email, 'verifyEmail')).searchParams.get('token')!,
      }),
    });
    assert.equal(confirmed.status, 303);
    assert.match(confirmed.headers.get('location') ?? '', /#acct_code=/);
    assert.equal(confirmed.headers.get('cache-control'), 'no-store');
  });

  it('refuses a malformed browser key or confirm flag with 400, and unknown codes alike', async () => {
    for (const body of [
      { code: 'A'.repeat(43), browserKey: 'short' },
      { code: 'A'.repeat(43), browserKey: 'x'.repeat(20) + '!' },
      { code: 'A'.repeat(43), confirm: 'yes' },
    ]) {
      const res = await browser().post('/api/session/exchange', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'invalid_request');
    }
    assert.equal(
      (await browser().post('/api/session/exchange', { code: 'A'.repeat(43), confirm: true })).body.error.code,
      'invalid_code',
    );
    const badKey = await browser().post('/api/auth/magic-link', { email: uniqueEmail(), browserKey: '<script>' });
    assert.deepEqual([badKey.status, badKey.body.error.fields], [400, { browserKey: 'invalid_browser_key' }]);
  });
});
