/**
 * The schema's seeded rows in the reader's language (seeded-texts.ts): English is the seed's own
 * text, every language has every seeded row, and through the HTTP API on each database the default
 * path's step titles and the checklist's items follow `Accept-Language` until the site changes them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_CHECKLIST_ITEMS, DEFAULT_PATH_STEPS } from '../../migrations/20260201000700_seed_data';
import type { RunningServer } from '../start';
import { signedUpClient } from '../testing/accounts';
import { describeOnEachDatabase } from '../testing/databases';
import { startTestServer } from '../testing/test-server';
import { en } from './en';
import { messages, SUPPORTED_LANGUAGES } from './index';

describe('seeded texts', () => {
  it("are the seed's own text in English, and every language has each of them", () => {
    assert.deepEqual(en.seeded.steps, Object.fromEntries(DEFAULT_PATH_STEPS.map((s) => [s.key, s.title])));
    assert.deepEqual(
      en.seeded.checklist,
      Object.fromEntries(DEFAULT_CHECKLIST_ITEMS.map((i) => [i.key, { title: i.title, description: i.description }])),
    );
    for (const language of SUPPORTED_LANGUAGES) {
      const { steps, checklist } = messages(language).seeded;
      assert.deepEqual(Object.keys(steps), Object.keys(en.seeded.steps), language);
      assert.deepEqual(Object.keys(checklist), Object.keys(en.seeded.checklist), language);
    }
  });
});

describeOnEachDatabase('seeded texts through the API', (getDb) => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'sign-up:ip=1000/60 mail:ip=1000/60' } });
  });
  after(() => server.close());

  const titles = (state: { path: { steps: { title: string }[] } }) => state.path.steps.map((s) => s.title);

  it("answers the default path's step titles in the reader's language, and a title the site changed as written", async () => {
    const { client } = await signedUpClient(server.services, server.url);
    const german = { 'Accept-Language': 'de-DE,de;q=0.9' };
    const started = await client.post('/api/onboarding/start', {}, german);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.deepEqual(titles(started.body).slice(0, 3), ['Willkommen', 'Profil', 'Organisation']);
    const english = await client.get('/api/onboarding', { 'Accept-Language': 'en' });
    assert.deepEqual(
      titles(english.body),
      DEFAULT_PATH_STEPS.map((s) => s.title),
    );
    const arabic = await client.post('/api/onboarding/steps/welcome/complete', {}, { 'Accept-Language': 'ar' });
    assert.equal(titles(arabic.body)[0], 'مرحبًا');

    // The site renames a seeded step: its name is the site's in every language.
    const path = await server.db.knex('onboarding_paths').where({ is_default: true }).first('id', 'steps');
    const renamed = (path!.steps as { key: string; title: string }[]).map((s) =>
      s.key === 'team' ? { ...s, title: 'Your crew' } : s,
    );
    await server.db
      .knex('onboarding_paths')
      .where({ id: path!.id })
      .update({ steps: JSON.stringify(renamed) });
    try {
      const after = await client.get('/api/onboarding', german);
      assert.equal(after.body.path.steps.find((s: { key: string }) => s.key === 'team').title, 'Your crew');
      assert.equal(after.body.path.steps.find((s: { key: string }) => s.key === 'tour').title, 'Rundgang');
    } finally {
      await server.db
        .knex('onboarding_paths')
        .where({ id: path!.id })
        .update({ steps: JSON.stringify(path!.steps) });
    }
  });

  it("answers the seeded checklist items in the reader's language, and what the site changed as written", async () => {
    const { client } = await signedUpClient(server.services, server.url);
    const spanish = { 'Accept-Language': 'es' };
    type Item = { key: string; title: string; description: string | null };
    const item = (body: { items: Item[] }, key: string) => body.items.find((i) => i.key === key);
    const list = await client.get('/api/checklist', spanish);
    assert.deepEqual(item(list.body, 'create_event'), {
      ...item((await client.get('/api/checklist')).body, 'create_event'),
      title: 'Crea tu primer evento',
      description: 'Prepara una producción o un evento',
    });
    const done = await client.post('/api/checklist/items/customize_profile/complete', {}, spanish);
    assert.equal(item(done.body, 'customize_profile')!.title, 'Completa tu perfil');

    await server.db
      .knex('setup_checklist_items')
      .where({ key: 'create_event' })
      .update({ title: 'Book your first gig' });
    try {
      const changed = item((await client.get('/api/checklist', spanish)).body, 'create_event')!;
      assert.deepEqual(
        [changed.title, changed.description],
        ['Book your first gig', 'Prepara una producción o un evento'],
      );
    } finally {
      await server.db
        .knex('setup_checklist_items')
        .where({ key: 'create_event' })
        .update({ title: 'Create your first event' });
    }
  });
});
