/**
 * Notification settings and the in-app feed through the real HTTP API on each database: every
 * catalogue event type listed with its defaults (the site's own types after acct's), security
 * rows locked on (409 `notification_locked`), choices saved per event type and quiet hours with a
 * validated time zone, the feed paged with its unread count, read one / read all, another user's
 * rows unreachable (RLS), and the site backend's call with the shared secret.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';
import { BUILT_IN_NOTIFICATIONS } from './catalogue';

const SITE_SECRET = 'site-secret-for-tests-0123456789abcdef';
const SITE_TYPES = JSON.stringify([
  { eventType: 'order_shipped', label: 'Order shipped', category: 'orders', push: false },
]);

describeOnEachDatabase('notifications', (getDb) => {
  let server: RunningServer;
  const knex = () => server.db.knex;

  before(async () => {
    server = await startTestServer(getDb(), {
      env: {
        ACCT_SITE_SECRET: SITE_SECRET,
        ACCT_NOTIFICATION_TYPES: SITE_TYPES,
        ACCT_RATE_LIMITS: 'sign-up:ip=1000/60 mail:ip=1000/60',
      },
    });
  });
  after(() => server.close());

  async function user() {
    const account = await signedUpClient(server.services, server.url);
    const { id } = (await account.client.call('GET /api/me')).body.user;
    return { ...account, id };
  }

  const backend = () => new TestClient(server.url); // no Origin: a server, not a browser
  const publish = (body: unknown, secret: string | undefined = SITE_SECRET) =>
    backend().post('/api/server/notifications', body, secret ? { Authorization: `Bearer ${secret}` } : {});

  it('lists every event type with the catalogue’s defaults, security locked, the site’s own last', async () => {
    const { client } = await user();
    const res = await client.call('GET /api/notifications/settings');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const types = res.body.preferences.map((p) => p.eventType);
    assert.deepEqual(types, [...BUILT_IN_NOTIFICATIONS.map((e) => e.eventType), 'order_shipped']);
    const signIn = res.body.preferences.find((p) => p.eventType === 'new_sign_in')!;
    assert.deepEqual(signIn, {
      eventType: 'new_sign_in',
      label: null,
      category: 'security',
      email: true,
      push: true,
      inApp: true,
      frequency: 'instant',
      canDisable: false,
    });
    assert.equal(res.body.preferences.find((p) => p.eventType === 'newsletter')!.email, false, 'marketing is opt-in');
    const site = res.body.preferences.find((p) => p.eventType === 'order_shipped')!;
    assert.equal(site.category, 'orders');
    assert.equal(site.label, 'Order shipped');
    assert.equal(site.push, false);
    assert.deepEqual(res.body.quietHours, {
      enabled: false,
      start: '22:00',
      end: '08:00',
      timeZone: 'UTC',
      days: [0, 1, 2, 3, 4, 5, 6],
    });
  });

  it('saves a choice per event type, and refuses to turn a security notification off', async () => {
    const { client, id } = await user();
    const saved = await client.call('PUT /api/notifications/preferences/:eventType', {
      params: { eventType: 'comments' },
      body: { email: false, frequency: 'daily' },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.email, false);
    assert.equal(saved.body.frequency, 'daily');
    assert.equal(saved.body.inApp, true, 'unchanged fields keep their value');
    const row = await knex()('notification_preferences').where({ user_id: id, event_type: 'comments' }).first();
    assert.equal(row!.email_enabled, false);
    assert.equal(row!.category, 'activity');

    for (const body of [{ email: false }, { inApp: false }, { frequency: 'weekly' as const }]) {
      const locked = await client.call('PUT /api/notifications/preferences/:eventType', {
        params: { eventType: 'password_changed' },
        body,
      });
      assert.equal(locked.status, 409, JSON.stringify(body));
      assert.equal(locked.error?.code, 'notification_locked');
    }
    const unknown = await client.call('PUT /api/notifications/preferences/:eventType', {
      params: { eventType: 'no_such_event' },
      body: { email: false },
    });
    assert.equal(unknown.status, 404);
    const bad = await client.call('PUT /api/notifications/preferences/:eventType', {
      params: { eventType: 'comments' },
      body: { frequency: 'hourly' } as never,
    });
    assert.equal(bad.status, 400);
  });

  it('reads a security row stored off (by onboarding) as on', async () => {
    const { client, id } = await user();
    await knex()('notification_preferences').insert({
      user_id: id,
      category: 'security',
      event_type: 'new_sign_in',
      email_enabled: false,
    });
    const res = await client.call('GET /api/notifications/settings');
    assert.equal(res.body.preferences.find((p) => p.eventType === 'new_sign_in')!.email, true);
  });

  it('saves quiet hours, validating the time zone, times and days', async () => {
    const { client } = await user();
    const body = { enabled: true, start: '21:30', end: '07:00', timeZone: 'Europe/Paris', days: [5, 1, 3] };
    const saved = await client.call('PUT /api/notifications/quiet-hours', { body });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body, { ...body, days: [1, 3, 5] });
    assert.deepEqual((await client.call('GET /api/notifications/settings')).body.quietHours, saved.body);

    for (const [field, wrong, code] of [
      ['timeZone', 'Mars/Olympus_Mons', 'invalid_time_zone'],
      ['start', '24:00', 'invalid_time'],
      ['days', [1, 1], 'duplicate_day'],
    ] as const) {
      const res = await client.call('PUT /api/notifications/quiet-hours', { body: { ...body, [field]: wrong } });
      assert.equal(res.status, 400, field);
      assert.equal(res.error?.fields?.[field], code);
    }
  });

  it('keeps another user’s preferences and quiet hours out of reach (RLS)', async () => {
    const alice = await user();
    const bob = await user();
    await bob.client.call('PUT /api/notifications/preferences/:eventType', {
      params: { eventType: 'mentions' },
      body: { email: false },
    });
    await bob.client.call('PUT /api/notifications/quiet-hours', {
      body: { enabled: true, start: '20:00', end: '06:00', timeZone: 'Asia/Tokyo', days: [0] },
    });
    const mine = (await alice.client.call('GET /api/notifications/settings')).body;
    assert.equal(mine.preferences.find((p) => p.eventType === 'mentions')!.email, true);
    assert.equal(mine.quietHours.enabled, false);
    // Alice saving the same event type writes her own row and leaves Bob's alone.
    await alice.client.call('PUT /api/notifications/preferences/:eventType', {
      params: { eventType: 'mentions' },
      body: { push: false },
    });
    const bobs = await knex()('notification_preferences').where({ user_id: bob.id, event_type: 'mentions' }).first();
    assert.equal(bobs!.email_enabled, false);
    assert.equal(bobs!.push_enabled, true);
  });

  it('lets the site’s backend notify a user of its own event types only, with the shared secret', async () => {
    const { client, id } = await user();
    const note = {
      userId: id,
      eventType: 'order_shipped',
      title: 'Your order shipped',
      url: 'https://shop.example/o/1',
    };
    assert.equal((await publish(note, '')).status, 401);
    assert.equal((await publish(note, 'x'.repeat(40))).status, 401);
    const sent = await publish(note);
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.deepEqual(sent.body, { notified: true });

    const feed = (await client.call('GET /api/notifications')).body;
    assert.equal(feed.unreadCount, 1);
    assert.equal(feed.notifications[0]!.title, 'Your order shipped');
    assert.equal(feed.notifications[0]!.category, 'orders');
    assert.equal(feed.notifications[0]!.url, 'https://shop.example/o/1');

    const builtIn = await publish({ ...note, eventType: 'password_changed' });
    assert.equal(builtIn.status, 400, 'a site cannot raise acct’s own security alerts');
    assert.equal(builtIn.body.error.code, 'unknown_event_type');
    assert.equal((await publish({ ...note, eventType: 'nope' })).body.error.code, 'unknown_event_type');
    assert.equal((await publish({ ...note, userId: randomUUID() })).status, 404);
    assert.equal((await publish({ ...note, url: 'javascript:alert(1)' })).status, 400);
    assert.equal((await publish({ ...note, url: 'http://shop.example/' })).status, 400, 'https only');
  });

  it('pages the feed newest first with the unread count, and marks one or all read', async () => {
    const { client, id } = await user();
    for (let i = 1; i <= 5; i++) await publish({ userId: id, eventType: 'order_shipped', title: `Order ${i}` });
    const first = (await client.call('GET /api/notifications', { query: { limit: 2 } })).body;
    assert.deepEqual(
      first.notifications.map((n) => n.title),
      ['Order 5', 'Order 4'],
    );
    assert.equal(first.unreadCount, 5);
    assert.ok(first.nextCursor);
    const rest = (await client.call('GET /api/notifications', { query: { limit: 10, cursor: first.nextCursor } })).body;
    assert.deepEqual(
      rest.notifications.map((n) => n.title),
      ['Order 3', 'Order 2', 'Order 1'],
    );
    assert.equal(rest.nextCursor, null);

    const target = first.notifications[0]!.id;
    const read = await client.call('POST /api/notifications/:id/read', { params: { id: target } });
    assert.equal(read.status, 200, JSON.stringify(read.body));
    const after = (await client.call('GET /api/notifications')).body;
    assert.equal(after.unreadCount, 4);
    assert.ok(after.notifications.find((n) => n.id === target)!.readAt);

    const all = await client.call('POST /api/notifications/read-all');
    assert.deepEqual(all.body, { read: 4 });
    assert.equal((await client.call('GET /api/notifications')).body.unreadCount, 0);
  });

  it('keeps another user’s notifications unreachable: not listed, not markable (404)', async () => {
    const alice = await user();
    const bob = await user();
    await publish({ userId: bob.id, eventType: 'order_shipped', title: 'Bob’s order' });
    const bobs = (await bob.client.call('GET /api/notifications')).body.notifications[0]!.id;
    assert.equal((await alice.client.call('GET /api/notifications')).body.notifications.length, 0);
    for (const id of [bobs, randomUUID(), 'not-a-uuid']) {
      const res = await alice.client.call('POST /api/notifications/:id/read', { params: { id } });
      assert.equal(res.status, 404, id);
      assert.equal(res.error?.code, 'not_found');
    }
    assert.deepEqual((await alice.client.call('POST /api/notifications/read-all')).body, { read: 0 });
    assert.equal((await bob.client.call('GET /api/notifications')).body.unreadCount, 1);
  });

  it('answers 401 when signed out', async () => {
    const anonymous = new TestClient(server.url, { origin: TEST_ORIGIN });
    assert.equal((await anonymous.call('GET /api/notifications')).status, 401);
    assert.equal((await anonymous.call('GET /api/notifications/settings')).status, 401);
    assert.equal((await anonymous.call('POST /api/notifications/read-all')).status, 401);
  });
});
