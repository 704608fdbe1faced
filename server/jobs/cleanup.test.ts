/**
 * The housekeeping job on the tables that grow with traffic: webhook deliveries past their
 * retention and old mail go, in batches (a backlog larger than a batch is deleted whole, a batch
 * at a time); an attempt still due and everything younger than its retention stay.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachDatabase } from '../testing/databases';
import { runCleanup } from './cleanup';

describeOnEachDatabase('the cleanup job', (getDb) => {
  /** Adds `count` deliveries of one status, `ageDays` old, to a webhook. */
  async function deliveries(webhookId: string, count: number, status: string, ageDays: number): Promise<void> {
    await getDb().knex.raw(
      `insert into webhook_deliveries (webhook_id, event_type, payload, message_id, status, created_at)
       select ?, 'user.created', '{}'::jsonb, 'msg_' || md5(random()::text), ?, now() - make_interval(days => ?)
         from generate_series(1, ?)`,
      [webhookId, status, ageDays, count],
    );
  }
  const counts = async () => {
    const { rows } = await getDb().knex.raw<{ rows: { status: string; old: boolean; n: number }[] }>(
      `select status, created_at < now() - interval '35 days' as old, count(*)::int as n
         from webhook_deliveries group by 1, 2`,
    );
    return rows.map((r) => `${r.status} ${r.old ? 'old' : 'recent'}: ${r.n}`).sort();
  };

  it('deletes webhook deliveries past their retention in batches, keeping pending and recent ones', async () => {
    const { knex } = getDb();
    const [org] = await knex('organizations').insert({ name: 'Cleanup', slug: 'cleanup' }).returning('id');
    const [hook] = await knex('webhooks')
      .insert({ organization_id: org!.id, url: 'https://example.com/hook', secret_hash: 'x' })
      .returning('id');
    await deliveries(hook!.id, 2_345, 'failed', 40);
    await deliveries(hook!.id, 1_000, 'succeeded', 40);
    await deliveries(hook!.id, 3, 'pending', 40);
    await deliveries(hook!.id, 7, 'succeeded', 30);

    await runCleanup(knex, { webhookRetentionDays: 60, batchSize: 500 });
    assert.deepEqual(
      await counts(),
      ['failed old: 2345', 'pending old: 3', 'succeeded old: 1000', 'succeeded recent: 7'],
      'nothing is past a 60-day retention',
    );

    await runCleanup(knex, { webhookRetentionDays: 35, batchSize: 500 });
    assert.deepEqual(
      await counts(),
      ['pending old: 3', 'succeeded recent: 7'],
      'every old attempt that is not still due is gone, over several batches',
    );
  });

  it('deletes mail sent more than a week ago and failed more than a month ago', async () => {
    const { knex } = getDb();
    const mail = (status: string, ageDays: number) =>
      knex.raw(
        `insert into mail_queue (to_address, template, subject, status, created_at)
         values ('someone@example.com', 'test', ?, ?, now() - make_interval(days => ?))`,
        [`${status} ${ageDays}`, status, ageDays],
      );
    for (const [status, age] of [
      ['sent', 8],
      ['sent', 6],
      ['failed', 8],
      ['failed', 31],
      ['pending', 40],
    ] as const)
      await mail(status, age);
    await runCleanup(knex, { webhookRetentionDays: 30, batchSize: 1 });
    // (batches of one: the loop goes on until a batch comes back short)
    const left = await knex('mail_queue').where({ template: 'test' }).orderBy('subject').pluck('subject');
    assert.deepEqual(left, ['failed 8', 'pending 40', 'sent 6']);
  });
});
