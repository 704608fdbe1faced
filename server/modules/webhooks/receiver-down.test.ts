/**
 * docs/security.md I3 for webhook receivers, on each database: a receiver that is down (stopped:
 * connection refused) or slow (it answers nothing within the delivery timeout, ACCT_WEBHOOK_TIMEOUT_MS, shortened here)
 * holds up no request. The events come from real `PATCH /api/me` requests, which must answer as
 * usual and in their usual time — under two seconds, even while the job runner in the same
 * process waits on a hanging receiver (on the embedded database, the one connection must not be
 * held across the send). The deliveries wait in the job runner — the failed attempt recorded with
 * its error, the next one queued on the retry schedule — and once the receiver is back every event
 * arrives, signed (`standardwebhooks`), each recorded as delivered exactly once: nothing lost.
 *
 * The tests drive the real job runner (`drain()`: pg-boss's fetch, then the job settled as its
 * workers settle it) with the server's own worker off (`ACCT_RUN_JOBS=false`), as
 * mail-queue.test.ts does for the mail half of I3. The slow case waits out the real 15-second
 * timeout, once per database: the delivery job has no shorter one to inject, and those seconds
 * are when the requests are timed.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Webhook as Verifier } from 'standardwebhooks';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import { jobWhere, makeJobDue, type JobRow } from '../../testing/jobs';
import { team, type TestUser } from '../../testing/organizations';
import { startTestServer } from '../../testing/test-server';
import { deliverWebhookJob, RETRY_JITTER, RETRY_SCHEDULE_SECONDS } from './delivery';

/**
 * The delivery timeout here (ACCT_WEBHOOK_TIMEOUT_MS): shorter than the 15 s default, so the hanging
 * receiver is waited out sooner, but longer than the first retry's 5 s wait, which the test relies on.
 */
const TIMEOUT_MS = 6000;
import { answerWith, createWebhook, startReceiver, type ReceivedRequest, type Receiver } from './webhooks.fixtures';
import type { DeliveryRow } from './webhooks.queries';

/** What "as usual" means for a request's time: far below the delivery timeout a receiver could hold. */
const USUAL_MS = 2000;

/** Makes the receiver answer nothing to its next request (the sender gives up), then answer 200 again. */
function hangOnNextRequest(receiver: Receiver): Promise<ReceivedRequest> {
  return new Promise((arrived) => {
    receiver.answer = (request) => {
      receiver.answer = answerWith(200, 'ok');
      arrived(request);
    };
  });
}

describeOnEachDatabase('Webhook receivers down or slow (I3)', (getDb) => {
  let server: RunningServer;

  before(async () => {
    server = await startTestServer(getDb(), {
      env: { ACCT_RUN_JOBS: 'false', ACCT_WEBHOOK_ALLOW_PRIVATE: 'true', ACCT_WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS) },
    });
  });
  after(async () => {
    await server.close();
  });

  const drain = () => server.services.jobs.drain();

  /** Each user renames themself through the API (one `user.profile_updated` event each), answered as usual. */
  async function rename(users: TestUser[], label: string): Promise<string[]> {
    const names: string[] = [];
    for (const [i, user] of users.entries()) {
      const displayName = `${label} ${i}`;
      const started = performance.now();
      const res = await user.client.call('PATCH /api/me', { body: { displayName } });
      const ms = performance.now() - started;
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.user.displayName, displayName);
      assert.ok(ms < USUAL_MS, `PATCH /api/me took ${Math.round(ms)} ms`);
      names.push(displayName);
    }
    return names;
  }

  const deliveriesOf = (webhookId: string): Promise<DeliveryRow[]> =>
    server.db.knex('webhook_deliveries').where({ webhook_id: webhookId }).orderBy(['created_at', 'attempt']);

  async function jobOf(delivery: DeliveryRow): Promise<JobRow> {
    const job = await jobWhere(server.db.knex, deliverWebhookJob.name, 'deliveryId', delivery.id);
    assert.ok(job, `no job for delivery ${delivery.id}`);
    return job;
  }

  /** The attempt after `failed` is queued on the schedule's first wait, with its jitter. */
  function assertRetryQueued(failed: DeliveryRow, next: DeliveryRow | undefined): void {
    assert.ok(next, `no retry of message ${failed.message_id}`);
    assert.deepEqual([next.attempt, next.message_id], [failed.attempt + 1, failed.message_id]);
    const wait = next.due_at!.getTime() - failed.attempted_at!.getTime();
    const first = RETRY_SCHEDULE_SECONDS[0]! * 1000;
    assert.ok(wait >= first && wait <= first * (1 + RETRY_JITTER) + 1, `retry after ${wait} ms`);
  }

  /**
   * Every event is delivered: one message per name, each recorded as succeeded exactly once and
   * pending nowhere; whatever reached the receiver is signed with the endpoint's secret, and the
   * messages it saw carry exactly the names given.
   */
  async function assertEachDeliveredOnce(webhookId: string, secret: string, receiver: Receiver, names: string[]) {
    const rows = await deliveriesOf(webhookId);
    const messages = new Set(rows.map((r) => r.message_id));
    assert.equal(messages.size, names.length, 'one message per event');
    for (const id of messages) {
      const statuses = rows.filter((r) => r.message_id === id).map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 'succeeded').length, 1, `message ${id}: ${statuses.join(', ')}`);
      assert.ok(!statuses.includes('pending'), `message ${id} still pending`);
    }
    const verifier = new Verifier(secret);
    const seen = new Map<string, string>();
    for (const request of receiver.received) {
      const message = verifier.verify(request.body, request.headers as Record<string, string>) as {
        type: string;
        data: { profile: { displayName: string } };
      };
      assert.equal(message.type, 'user.profile_updated');
      seen.set(request.headers['webhook-id'] as string, message.data.profile.displayName);
    }
    assert.deepEqual([...seen.keys()].sort(), [...messages].sort());
    assert.deepEqual([...seen.values()].sort(), [...names].sort());
    assert.equal((await server.db.knex('webhooks').where({ id: webhookId }).first()).failure_count, 0);
  }

  it('answers as usual with the receiver down, keeps the deliveries waiting, then delivers each once', async () => {
    const x = await team(server, 'Down Org');
    let receiver = await startReceiver();
    try {
      const { webhook, secret } = await createWebhook(x.owner, x.id, receiver.url, ['user.profile_updated']);
      await receiver.close(); // down: nobody listens on its port any more

      const names = await rename([x.owner, x.admin, x.member], 'Down');
      await drain();
      const rows = await deliveriesOf(webhook.id);
      const failed = rows.filter((r) => r.attempt === 1);
      assert.equal(failed.length, names.length);
      for (const attempt of failed) {
        assert.deepEqual([attempt.status, attempt.error, attempt.response_status], ['failed', 'network_error', null]);
        const next = rows.find((r) => r.message_id === attempt.message_id && r.attempt === 2);
        assertRetryQueued(attempt, next);
        assert.equal(next!.status, 'pending');
        assert.equal((await jobOf(next!)).state, 'created', 'the retry waits in the job runner');
      }
      const hook = await server.db.knex('webhooks').where({ id: webhook.id }).first();
      assert.deepEqual([hook.is_active, hook.failure_count], [true, names.length]);

      // The receiver is back on its port; the retries are made due rather than waited for.
      receiver = await startReceiver(receiver.port);
      for (const next of rows.filter((r) => r.status === 'pending'))
        await makeJobDue(server.db.knex, (await jobOf(next)).id);
      await drain();
      assert.equal(receiver.received.length, names.length, 'each message sent once');
      await assertEachDeliveredOnce(webhook.id, secret, receiver, names);
      await drain();
      assert.equal(receiver.received.length, names.length, 'nothing sent again');
    } finally {
      await receiver.close();
    }
  });

  it(
    'answers as usual while the receiver hangs past the delivery timeout, then delivers everything once',
    { timeout: TIMEOUT_MS + 30_000 },
    async () => {
      const y = await team(server, 'Slow Org');
      const receiver = await startReceiver();
      try {
        const { webhook, secret } = await createWebhook(y.owner, y.id, receiver.url, ['user.profile_updated']);
        const hanging = hangOnNextRequest(receiver);
        const names = await rename([y.owner], 'Slow first');
        const draining = drain(); // the job runner takes the delivery and waits on the receiver
        const held = await hanging;

        // While the runner waits on the receiver, requests answer as usual and their events queue up.
        names.push(...(await rename([y.admin, y.member, y.owner], 'Slow meanwhile')));
        const waiting = await deliveriesOf(webhook.id);
        assert.equal(waiting.length, names.length);
        assert.ok(waiting.every((r) => r.status === 'pending'));
        const first = waiting.find((r) => r.message_id === held.headers['webhook-id']);
        const queued = waiting.filter((r) => r !== first);
        assert.ok(first, 'the held request is the first event’s');
        assert.equal((await jobOf(first!)).state, 'active', 'the first is in the runner’s hands');
        for (const row of queued) assert.equal((await jobOf(row)).state, 'created', 'the others wait in the queue');

        // The sender gives up at its timeout; the retry's wait (5 s) has passed by then, so the same
        // drain sends it, and the queued events, to the receiver that now answers.
        await draining;
        const rows = await deliveriesOf(webhook.id);
        const timedOut = rows.find((r) => r.id === first!.id)!;
        assert.deepEqual([timedOut.status, timedOut.error, timedOut.response_status], ['failed', 'timeout', null]);
        assert.ok(timedOut.duration_ms! >= TIMEOUT_MS - 50, `gave up after ${timedOut.duration_ms} ms`);
        assertRetryQueued(
          timedOut,
          rows.find((r) => r.message_id === timedOut.message_id && r.attempt === 2),
        );
        // The receiver saw the first message twice, with one webhook-id to deduplicate on; each other once.
        assert.equal(receiver.received.length, names.length + 1);
        await assertEachDeliveredOnce(webhook.id, secret, receiver, names);
      } finally {
        await receiver.close();
      }
    },
  );
});
