/**
 * Magic links through the real HTTP API on each database: one answer whatever the address (A4),
 * accounts made on first use, a landing page that mail scanners cannot trigger (B2), single use
 * with one identical error for every unusable link (B3), exactly one session from 20 parallel
 * clicks (B1), the redirect allowlist, the per-address throttle and status polling.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, it } from 'node:test';
import type { RunningServer } from '../../start';
import {
  codeFrom,
  exchange,
  followLink,
  latestMail,
  linkIn,
  signedUpClient,
  uniqueEmail,
} from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

describeOnEachDatabase('magic links', (getDb) => {
  let server: RunningServer;
  const client = () => new TestClient(server.url, { origin: TEST_ORIGIN });
  const knex = () => server.db.knex;
  /** Asks for a link as `asking` (a fresh browser by default), sending its browser key as the elements do. */
  const requestLink = (email: string, redirectUrl?: string, asking = client()) =>
    asking.post('/api/auth/magic-link', {
      email,
      browserKey: asking.browserKey,
      ...(redirectUrl ? { redirectUrl } : {}),
    });

  before(async () => {
    server = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: 'mail:ip=1000/60 sign-up:ip=1000/60 sign-in:ip=1000/60' },
    });
  });
  after(() => server.close());
  // One link a minute per address: each test uses fresh addresses, and the shared bucket of the
  // per-address test must not leak into the others.
  beforeEach(() => knex()('rate_limit_buckets').where({ action: 'magic-link:address' }).delete());

  it('signs an existing user in: scanners consume nothing, Continue hands over a session', async () => {
    const { email } = await signedUpClient(server.services, server.url);
    const browser = client();
    const res = await requestLink(email, `${TEST_ORIGIN}/account`, browser);
    assert.equal(res.status, 202);
    assert.equal(res.body.status, 'link_sent');
    const link = linkIn(await latestMail(server.services, email, 'magicLink'));
    assert.equal(link.pathname, '/auth/magic-link');

    for (let i = 0; i < 3; i++) {
      const page = await fetch(link);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Continue signing in to acct/);
    }
    assert.equal((await client().get(`/api/auth/magic-link/${res.body.linkId}/status`)).body.status, 'pending');
    const row = await knex()('magic_links').where({ id: res.body.linkId }).first();
    assert.equal(row!.used_at, null, 'three GETs consumed nothing (B2)');

    const continued = await followLink(client(), link);
    assert.equal(continued.status, 303);
    assert.match(continued.location ?? '', new RegExp(`^${TEST_ORIGIN}/account#acct_code=.+&acct_flow=magic_link$`));
    // The browser that asked for the link gets its session at once (sessions/hand-over.ts).
    const exchanged = await exchange(browser, continued.location);
    assert.deepEqual(
      [exchanged.status, exchanged.body.status, exchanged.body.user.email, exchanged.body.method],
      [200, 'signed_in', email, 'magic_link'],
    );
    const history = (await browser.get('/api/login-history')).body.events[0];
    assert.deepEqual([history.eventType, history.method], ['login_success', 'magic_link']);
    assert.equal((await client().get(`/api/auth/magic-link/${res.body.linkId}/status`)).body.status, 'used');
  });

  it('answers the same for an unknown address and makes the account on first use', async () => {
    const known = (await signedUpClient(server.services, server.url)).email;
    const fresh = uniqueEmail('newcomer');
    const a = await requestLink(known);
    const b = await requestLink(fresh);
    assert.equal(a.status, b.status);
    assert.deepEqual(Object.keys(a.body).sort(), Object.keys(b.body).sort());
    assert.equal(
      await knex()('auth.users').where({ email: fresh }).first(),
      undefined,
      'no account before the link is used',
    );

    const continued = await followLink(client(), linkIn(await latestMail(server.services, fresh, 'magicLink')));
    assert.equal(continued.status, 303);
    assert.match(continued.location ?? '', new RegExp(`^${TEST_ORIGIN}/#acct_code=`), 'back to the asking origin');
    const user = await knex()('auth.users').where({ email: fresh }).first();
    assert.ok(user?.email_verified_at, 'created verified, without a password');
    assert.equal(user?.password_hash, null);
  });

  it('sends nothing to an unknown address when sign-up is closed, with the same answer', async () => {
    const closed = await startTestServer(getDb(), { env: { ACCT_SIGN_UP_ENABLED: 'false' } });
    try {
      const email = uniqueEmail('stranger');
      const res = await new TestClient(closed.url, { origin: TEST_ORIGIN }).post('/api/auth/magic-link', { email });
      assert.equal(res.status, 202);
      assert.match(res.body.linkId, /^[0-9a-f-]{36}$/);
      assert.equal(await closed.db.knex('magic_links').where({ email }).first(), undefined);
      assert.equal(await closed.db.knex('mail_queue').where({ to_address: email }).first(), undefined);
    } finally {
      await closed.close();
    }
  });

  it('shows one identical page for expired, used, superseded and unknown links (B3)', async () => {
    const email = uniqueEmail();
    await requestLink(email);
    const used = linkIn(await latestMail(server.services, email, 'magicLink'));
    assert.equal((await followLink(client(), used)).status, 303);

    const other = uniqueEmail();
    await requestLink(other);
    const superseded = linkIn(await latestMail(server.services, other, 'magicLink'));
    await knex()('rate_limit_buckets').where({ action: 'magic-link:address' }).delete();
    await requestLink(other);
    const current = linkIn(await latestMail(server.services, other, 'magicLink'));
    assert.notEqual(current.href, superseded.href);

    const third = uniqueEmail();
    await requestLink(third);
    const expired = linkIn(await latestMail(server.services, third, 'magicLink'));
    await knex()('magic_links')
      .where({ email: third })
      .update({ expires_at: knex().raw(`now() - interval '1 second'`) });

    const unknown = new URL(`${server.url}/auth/magic-link?token=${'A'.repeat(43)}`);
    const answers = new Set<string>();
    for (const link of [used, superseded, expired, unknown]) {
      const page = await fetch(link);
      answers.add(`${page.status} ${await page.text()}`);
      const post = await followLink(client(), link);
      answers.add(`${post.status} ${post.text}`);
    }
    assert.equal(answers.size, 1, [...answers].join('\n---\n'));
    assert.match([...answers][0]!, /^400 /);
    assert.equal((await followLink(client(), current)).status, 303, 'the newest link still works');
  });

  it('gives exactly one session to 20 parallel clicks on one link (B1)', async () => {
    const { email } = await signedUpClient(server.services, server.url);
    const user = await knex()('auth.users').where({ email }).first();
    const countSessions = async () =>
      Number((await knex()('user_sessions').where({ user_id: user!.id }).count({ n: '*' }).first())!.n);
    const before = await countSessions();
    await requestLink(email);
    const link = linkIn(await latestMail(server.services, email, 'magicLink'));
    const clicks = await Promise.all(Array.from({ length: 20 }, () => followLink(client(), link)));
    const winners = clicks.filter((c) => c.status === 303);
    assert.equal(winners.length, 1);
    const codes = await Promise.all(
      winners.map((w) => client().post('/api/session/exchange', { code: codeFrom(w.location), confirm: true })),
    );
    assert.equal(codes.filter((c) => c.status === 200).length, 1);
    assert.equal(await countSessions(), before + 1);
  });

  it('refuses a redirect outside the allowlist and malformed requests, sending nothing', async () => {
    const email = uniqueEmail();
    for (const body of [
      { email, redirectUrl: 'https://evil.test/steal' },
      { email, redirectUrl: 'javascript:alert(1)' },
      { email: 'not-an-email' },
      { email, extra: true },
    ]) {
      const res = await client().post('/api/auth/magic-link', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'invalid_request');
    }
    assert.equal(await knex()('mail_queue').where({ to_address: email }).first(), undefined);
  });

  it('sends at most one link a minute to an address', async () => {
    const email = uniqueEmail();
    assert.equal((await requestLink(email)).status, 202);
    const again = await requestLink(email);
    assert.equal(again.status, 429);
    assert.ok(Number(again.headers.get('retry-after')) > 0);
  });

  it('answers status polls for unknown or malformed ids with "pending"', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      assert.deepEqual((await client().get(`/api/auth/magic-link/${id}/status`)).body, { status: 'pending' });
    }
  });
});
