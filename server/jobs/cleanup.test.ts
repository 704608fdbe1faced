/**
 * The housekeeping job on the tables that grow with traffic: webhook deliveries past their
 * retention and old mail go, in batches (a backlog larger than a batch is deleted whole, a batch
 * at a time); an attempt still due and everything younger than its retention stay. The rows of the
 * seed's `cleanup_expired_sessions()` go in batches first: exactly the rows the function deletes,
 * so that the function, called after them, finds none left.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Knex } from 'knex';
import { describeOnEachDatabase } from '../testing/databases';
import { runCleanup, SEED_CLEANUP } from './cleanup';

const at = (knex: Knex, offset: string) => knex.raw('now() + ?::interval', [offset]);

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

  it('deletes in batches exactly what cleanup_expired_sessions() deletes, before it runs', async () => {
    const { knex } = getDb();
    const [user] = await knex('auth.users').insert({ email: 'batches@example.test' }).returning('id');
    const sessions = ['-30 days', '-8 days', '-7 days -1 minute', '-6 days', '-1 minute', '1 day'];
    await knex('user_sessions').insert(
      sessions.map((offset, i) => ({
        user_id: user!.id,
        session_token_hash: `session ${offset}`,
        expires_at: at(knex, offset),
        revoked_at: i % 2 ? knex.fn.now() : null,
      })),
    );
    // Used or not, a link goes a day after it expired.
    const links = ['-2 days', '-1 day -1 minute', '-23 hours', '15 minutes'];
    await knex('magic_links').insert(
      links.flatMap((offset) =>
        [null, at(knex, '-1 day')].map((usedAt, i) => ({
          email: 'batches@example.test',
          token_hash: `link ${offset} ${i ? 'used' : 'unused'}`,
          expires_at: at(knex, offset),
          used_at: usedAt,
        })),
      ),
    );
    const refills = ['-1 day', '-2 hours', '-61 minutes', '-59 minutes', '0 minutes'];
    await knex('rate_limit_buckets').insert(
      refills.flatMap((offset) =>
        ['sign_in', 'sign_up'].map((action) => ({
          identifier: `bucket ${offset}`,
          action,
          last_refill: at(knex, offset),
        })),
      ),
    );
    const left = async (db: Knex | Knex.Transaction) => ({
      sessions: await db('user_sessions')
        .where({ user_id: user!.id })
        .orderBy('session_token_hash')
        .pluck('session_token_hash'),
      links: await db('magic_links').where({ email: 'batches@example.test' }).orderBy('token_hash').pluck('token_hash'),
      buckets: (
        await db('rate_limit_buckets').where('identifier', 'like', 'bucket %').orderBy(['identifier', 'action'])
      ).map((b: { identifier: string; action: string }) => `${b.identifier} ${b.action}`),
    });

    // What the function alone leaves, rolled back.
    const trx = await knex.transaction();
    let expected: Awaited<ReturnType<typeof left>>;
    try {
      await trx.raw('select cleanup_expired_sessions()');
      expected = await left(trx);
    } finally {
      await trx.rollback();
    }
    assert.deepEqual(expected.sessions, ['session -1 minute', 'session -6 days', 'session 1 day']);
    assert.equal(expected.links.length, 4);
    assert.equal(expected.buckets.length, 4);

    // The job, batch by batch (a batch of two), noting each statement and how many rows it deleted.
    const deleted: Record<string, number> = {};
    const onResponse = (response: unknown, query: { sql: string }) => {
      const table = SEED_CLEANUP.find((c) => query.sql.startsWith(`delete from "${c.table}"`))?.table;
      if (table) deleted[table] = (deleted[table] ?? 0) + Number(response);
    };
    knex.on('query-response', onResponse);
    try {
      await runCleanup(knex, { webhookRetentionDays: 30, batchSize: 2 });
    } finally {
      knex.off('query-response', onResponse);
    }
    assert.deepEqual(await left(knex), expected, 'the same rows are left as the function alone leaves');
    // Every row went in a batch, before the function ran: 3 sessions, 4 links, 6 buckets.
    assert.deepEqual(deleted, { user_sessions: 3, magic_links: 4, rate_limit_buckets: 6 });
  });
});
