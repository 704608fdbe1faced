/**
 * The dispatcher and the release job on each database, with an injected clock: channels follow
 * the preferences, a notification inside quiet hours is held and delivered when they end (not a
 * minute before), a security alert is never held, daily and weekly email is folded into one
 * digest mail per user, and a release run twice delivers once; and a held notification is released
 * by the job runner for real. Dates lie in the future, so that the scheduled release (real clock)
 * of the server under test cannot release a row before the test does.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { latestMail, signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { startTestServer } from '../../testing/test-server';
import { notify, releaseDueNotifications, type NewNotification } from './notifications.service';

describeOnEachDatabase('notification dispatch', (getDb) => {
  let server: RunningServer;
  const knex = () => server.db.knex;

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'sign-up:ip=1000/60 mail:ip=1000/60' } });
  });
  after(() => server.close());

  async function user() {
    const account = await signedUpClient(server.services, server.url);
    const { id } = (await account.client.call('GET /api/me')).body.user;
    return { ...account, id };
  }

  /** Quiet hours 22:00–08:00 UTC every day. */
  const nightly = (client: Awaited<ReturnType<typeof user>>['client']) =>
    client.call('PUT /api/notifications/quiet-hours', {
      body: { enabled: true, start: '22:00', end: '08:00', timeZone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6] },
    });

  const send = (note: Omit<NewNotification, 'body' | 'url'>, now: string) =>
    knex().transaction((trx) => notify(server.services, trx, { body: 'Details', url: null, ...note }, new Date(now)));
  const release = (now: string) => releaseDueNotifications(server.services, {}, new Date(now));

  const feed = async (userId: string) =>
    (await knex()('notifications').where({ user_id: userId }).orderBy('created_at')).map((n) => n.title as string);
  const mails = async (email: string, template: string) =>
    (await knex()('mail_queue').where({ to_address: email.toLowerCase(), template }).orderBy('created_at')).map(
      (m) => m.subject as string,
    );

  it('delivers at once on the channels the preferences enable', async () => {
    const { client, id, email } = await user();
    await client.call('PUT /api/notifications/preferences/:eventType', {
      params: { eventType: 'mentions' },
      body: { inApp: false },
    });
    await send({ userId: id, eventType: 'mentions', title: 'Ada mentioned you' }, '2036-12-03T12:00:00Z');
    assert.deepEqual(await feed(id), []);
    assert.deepEqual(await mails(email, 'notification'), ['Ada mentioned you']);
    await send({ userId: id, eventType: 'comments', title: 'New comment' }, '2036-12-03T12:00:00Z');
    assert.deepEqual(await feed(id), ['New comment']);
  });

  it('holds a notification inside quiet hours and delivers it when they end', async () => {
    const { client, id, email } = await user();
    await nightly(client);
    await send({ userId: id, eventType: 'comments', title: 'Late comment' }, '2036-12-03T23:30:00Z');
    assert.deepEqual(await feed(id), [], 'held');
    assert.deepEqual(await mails(email, 'notification'), []);
    const held = await knex()('notification_outbox').where({ user_id: id }).first();
    assert.equal(held.deliver_after.toISOString(), '2036-12-04T08:00:00.000Z');

    await release('2036-12-04T07:59:00Z');
    assert.deepEqual(await feed(id), [], 'not a minute before the end');
    await release('2036-12-04T08:00:30Z');
    assert.deepEqual(await feed(id), ['Late comment']);
    assert.deepEqual(await mails(email, 'notification'), ['Late comment']);
    await release('2036-12-04T08:05:00Z');
    assert.deepEqual(await feed(id), ['Late comment'], 'released once');
  });

  it('queues a release job for the end of quiet hours, which the job runner runs', async () => {
    const { client, id } = await user();
    await nightly(client);
    // Held in the past: the release it queued is due now.
    await send({ userId: id, eventType: 'comments', title: 'Held yesterday' }, '2020-01-01T23:00:00Z');
    assert.deepEqual(await feed(id), []);
    await server.services.jobs.drain();
    assert.deepEqual(await feed(id), ['Held yesterday']);
    assert.equal((await knex()('notification_outbox').where({ user_id: id })).length, 0);
  });

  it('never holds a security alert', async () => {
    const { client, id, email } = await user();
    await nightly(client);
    await send({ userId: id, eventType: 'new_sign_in', title: 'New sign-in' }, '2036-12-03T23:30:00Z');
    assert.deepEqual(await feed(id), ['New sign-in']);
    assert.deepEqual(await mails(email, 'notification'), ['New sign-in']);
    assert.equal((await knex()('notification_outbox').where({ user_id: id })).length, 0);
  });

  it('folds daily email into one digest per user, in-app still at once', async () => {
    const { client, id, email } = await user();
    const other = await user();
    for (const u of [client, other.client])
      for (const eventType of ['comments', 'mentions'])
        await u.call('PUT /api/notifications/preferences/:eventType', {
          params: { eventType },
          body: { frequency: 'daily' },
        });
    await send({ userId: id, eventType: 'comments', title: 'First' }, '2036-12-03T10:00:00Z');
    await send({ userId: id, eventType: 'mentions', title: 'Second' }, '2036-12-03T15:00:00Z');
    await send({ userId: other.id, eventType: 'comments', title: 'Other’s' }, '2036-12-03T16:00:00Z');
    assert.deepEqual(await feed(id), ['First', 'Second'], 'in-app is not folded');
    assert.deepEqual(await mails(email, 'notification'), [], 'no single mail');

    await release('2036-12-04T08:59:00Z');
    assert.deepEqual(await mails(email, 'notificationDigest'), []);
    await release('2036-12-04T09:00:00Z');
    assert.deepEqual(await mails(email, 'notificationDigest'), ['Your daily acct digest: 2 notifications']);
    assert.deepEqual(await mails(other.email, 'notificationDigest'), ['Your daily acct digest: 1 notification']);
    const { text } = await latestMail(server.services, email, 'notificationDigest');
    assert.ok(text.indexOf('First') < text.indexOf('Second'), 'oldest first');
  });

  it('sends a weekly digest on Monday 09:00 in the user’s zone, after quiet hours', async () => {
    const { client, id, email } = await user();
    await client.call('PUT /api/notifications/preferences/:eventType', {
      params: { eventType: 'product_updates' },
      body: { frequency: 'weekly' },
    });
    // Quiet until 10:00 Paris time on Mondays: the digest waits for the end.
    await client.call('PUT /api/notifications/quiet-hours', {
      body: { enabled: true, start: '00:00', end: '10:00', timeZone: 'Europe/Paris', days: [1] },
    });
    await send({ userId: id, eventType: 'product_updates', title: 'New feature' }, '2036-12-03T12:00:00Z');
    const row = await knex()('notification_outbox').where({ user_id: id, digest: 'weekly' }).first();
    assert.equal(row.deliver_after.toISOString(), '2036-12-08T09:00:00.000Z');
    await release('2036-12-08T09:00:00Z');
    assert.deepEqual(await mails(email, 'notificationDigest'), ['Your weekly acct digest: 1 notification']);
  });
});
