/**
 * Asking for and cancelling an account's deletion through the real HTTP API on each database: the
 * grace period (ACCT_DELETION_GRACE_DAYS), the typed address, the recent sign-in (docs/security.md
 * F3), every session ended at once (C3), signing in again during the grace period (the answer
 * carries the date), and cancelling — signed in, or with the mailed link's hosted page.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { followLink, latestMail, linkIn, signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

const DAY = 86_400_000;

describeOnEachDatabase('account deletion', (getDb) => {
  let server: RunningServer;
  const knex = () => server.db.knex;

  before(async () => {
    server = await startTestServer(getDb(), {
      env: {
        ACCT_RATE_LIMITS: 'sign-in:ip=10000/60 sign-up:ip=1000/60 mail:ip=1000/60',
        ACCT_DELETION_GRACE_DAYS: '14',
      },
    });
  });
  after(() => server.close());

  async function user() {
    const account = await signedUpClient(server.services, server.url);
    const { id } = (await account.client.call('GET /api/me')).body.user;
    return { ...account, id };
  }

  const openRequests = (userId: string) =>
    knex()('account_deletion_requests').where({ user_id: userId }).whereNull('cancelled_at').select('*');

  it('schedules the deletion after the grace period, ends every session (C3) and mails a cancel link', async () => {
    const alice = await user();
    const other = new TestClient(server.url, { origin: TEST_ORIGIN });
    const signedIn = await other.post('/api/auth/sign-in', { email: alice.email, password: alice.password });
    assert.equal(signedIn.status, 200);

    const before = Date.now();
    const res = await alice.client.call('POST /api/me/deletion', {
      body: { confirmEmail: alice.email.toUpperCase(), reason: 'privacy', feedback: ' Too many emails ' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const scheduled = Date.parse(res.body.deletion.scheduledFor);
    assert.ok(Math.abs(scheduled - before - 14 * DAY) < 60_000, res.body.deletion.scheduledFor);
    const [row] = await openRequests(alice.id);
    assert.equal(row!.reason, 'privacy');
    assert.equal(row!.feedback, 'Too many emails');

    // (C3) both sessions, this one too, are rejected on the next request.
    assert.equal((await alice.client.call('GET /api/me')).status, 401);
    assert.equal((await other.call('GET /api/me')).status, 401);

    const mail = await latestMail(server.services, alice.email, 'deletionRequested');
    assert.match(mail.text, /scheduled|deleted/i);
    assert.match(linkIn(mail).pathname, /^\/auth\/cancel-deletion$/);
  });

  it('refuses without the account’s address typed, without a recent sign-in (F3), and twice', async () => {
    const bob = await user();
    const wrong = await bob.client.call('POST /api/me/deletion', { body: { confirmEmail: 'someone@else.test' } });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.error?.code, 'email_mismatch');
    const invalid = await bob.client.call('POST /api/me/deletion', {
      body: { confirmEmail: bob.email, reason: 'bored' as 'other' },
    });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.error?.code, 'invalid_request');

    await knex()('user_sessions')
      .where({ user_id: bob.id })
      .update({ created_at: knex().raw(`now() - interval '11 minutes'`) });
    const stale = await bob.client.call('POST /api/me/deletion', { body: { confirmEmail: bob.email } });
    assert.equal(stale.status, 403);
    assert.equal(stale.error?.code, 'reauthentication_required');
    assert.equal((await openRequests(bob.id)).length, 0);
    assert.equal((await bob.client.call('GET /api/me')).status, 200, 'a refused request ends no session');

    const carol = await user();
    assert.equal(
      (await carol.client.call('POST /api/me/deletion', { body: { confirmEmail: carol.email } })).status,
      201,
    );
    const again = new TestClient(server.url, { origin: TEST_ORIGIN });
    await again.post('/api/auth/sign-in', { email: carol.email, password: carol.password });
    const twice = await again.call('POST /api/me/deletion', { body: { confirmEmail: carol.email } });
    assert.equal(twice.status, 409);
    assert.equal(twice.error?.code, 'deletion_already_scheduled');
  });

  it('signing in during the grace period shows the date; cancelling signed in keeps the account', async () => {
    const dave = await user();
    assert.equal((await dave.client.call('GET /api/me/deletion')).body.deletion, null);
    assert.equal((await dave.client.call('GET /api/me')).body.user.deletionScheduledFor, undefined);
    const asked = await dave.client.call('POST /api/me/deletion', { body: { confirmEmail: dave.email } });

    const back = new TestClient(server.url, { origin: TEST_ORIGIN });
    const signIn = await back.post('/api/auth/sign-in', { email: dave.email, password: dave.password });
    assert.equal(signIn.status, 200);
    assert.equal(signIn.body.user.deletionScheduledFor, asked.body.deletion.scheduledFor);
    assert.equal((await back.call('GET /api/me')).body.user.deletionScheduledFor, asked.body.deletion.scheduledFor);
    assert.deepEqual((await back.call('GET /api/me/deletion')).body.deletion, asked.body.deletion);

    const cancelled = await back.call('DELETE /api/me/deletion');
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal((await back.call('GET /api/me/deletion')).body.deletion, null);
    assert.equal((await back.call('GET /api/me')).body.user.deletionScheduledFor, undefined);
    assert.equal((await openRequests(dave.id)).length, 0);
    await latestMail(server.services, dave.email, 'deletionCancelled');

    const none = await back.call('DELETE /api/me/deletion');
    assert.equal(none.status, 404);
    assert.equal(none.error?.code, 'deletion_not_scheduled');
    // The mailed link of a cancelled request no longer works.
    const link = linkIn(await latestMail(server.services, dave.email, 'deletionRequested'));
    assert.equal((await back.get(link.pathname + link.search)).status, 400);
  });

  it('the mailed link cancels: its page shows the date and consumes nothing (B2); its button cancels once', async () => {
    const erin = await user();
    await erin.client.call('POST /api/me/deletion', { body: { confirmEmail: erin.email } });
    const link = linkIn(await latestMail(server.services, erin.email, 'deletionRequested'));
    const browser = new TestClient(server.url);

    for (let i = 0; i < 2; i++) {
      const page = await browser.get(link.pathname + link.search);
      assert.equal(page.status, 200);
      assert.match(String(page.body), /<form method="post" action="\/auth\/cancel-deletion">/);
    }
    assert.equal((await openRequests(erin.id)).length, 1, 'opening the page cancels nothing');

    const done = await followLink(browser, link);
    assert.equal(done.status, 200, done.text);
    assert.match(done.text, /Deletion cancelled/);
    assert.equal((await openRequests(erin.id)).length, 0);
    await latestMail(server.services, erin.email, 'deletionCancelled');

    const reused = await followLink(browser, link);
    assert.equal(reused.status, 400);
    assert.equal((await browser.get(`/auth/cancel-deletion?token=${'x'.repeat(43)}`)).status, 400);
  });

  it('answers 401 signed out', async () => {
    const anonymous = new TestClient(server.url, { origin: TEST_ORIGIN });
    assert.equal((await anonymous.call('GET /api/me/deletion')).status, 401);
    assert.equal((await anonymous.call('POST /api/me/deletion', { body: { confirmEmail: 'a@b.test' } })).status, 401);
    assert.equal((await anonymous.call('DELETE /api/me/deletion')).status, 401);
  });
});
