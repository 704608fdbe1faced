/**
 * Web Push end to end on each database, against a local push service (server/testing/push-service.ts)
 * that checks every request's VAPID token and decrypts its aes128gcm payload with the browser's
 * keys: what arrives is what was sent; a 410 deletes the subscription; a 500 counts a failure and
 * the retry delivers; another user cannot remove your subscription; bad subscriptions are refused
 * with their codes (docs/security.md W1: the endpoint SSRF guard); the VAPID key pair
 * survives a restart on the same database.
 * Sending goes through the real job runner (pg-boss): `services.jobs.drain()` runs what is due. The
 * servers take no jobs on their own (`ACCT_RUN_JOBS=false`), so that when two share a database
 * (the restart and configured-key tests), a job runs on the server that the test drains.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import webpush from 'web-push';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { jobWhere, makeJobDue } from '../../testing/jobs';
import { TestPushService, type BrowserSubscription } from '../../testing/push-service';
import { startTestServer } from '../../testing/test-server';
import { pushChannel } from './push.channel';
import { pushSendJob, sendPushJob } from './push.jobs';
import { MAX_SUBSCRIPTIONS_PER_USER } from './push.queries';
import { sendPush } from './push.service';

const PUSH_ENV = {
  ACCT_PUSH_ALLOW_LOOPBACK: 'true',
  ACCT_RUN_JOBS: 'false',
  ACCT_RATE_LIMITS: 'sign-in:ip=10000/60 sign-up:ip=1000/60 mail:ip=1000/60',
};

describeOnEachDatabase('Web Push', (getDb) => {
  let server: RunningServer;
  let pushService: TestPushService;
  const knex = () => server.db.knex;

  before(async () => {
    pushService = await TestPushService.start();
    server = await startTestServer(getDb(), { env: PUSH_ENV });
  });
  after(async () => {
    await server.close();
    await pushService.close();
  });

  async function user() {
    const account = await signedUpClient(server.services, server.url);
    const { id } = (await account.client.call('GET /api/me')).body.user;
    return { ...account, id };
  }

  /** A user whose browser subscribed through the API. */
  async function subscribedUser() {
    const account = await user();
    const subscription = pushService.subscribe();
    const res = await account.client.call('POST /api/push/subscriptions', { body: subscription });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { ...account, subscription, subscriptionId: res.body.subscription.id };
  }

  const rowOf = (subscription: BrowserSubscription) =>
    knex()('push_subscriptions').where({ endpoint: subscription.endpoint }).first();

  it('gives the VAPID public key to a signed-in user only', async () => {
    const { client } = await user();
    const res = await client.call('GET /api/push/key');
    assert.equal(res.status, 200);
    assert.match(res.body.publicKey, /^B[A-Za-z0-9_-]{86}$/);
    const anonymous = await fetch(`${server.url}/api/push/key`, { headers: { Origin: 'http://localhost:5173' } });
    assert.equal(anonymous.status, 401);
  });

  /** The `push.send` job of a subscription. */
  const jobOf = (subscriptionId: string) => jobWhere(knex(), pushSendJob.name, 'subscriptionId', subscriptionId);

  it('delivers to every browser of the user what was sent, encrypted, with a valid VAPID token', async () => {
    const alice = await subscribedUser();
    const laptop = pushService.subscribe();
    assert.equal((await alice.client.call('POST /api/push/subscriptions', { body: laptop })).status, 201);
    const bob = await subscribedUser();
    const { publicKey } = (await alice.client.call('GET /api/push/key')).body;

    const message = {
      title: 'New sign-in',
      body: 'Chrome on Linux — était-ce vous ? 🔐',
      url: 'https://site.example/a',
    };
    assert.equal(await sendPush(server.services, alice.id, message), 2);
    await server.services.jobs.drain();

    for (const subscription of [alice.subscription, laptop]) {
      const [push, ...more] = pushService.receivedBy(subscription);
      assert.equal(push?.status, 201, push?.refusal);
      assert.equal(more.length, 0, 'delivered once');
      assert.deepEqual(JSON.parse(push.payload!), message);
      assert.equal(push.vapidKey, publicKey);
      const row = await rowOf(subscription);
      assert.ok(row?.last_success_at, 'last_success_at is set');
      assert.equal(row.failure_count, 0);
    }
    assert.equal((await jobOf(alice.subscriptionId))?.state, 'completed');
    assert.equal(pushService.receivedBy(bob.subscription).length, 0, 'nothing for another user');
  });

  it('deletes a subscription the push service says is gone (410)', async () => {
    const alice = await subscribedUser();
    pushService.answerNext(410);
    await sendPush(server.services, alice.id, { title: 'Hi', body: 'There', url: null });
    await server.services.jobs.drain();
    assert.equal(pushService.receivedBy(alice.subscription)[0]?.status, 410);
    assert.equal(await rowOf(alice.subscription), undefined);
    assert.equal((await jobOf(alice.subscriptionId))?.state, 'completed', 'not retried');
    // A job for a subscription deleted meanwhile does nothing (a retried or repeated job).
    await sendPushJob(server.services, { subscriptionId: alice.subscriptionId, title: 'x', body: 'y', url: null });
    assert.equal(pushService.receivedBy(alice.subscription).length, 1);
  });

  it('counts a failed delivery (500) and retries it through the job runner, which then delivers', async () => {
    const alice = await subscribedUser();
    pushService.answerNext(500);
    await sendPush(server.services, alice.id, { title: 'Retry', body: 'me', url: null });
    await server.services.jobs.drain();
    const job = await jobOf(alice.subscriptionId);
    assert.equal(job?.state, 'retry');
    assert.ok(job.due_in > 0, 'the retry waits');
    assert.equal((await rowOf(alice.subscription))?.failure_count, 1);
    assert.equal((await rowOf(alice.subscription))?.last_success_at, null);

    await makeJobDue(knex(), job.id);
    await server.services.jobs.drain();
    const received = pushService.receivedBy(alice.subscription);
    assert.deepEqual(
      received.map((r) => r.status),
      [500, 201],
    );
    assert.deepEqual(JSON.parse(received[1]!.payload!), { title: 'Retry', body: 'me', url: null });
    const row = await rowOf(alice.subscription);
    assert.equal(row?.failure_count, 0);
    assert.ok(row?.last_success_at);
    assert.equal((await jobOf(alice.subscriptionId))?.state, 'completed');
  });

  it('queues push jobs through the notification channel, in the dispatcher’s transaction', async () => {
    const alice = await subscribedUser();
    const notification = {
      userId: alice.id,
      eventType: 'security.new_sign_in',
      category: 'security',
      title: 'New sign-in',
      body: 'From Firefox',
      url: null,
    };
    // Rolled back: no job, nothing sent.
    await assert.rejects(
      knex().transaction(async (trx) => {
        await pushChannel.deliver(server.services, trx, notification);
        throw new Error('the dispatcher failed');
      }),
      /the dispatcher failed/,
    );
    assert.equal(await jobOf(alice.subscriptionId), undefined);

    await knex().transaction((trx) => pushChannel.deliver(server.services, trx, notification));
    await server.services.jobs.drain();
    const [push] = pushService.receivedBy(alice.subscription);
    assert.deepEqual(JSON.parse(push!.payload!), { title: 'New sign-in', body: 'From Firefox', url: null });
  });

  it('lets no other user remove a subscription; its owner can (F1)', async () => {
    const alice = await subscribedUser();
    const mallory = await user();
    const res = await mallory.client.call('DELETE /api/push/subscriptions', {
      body: { endpoint: alice.subscription.endpoint },
    });
    assert.equal(res.status, 404);
    assert.equal(res.error?.code, 'not_found');
    assert.ok(await rowOf(alice.subscription), 'still there');

    const own = await alice.client.call('DELETE /api/push/subscriptions', {
      body: { endpoint: alice.subscription.endpoint },
    });
    assert.equal(own.status, 200);
    assert.deepEqual(own.body, { removed: true });
    assert.equal(await rowOf(alice.subscription), undefined);
    const again = await alice.client.call('DELETE /api/push/subscriptions', {
      body: { endpoint: alice.subscription.endpoint },
    });
    assert.equal(again.status, 404);
  });

  it('lists the user’s browsers as devices, newest first, and removes one by id; never another user’s (F1)', async () => {
    const alice = await subscribedUser();
    const laptop = pushService.subscribe();
    const second = await alice.client.call('POST /api/push/subscriptions', { body: laptop });
    const listed = await alice.client.call('GET /api/push/subscriptions');
    assert.equal(listed.status, 200);
    assert.deepEqual(
      listed.body.devices.map((d) => d.id),
      [second.body.subscription.id, alice.subscriptionId],
    );
    const [newest] = listed.body.devices;
    assert.equal(newest!.deviceType, 'desktop');
    assert.match(newest!.browser ?? '', /^Chrome \d+$/);
    assert.equal(newest!.lastSuccessAt, null);
    assert.equal('endpoint' in newest!, false, 'the capability URL is not shown');

    const mallory = await user();
    assert.deepEqual((await mallory.client.call('GET /api/push/subscriptions')).body, { devices: [] });
    const stolen = await mallory.client.call('DELETE /api/push/subscriptions/:id', {
      params: { id: alice.subscriptionId },
    });
    assert.deepEqual([stolen.status, stolen.error?.code], [404, 'not_found']);
    const junk = await mallory.client.call('DELETE /api/push/subscriptions/:id', { params: { id: 'not-an-id' } });
    assert.deepEqual([junk.status, junk.error?.code], [404, 'not_found']);
    assert.ok(await rowOf(alice.subscription), 'still there');

    const removed = await alice.client.call('DELETE /api/push/subscriptions/:id', {
      params: { id: alice.subscriptionId },
    });
    assert.deepEqual([removed.status, removed.body], [200, { removed: true }]);
    assert.equal(await rowOf(alice.subscription), undefined);
    assert.deepEqual(
      (await alice.client.call('GET /api/push/subscriptions')).body.devices.map((d) => d.id),
      [second.body.subscription.id],
    );
    assert.equal((await anonymousFetch('/api/push/subscriptions')).status, 401);
  });

  const anonymousFetch = (path: string) =>
    fetch(`${server.url}${path}`, { headers: { Origin: 'http://localhost:5173' } });

  it('updates the same endpoint posted again, and moves it to whoever signs in on that browser', async () => {
    const alice = await subscribedUser();
    const again = await alice.client.call('POST /api/push/subscriptions', { body: alice.subscription });
    assert.equal(again.status, 201);
    assert.equal(again.body.subscription.id, alice.subscriptionId);

    const bob = await user();
    const moved = await bob.client.call('POST /api/push/subscriptions', { body: alice.subscription });
    assert.equal(moved.status, 201);
    assert.equal((await rowOf(alice.subscription))?.user_id, bob.id);
    assert.equal(await knex()('push_subscriptions').where({ user_id: alice.id }).first(), undefined);
  });

  it('keeps the newest subscriptions of a user, up to the cap', async () => {
    const { client, id } = await user();
    const endpoints: string[] = [];
    for (let i = 0; i <= MAX_SUBSCRIPTIONS_PER_USER; i++) {
      const subscription = pushService.subscribe();
      endpoints.push(subscription.endpoint);
      assert.equal((await client.call('POST /api/push/subscriptions', { body: subscription })).status, 201);
      // Distinct creation times, so that "oldest" is well defined.
      await knex()('push_subscriptions')
        .where({ endpoint: subscription.endpoint })
        .update({ created_at: new Date(Date.UTC(2026, 0, 1, 0, i)) });
    }
    const kept = await knex()('push_subscriptions').where({ user_id: id }).pluck('endpoint');
    assert.equal(kept.length, MAX_SUBSCRIPTIONS_PER_USER);
    assert.ok(!kept.includes(endpoints[0]!), 'the oldest went');
  });

  it('refuses bad subscriptions with 400 and a code, saving nothing (SSRF guard)', async () => {
    const { client, id } = await user();
    const good = pushService.subscribe();
    const cases: [string, unknown, string, Record<string, string>?][] = [
      ['plain http', { ...good, endpoint: 'http://push.example.com/x' }, 'push_endpoint_not_allowed'],
      ['a private address', { ...good, endpoint: 'https://10.1.2.3/push' }, 'push_endpoint_not_allowed'],
      ['link-local metadata', { ...good, endpoint: 'https://169.254.169.254/latest' }, 'push_endpoint_not_allowed'],
      ['IPv6 unique-local', { ...good, endpoint: 'https://[fd00::1]/push' }, 'push_endpoint_not_allowed'],
      ['an intranet name', { ...good, endpoint: 'https://intranet/push' }, 'push_endpoint_not_allowed'],
      ['credentials in the URL', { ...good, endpoint: 'https://u:p@push.example.com/x' }, 'push_endpoint_not_allowed'],
      ['not a URL', { ...good, endpoint: 'not a url' }, 'push_endpoint_not_allowed'],
      [
        'an overlong endpoint',
        { ...good, endpoint: `https://push.example.com/${'a'.repeat(2000)}` },
        'invalid_request',
        { endpoint: 'too_long' },
      ],
      [
        'a short p256dh',
        { ...good, keys: { ...good.keys, p256dh: 'BAAA' } },
        'invalid_request',
        { 'keys.p256dh': 'invalid_key' },
      ],
      [
        'a p256dh off the curve',
        { ...good, keys: { ...good.keys, p256dh: `B${'A'.repeat(86)}` } },
        'invalid_request',
        { 'keys.p256dh': 'invalid_key' },
      ],
      [
        'a short auth secret',
        { ...good, keys: { ...good.keys, auth: 'abc' } },
        'invalid_request',
        { 'keys.auth': 'invalid_key' },
      ],
      ['no keys', { endpoint: good.endpoint }, 'invalid_request', { keys: 'required' }],
      ['an unknown field', { ...good, extra: 1 }, 'invalid_request'],
    ];
    for (const [what, body, code, fields] of cases) {
      const res = await client.request('POST', '/api/push/subscriptions', body);
      assert.equal(res.status, 400, `${what}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error?.code, code, what);
      if (fields) assert.deepEqual(res.body.error?.fields, fields, what);
    }
    assert.equal(await knex()('push_subscriptions').where({ user_id: id }).first(), undefined);
  });

  it('keeps the VAPID key pair across a restart on the same database', async () => {
    const { client } = await user();
    const before = (await client.call('GET /api/push/key')).body.publicKey;
    const restarted = await startTestServer(getDb(), { env: PUSH_ENV });
    try {
      const again = await signedUpClient(restarted.services, restarted.url);
      assert.equal((await again.client.call('GET /api/push/key')).body.publicKey, before);
      const row = await knex()('auth.vapid_keys').first();
      assert.equal(row?.public_key, before);
      assert.ok(!row.private_key_encrypted.includes(row.public_key), 'the private key is sealed');
    } finally {
      await restarted.close();
    }
  });

  it('uses the key pair of ACCT_VAPID_PUBLIC_KEY / ACCT_VAPID_PRIVATE_KEY when set', async () => {
    const keys = webpush.generateVAPIDKeys();
    const configured = await startTestServer(getDb(), {
      env: { ...PUSH_ENV, ACCT_VAPID_PUBLIC_KEY: keys.publicKey, ACCT_VAPID_PRIVATE_KEY: keys.privateKey },
    });
    try {
      const { client, ...account } = await signedUpClient(configured.services, configured.url);
      assert.equal((await client.call('GET /api/push/key')).body.publicKey, keys.publicKey);
      const subscription = pushService.subscribe();
      assert.equal((await client.call('POST /api/push/subscriptions', { body: subscription })).status, 201);
      const { id } = (await client.call('GET /api/me')).body.user;
      await sendPush(configured.services, id, { title: account.email, body: 'b', url: null });
      await configured.services.jobs.drain();
      const [push] = pushService.receivedBy(subscription);
      assert.equal(push?.status, 201, push?.refusal);
      assert.equal(push.vapidKey, keys.publicKey);
    } finally {
      await configured.close();
    }
  });
});
