/**
 * The delivery rules (delivery.ts, docs/webhooks.md), on each database, against a real receiver
 * on loopback: a failed attempt queues the next on the documented schedule with bounded jitter
 * (checked with an injected clock, not by waiting), every attempt recorded; a redirect is a
 * failure and is not followed; `410 Gone` disables the endpoint at once; MAX_CONSECUTIVE_FAILURES
 * failed attempts in a row disable it and mail the organization's owners and admins (a real SMTP
 * sink), a success resets the count.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, it } from 'node:test';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import { team, type TestTeam } from '../../testing/organizations';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink';
import { startTestServer } from '../../testing/test-server';
import {
  attemptDelivery,
  MAX_CONSECUTIVE_FAILURES,
  RETRY_JITTER,
  RETRY_SCHEDULE_SECONDS,
  type DeliveryClock,
} from './delivery';
import { answerWith, createWebhook, startReceiver, type Receiver } from './webhooks.fixtures';

describeOnEachDatabase('Webhook delivery', (getDb) => {
  let server: RunningServer;
  let receiver: Receiver;
  let sink: SmtpSink;
  let x: TestTeam;

  before(async () => {
    sink = await startSmtpSink();
    server = await startTestServer(getDb(), {
      env: {
        ACCT_RUN_JOBS: 'false',
        ACCT_WEBHOOK_ALLOW_PRIVATE: 'true',
        ACCT_SMTP_URL: sink.url,
        ACCT_DEV_OUTBOX: 'false',
      },
    });
    receiver = await startReceiver();
    x = await team(server, 'Delivery Org');
  });
  after(async () => {
    await receiver.close();
    await server.close();
    await sink.stop();
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });

  /** Queues a test event to the endpoint; answers the pending delivery's id. */
  async function queueTest(webhookId: string): Promise<string> {
    const res = await x.admin.client.call('POST /api/organizations/:id/webhooks/:webhookId/test', {
      params: { id: x.id, webhookId },
      body: {},
    });
    assert.equal(res.status, 202);
    return res.body.delivery.id;
  }

  const hookRow = async (id: string) => server.db.knex('webhooks').where({ id }).first();

  it('retries on the documented schedule with bounded jitter, recording every attempt (injected clock)', async () => {
    const { webhook } = await createWebhook(x.admin, x.id, receiver.url);
    receiver.answer = answerWith(503, 'busy');
    let now = new Date('2026-12-01T00:00:00.000Z');
    const clock = (dice: number): DeliveryClock => ({ now: () => now, random: () => dice });
    let id = await queueTest(webhook.id);
    for (let attempt = 1; attempt <= RETRY_SCHEDULE_SECONDS.length; attempt++) {
      const dice = attempt % 2; // 0: no jitter, 1: the most
      const outcome = await attemptDelivery(server.services, id, clock(dice));
      assert.equal(outcome?.status, 'failed');
      const next = outcome!.next!;
      const expected = RETRY_SCHEDULE_SECONDS[attempt - 1]! * 1000 * (1 + RETRY_JITTER * dice);
      assert.equal(next.due_at!.getTime() - now.getTime(), Math.round(expected), `wait after attempt ${attempt}`);
      assert.equal(next.attempt, attempt + 1);
      now = next.due_at!;
      id = next.id;
    }
    // The last attempt fails for good: no further one.
    const last = await attemptDelivery(server.services, id, clock(0));
    assert.deepEqual([last?.status, last?.next], ['failed', undefined]);
    const total = RETRY_SCHEDULE_SECONDS.reduce((sum, s) => sum + s, 0) / 86_400;
    assert.ok(total > 3 && total < 4, `about three days (${total.toFixed(2)})`);
    const attempts = await server.db.knex('webhook_deliveries').where({ webhook_id: webhook.id }).orderBy('attempt');
    assert.equal(attempts.length, RETRY_SCHEDULE_SECONDS.length + 1);
    assert.ok(attempts.every((a) => a.status === 'failed' && a.response_status === 503 && a.duration_ms !== null));
    assert.equal(new Set(attempts.map((a) => a.message_id)).size, 1, 'one message id across retries');
    assert.equal(receiver.received.length, attempts.length);
    // Run twice (a job taken again): nothing sent, nothing recorded.
    assert.equal(await attemptDelivery(server.services, attempts[0].id), undefined);
    assert.equal(receiver.received.length, attempts.length);
    // A success resets the count of failures in a row.
    assert.equal((await hookRow(webhook.id)).failure_count, attempts.length);
    receiver.answer = answerWith(200);
    assert.equal((await attemptDelivery(server.services, await queueTest(webhook.id)))?.status, 'succeeded');
    assert.equal((await hookRow(webhook.id)).failure_count, 0);
  });

  it('treats a redirect as a failure and does not follow it', async () => {
    const { webhook } = await createWebhook(x.admin, x.id, receiver.url);
    receiver.answer = answerWith(302, '', { location: `${receiver.url}/elsewhere` });
    const outcome = await attemptDelivery(server.services, await queueTest(webhook.id));
    assert.equal(outcome?.status, 'failed');
    assert.equal(receiver.received.length, 1, 'the Location was not visited');
    const [row] = await server.db.knex('webhook_deliveries').where({ webhook_id: webhook.id, attempt: 1 });
    assert.deepEqual([row.response_status, row.error], [302, 'redirect']);
  });

  it('disables the endpoint at once on 410 Gone, and later deliveries are not sent', async () => {
    const { webhook } = await createWebhook(x.admin, x.id, receiver.url);
    receiver.answer = answerWith(410, 'gone');
    const outcome = await attemptDelivery(server.services, await queueTest(webhook.id));
    assert.deepEqual([outcome?.status, outcome?.next], ['failed', undefined]);
    const hook = await hookRow(webhook.id);
    assert.deepEqual([hook.is_active, hook.disabled_reason], [false, 'gone']);
    receiver.received.length = 0;
    await attemptDelivery(server.services, await queueTest(webhook.id));
    assert.equal(receiver.received.length, 0);
  });

  it(`disables after ${MAX_CONSECUTIVE_FAILURES} failures in a row and mails the owners and admins once`, async () => {
    const { webhook } = await createWebhook(x.admin, x.id, receiver.url);
    receiver.answer = answerWith(500);
    const sentBefore = sink.messages.length;
    for (let i = 0; i < MAX_CONSECUTIVE_FAILURES; i++) {
      assert.equal((await hookRow(webhook.id)).is_active, true, `still active before failure ${i + 1}`);
      await attemptDelivery(server.services, await queueTest(webhook.id));
    }
    const hook = await hookRow(webhook.id);
    assert.deepEqual([hook.is_active, hook.disabled_reason, hook.failure_count], [false, 'failing', 15]);
    await server.services.jobs.drain();
    const mails = sink.messages.slice(sentBefore).filter((m) => m.subject.includes('webhook'));
    assert.deepEqual(mails.flatMap((m) => m.to).sort(), [x.owner.email, x.admin.email].sort());
    assert.ok(mails[0]!.text.includes(receiver.url));
    const listed = await x.admin.client.call('GET /api/organizations/:id/webhooks', { params: { id: x.id } });
    assert.equal(listed.body.webhooks.find((w) => w.id === webhook.id)?.disabledReason, 'failing');
  });
});
