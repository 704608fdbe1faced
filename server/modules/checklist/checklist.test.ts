/**
 * The setup checklist through the HTTP API on each database: the seed's items with per-user
 * progress, idempotent completion, un-complete, dismissing an item or the whole checklist and
 * restoring it, auto-completion from a real event (a profile with photo and bio), and completion
 * by the site's backend with the shared secret.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

const SITE_SECRET = 'site-secret-for-tests-0123456789abcdef';

describeOnEachDatabase('setup checklist', (getDb) => {
  let server: RunningServer;
  type Item = { key: string; completed: boolean; completedAt: string | null; dismissed: boolean };
  const item = (list: { items: Item[] }, key: string): Item => list.items.find((i) => i.key === key)!;

  before(async () => {
    server = await startTestServer(getDb(), {
      env: { ACCT_SITE_SECRET: SITE_SECRET, ACCT_RATE_LIMITS: 'sign-up:ip=1000/60 mail:ip=1000/60' },
    });
  });
  after(() => server.close());

  it("lists the seed's items in order, none done", async () => {
    const { client } = await signedUpClient(server.services, server.url);
    const list = (await client.get('/api/checklist')).body;
    assert.deepEqual(
      list.items.map((i: { key: string }) => i.key),
      ['create_event', 'invite_team', 'connect_integration', 'customize_profile', 'explore_dashboard'],
    );
    assert.equal(list.items[0].actionUrl, '/productions/events/new');
    assert.deepEqual([list.completedCount, list.total, list.dismissed], [0, 5, false]);
    assert.equal((await new TestClient(server.url).get('/api/checklist')).status, 401);
  });

  it('completes idempotently, un-completes, and keeps users apart', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    const other = await signedUpClient(server.services, server.url);
    const first = (await client.post('/api/checklist/items/create_event/complete')).body;
    assert.equal(item(first, 'create_event').completed, true);
    const again = (await client.post('/api/checklist/items/create_event/complete')).body;
    assert.equal(
      item(again, 'create_event').completedAt,
      item(first, 'create_event').completedAt,
      'completing twice changes nothing',
    );
    assert.equal(item((await other.client.get('/api/checklist')).body, 'create_event').completed, false);
    const undone = (await client.post('/api/checklist/items/create_event/uncomplete')).body;
    assert.deepEqual([item(undone, 'create_event').completed, undone.completedCount], [false, 0]);
  });

  it('dismisses and restores an item, and the whole checklist', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    assert.equal(
      item((await client.post('/api/checklist/items/explore_dashboard/dismiss')).body, 'explore_dashboard').dismissed,
      true,
    );
    assert.equal(
      item((await client.post('/api/checklist/items/explore_dashboard/restore')).body, 'explore_dashboard').dismissed,
      false,
    );
    await client.post('/api/checklist/items/invite_team/dismiss');
    assert.equal((await client.post('/api/checklist/dismiss')).body.dismissed, true);
    const restored = (await client.post('/api/checklist/restore')).body;
    assert.equal(restored.dismissed, false);
    assert.equal(
      item(restored, 'invite_team').dismissed,
      true,
      'restoring the checklist keeps the items dismissed on their own',
    );
  });

  it('answers unknown and malformed items with 404', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    for (const key of ['no_such_item', 'BAD KEY', '%00']) {
      assert.equal((await client.post(`/api/checklist/items/${key}/complete`)).status, 404, key);
    }
  });

  it('ticks customize_profile when the profile gets a photo and a bio', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    await client.post('/api/onboarding/start', {});
    const partial = await client.post('/api/onboarding/steps/profile/save', { data: { displayName: 'Ada' } });
    assert.equal(partial.status, 200);
    await client.post('/api/onboarding/steps/welcome/complete');
    await client.post('/api/onboarding/steps/profile/complete', { data: { displayName: 'Ada', bio: 'Stage manager' } });
    assert.equal(item((await client.get('/api/checklist')).body, 'customize_profile').completed, false, 'no photo yet');
    await client.post('/api/onboarding/back');
    await client.post('/api/onboarding/steps/profile/complete', {
      data: { displayName: 'Ada', bio: 'Stage manager', avatarUrl: 'https://example.test/ada.png' },
    });
    assert.equal(item((await client.get('/api/checklist')).body, 'customize_profile').completed, true);
  });

  it("lets the site's backend complete an item with the shared secret", async () => {
    const { client, email } = await signedUpClient(server.services, server.url);
    const userId = (await client.get('/api/me')).body.user.id;
    const backend = new TestClient(server.url); // no Origin: a server, not a browser
    const send = (body: unknown, secret?: string) =>
      backend.post('/api/checklist/events', body, secret ? { Authorization: `Bearer ${secret}` } : {});
    assert.equal((await send({ email, item: 'create_event' })).status, 401);
    assert.equal((await send({ email, item: 'create_event' }, 'wrong-secret-wrong-secret-wrong-secret')).status, 401);
    assert.deepEqual((await send({ email, item: 'create_event' }, SITE_SECRET)).body, { completed: true });
    assert.equal((await send({ userId, item: 'explore_dashboard' }, SITE_SECRET)).status, 200);
    assert.equal((await send({ email, item: 'nope' }, SITE_SECRET)).status, 404);
    assert.equal((await send({ email: 'nobody@example.test', item: 'create_event' }, SITE_SECRET)).status, 404);
    assert.equal((await send({ item: 'create_event' }, SITE_SECRET)).status, 400);
    const list = (await client.get('/api/checklist')).body;
    assert.deepEqual([item(list, 'create_event').completed, item(list, 'explore_dashboard').completed], [true, true]);
  });

  it('turns site events off without a secret', async () => {
    const plain = await startTestServer(getDb());
    try {
      const res = await new TestClient(plain.url).post(
        '/api/checklist/events',
        { email: 'a@example.test', item: 'create_event' },
        { Authorization: `Bearer ${SITE_SECRET}` },
      );
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'site_events_disabled');
    } finally {
      await plain.close();
    }
  });
});
