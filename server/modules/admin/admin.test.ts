/**
 * The admin API on each database: only admins get in; paths, checklist items and templates can be
 * created, changed and deleted with validation; one default path at most; the onboarding funnel
 * counts what users did.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { adminClient } from '../../testing/admin';
import { describeOnEachDatabase } from '../../testing/databases';
import { startTestServer } from '../../testing/test-server';

const STEPS = [
  { key: 'welcome', title: 'Welcome', required: true },
  { key: 'venue', title: 'Your venue', required: false, component: 'venue-form' },
  { key: 'complete', title: 'Done', required: true },
];

describeOnEachDatabase('admin API', (getDb) => {
  let server: RunningServer;

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'sign-up:ip=1000/60 mail:ip=1000/60' } });
  });
  after(() => server.close());

  it('refuses everyone but admins', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    for (const [method, path] of [
      ['GET', '/api/admin/onboarding/paths'],
      ['POST', '/api/admin/checklist/items'],
      ['PATCH', '/api/admin/templates/00000000-0000-4000-8000-000000000000'],
      ['DELETE', '/api/admin/onboarding/paths/00000000-0000-4000-8000-000000000000'],
      ['GET', '/api/admin/onboarding/funnel'],
    ] as const) {
      const res = await client.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.body.error.code, 'admin_only');
    }
  });

  it('manages onboarding paths, keeping one default', async () => {
    const { client } = await adminClient(server);
    const created = await client.post('/api/admin/onboarding/paths', {
      name: 'Venues',
      targetRole: 'venue',
      steps: STEPS,
      isDefault: true,
    });
    assert.equal(created.status, 201);
    const list = (await client.get('/api/admin/onboarding/paths')).body.items;
    assert.deepEqual(
      list.filter((p: { isDefault: boolean }) => p.isDefault).map((p: { name: string }) => p.name),
      ['Venues'],
    );

    const bad = await client.post('/api/admin/onboarding/paths', {
      name: 'Broken',
      steps: [
        { key: 'a', title: 'A' },
        { key: 'a', title: 'B' },
      ],
    });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.steps);

    const patched = await client.request('PATCH', `/api/admin/onboarding/paths/${created.body.item.id}`, {
      isActive: false,
      isDefault: false,
    });
    assert.deepEqual([patched.body.item.isActive, patched.body.item.isDefault], [false, false]);
    const restoreDefault = list.find((p: { name: string }) => p.name === 'Default Onboarding');
    await client.request('PATCH', `/api/admin/onboarding/paths/${restoreDefault.id}`, { isDefault: true });
    assert.deepEqual((await client.delete(`/api/admin/onboarding/paths/${created.body.item.id}`)).body, {
      deleted: true,
    });
    assert.equal((await client.delete(`/api/admin/onboarding/paths/${created.body.item.id}`)).status, 404);
  });

  it('manages checklist items: the key is fixed, duplicates and items in use answer 409', async () => {
    const { client } = await adminClient(server);
    const created = await client.post('/api/admin/checklist/items', {
      key: 'book_venue',
      title: 'Book a venue',
      actionUrl: '/venues',
      sortOrder: 6,
    });
    assert.equal(created.status, 201);
    assert.equal((await client.post('/api/admin/checklist/items', { key: 'book_venue', title: 'Again' })).status, 409);
    assert.equal((await client.post('/api/admin/checklist/items', { key: 'Bad Key', title: 'x' })).status, 400);
    assert.equal(
      (await client.post('/api/admin/checklist/items', { key: 'x', title: 'x', actionUrl: 'javascript:alert(1)' }))
        .status,
      400,
    );
    const renamed = await client.request('PATCH', `/api/admin/checklist/items/${created.body.item.id}`, {
      title: 'Book your venue',
    });
    assert.equal(renamed.body.item.title, 'Book your venue');
    assert.equal(
      (await client.request('PATCH', `/api/admin/checklist/items/${created.body.item.id}`, { key: 'other' })).status,
      400,
    );
    // In use: someone completed it.
    await client.post('/api/checklist/items/book_venue/complete');
    const del = await client.delete(`/api/admin/checklist/items/${created.body.item.id}`);
    assert.deepEqual([del.status, del.body.error.code], [409, 'in_use']);
  });

  it('manages templates', async () => {
    const { client } = await adminClient(server);
    const created = await client.post('/api/admin/templates', {
      name: 'Gala dinner',
      category: 'corporate',
      templateData: { tables: 20 },
      isFeatured: true,
    });
    assert.equal(created.status, 201);
    assert.equal((await client.post('/api/admin/templates', { name: 'No data' })).status, 400);
    const changed = await client.request('PATCH', `/api/admin/templates/${created.body.item.id}`, {
      templateData: { tables: 30 },
    });
    assert.deepEqual(changed.body.item.templateData, { tables: 30 });
    assert.equal((await client.delete(`/api/admin/templates/${created.body.item.id}`)).status, 200);
  });

  it('counts the funnel: started, reached, completed and skipped per step, and the median time', async () => {
    const { client: admin } = await adminClient(server);
    const path = (
      await admin.post('/api/admin/onboarding/paths', {
        name: 'Funnel test',
        targetRole: 'funnel-tester',
        steps: STEPS,
      })
    ).body.item;
    const walk = async (steps: [string, 'complete' | 'skip'][]) => {
      const { client } = await signedUpClient(server.services, server.url);
      await client.post('/api/onboarding/start', { role: 'funnel-tester' });
      for (const [key, action] of steps)
        assert.equal((await client.post(`/api/onboarding/steps/${key}/${action}`)).status, 200, `${key} ${action}`);
    };
    await walk([
      ['welcome', 'complete'],
      ['venue', 'skip'],
      ['complete', 'complete'],
    ]);
    await walk([
      ['welcome', 'complete'],
      ['venue', 'complete'],
    ]);
    await walk([]);
    const funnel = (await admin.get('/api/admin/onboarding/funnel')).body.paths.find(
      (p: { pathId: string }) => p.pathId === path.id,
    );
    assert.deepEqual([funnel.started, funnel.completed], [3, 1]);
    assert.deepEqual(
      funnel.steps.map((s: { key: string; reached: number; completed: number; skipped: number }) => [
        s.key,
        s.reached,
        s.completed,
        s.skipped,
      ]),
      [
        ['welcome', 3, 2, 0],
        ['venue', 2, 1, 1],
        ['complete', 2, 1, 0],
      ],
    );
    assert.equal(typeof funnel.medianSecondsToComplete, 'number');
  });
});
