/**
 * Templates through the HTTP API on each database: the gallery (active only, featured first,
 * filtered by category and industry) and "use", counted atomically: 20 parallel uses add 20.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

describeOnEachDatabase('templates', (getDb) => {
  let server: RunningServer;
  const ids: Record<string, string> = {};

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'sign-up:ip=1000/60 mail:ip=1000/60' } });
    const rows = [
      { name: 'Club night', category: 'events', industry: 'music', is_featured: false, usage_count: 5 },
      { name: 'Arena tour', category: 'tours', industry: 'music', is_featured: true, usage_count: 1 },
      { name: 'Summer festival', category: 'festivals', industry: 'music', is_featured: true, usage_count: 9 },
      { name: 'Product launch', category: 'corporate', industry: 'tech', is_featured: false, usage_count: 0 },
      { name: 'Old gala', category: 'events', industry: 'charity', is_featured: true, is_active: false },
    ];
    for (const row of rows) {
      const [inserted] = await server.db
        .knex('onboarding_templates')
        .insert({ ...row, template_data: JSON.stringify({ name: row.name, days: 3 }) })
        .returning('id');
      ids[row.name] = inserted!.id;
    }
  });
  after(() => server.close());

  it('lists active templates, featured first, then by use', async () => {
    const res = await new TestClient(server.url, { origin: TEST_ORIGIN }).get('/api/templates');
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.templates.map((t: { name: string }) => t.name),
      ['Summer festival', 'Arena tour', 'Club night', 'Product launch'],
    );
    assert.deepEqual(res.body.categories, ['corporate', 'events', 'festivals', 'tours']);
    assert.deepEqual(res.body.industries, ['music', 'tech']);
    assert.equal(res.body.templates[0].templateData, undefined, 'the data comes with "use"');
  });

  it('filters by category and industry', async () => {
    const client = new TestClient(server.url, { origin: TEST_ORIGIN });
    assert.deepEqual(
      (await client.get('/api/templates?category=events')).body.templates.map((t: { name: string }) => t.name),
      ['Club night'],
    );
    assert.deepEqual(
      (await client.get('/api/templates?industry=tech')).body.templates.map((t: { name: string }) => t.name),
      ['Product launch'],
    );
    assert.equal((await client.get('/api/templates?colour=red')).status, 400);
  });

  it('hands over the data on use and counts 20 parallel uses as 20', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    const id = ids['Arena tour']!;
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.post(`/api/templates/${id}/use`)));
    assert.ok(answers.every((a) => a.status === 200));
    assert.deepEqual(answers[0]!.body.template.templateData, { name: 'Arena tour', days: 3 });
    const row = await server.db.knex('onboarding_templates').where({ id }).first();
    assert.equal(row?.usage_count, 21);
  });

  it('refuses to use an inactive or unknown template, and needs a session', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    assert.equal((await client.post(`/api/templates/${ids['Old gala']}/use`)).status, 404);
    assert.equal((await client.post('/api/templates/00000000-0000-4000-8000-000000000000/use')).status, 404);
    assert.equal((await client.post('/api/templates/nope/use')).status, 404);
    assert.equal(
      (await new TestClient(server.url, { origin: TEST_ORIGIN }).post(`/api/templates/${ids['Club night']}/use`))
        .status,
      401,
    );
  });
});
