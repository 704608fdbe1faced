/**
 * Onboarding progress through the HTTP API on each database: starting on the matched path,
 * resuming anywhere, the order and required-step rules, each built-in step's validation and real
 * work, progress counting required steps, going back, and a path whose steps changed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

describeOnEachDatabase('onboarding progress', (getDb) => {
  let server: RunningServer;
  const newUser = async () => (await signedUpClient(server.services, server.url)).client;
  const step = (client: TestClient, key: string, action: 'save' | 'complete' | 'skip', data?: unknown) =>
    client.post(`/api/onboarding/steps/${key}/${action}`, data === undefined ? {} : { data });

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'sign-up:ip=1000/60 mail:ip=1000/60' } });
    await server.db.knex('onboarding_paths').insert({
      name: 'Producers',
      target_role: 'producer',
      steps: JSON.stringify([
        { key: 'welcome', title: 'Welcome', required: true },
        { key: 'profile', title: 'Profile', required: true },
        { key: 'tour', title: 'Tour', required: false },
        { key: 'first-show', title: 'Your first show', required: true },
      ]),
    });
  });
  after(() => server.close());

  it('shows the choices before it starts, then starts on the matched path and resumes there', async () => {
    const client = await newUser();
    const before = (await client.get('/api/onboarding')).body;
    assert.equal(before.status, 'not_started');
    assert.deepEqual(before.choices.roles, ['producer']);

    const started = (await client.post('/api/onboarding/start', { role: 'producer', useCase: 'touring' })).body;
    assert.deepEqual(
      [started.status, started.path.name, started.currentStep, started.role],
      ['in_progress', 'Producers', 'welcome', 'producer'],
    );
    assert.deepEqual(started.progress, { requiredDone: 0, requiredTotal: 3, percent: 0 });

    await step(client, 'welcome', 'complete');
    // From another device: the same place.
    const resumed = (await client.get('/api/onboarding')).body;
    assert.equal(resumed.currentStep, 'profile');
    assert.deepEqual(resumed.completedSteps, ['welcome']);
    const again = (await client.post('/api/onboarding/start', { role: 'someone else' })).body;
    assert.equal(again.path.name, 'Producers', 'starting again changes nothing');
  });

  it('gives the default path without a matching role', async () => {
    const client = await newUser();
    const started = (await client.post('/api/onboarding/start', { role: 'stranger' })).body;
    assert.equal(started.path.name, 'Default Onboarding');
    assert.equal(started.path.steps.length, 8);
  });

  it('refuses to skip a required step, and to jump ahead', async () => {
    const client = await newUser();
    await client.post('/api/onboarding/start', { role: 'producer' });
    const skip = await step(client, 'welcome', 'skip');
    assert.deepEqual([skip.status, skip.body.error.code], [409, 'step_required']);
    const ahead = await step(client, 'first-show', 'complete', {});
    assert.deepEqual([ahead.status, ahead.body.error.code], [409, 'step_not_reached']);
    assert.equal((await step(client, 'nope', 'complete')).status, 404);
  });

  it('validates the profile step and does its work', async () => {
    const client = await newUser();
    await client.post('/api/onboarding/start', { role: 'producer' });
    await step(client, 'welcome', 'complete');
    for (const [data, field] of [
      [{}, 'displayName'],
      [{ displayName: 'A', avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
      [{ displayName: 'A', bio: 'x'.repeat(501) }, 'bio'],
      [{ displayName: 'A', admin: true }, 'admin'],
    ] as const) {
      const res = await step(client, 'profile', 'complete', data);
      assert.equal(res.status, 400, JSON.stringify(data));
      assert.ok(res.body.error.fields[field], JSON.stringify(res.body.error.fields));
    }
    const done = await step(client, 'profile', 'complete', {
      displayName: 'Grace Hopper',
      bio: 'Producer',
      avatarUrl: 'https://example.test/g.png',
    });
    assert.equal(done.status, 200);
    const me = (await client.get('/api/me')).body.user;
    assert.deepEqual([me.displayName, me.avatarUrl], ['Grace Hopper', 'https://example.test/g.png']);
    assert.deepEqual(done.body.progress, { requiredDone: 2, requiredTotal: 3, percent: 67 });
  });

  it("skips optional steps, completes the path, and keeps a site step's data", async () => {
    const client = await newUser();
    await client.post('/api/onboarding/start', { role: 'producer' });
    await step(client, 'welcome', 'complete');
    await step(client, 'profile', 'complete', { displayName: 'Ada' });
    const skipped = (await step(client, 'tour', 'skip')).body;
    assert.deepEqual([skipped.skippedSteps, skipped.currentStep], [['tour'], 'first-show']);
    assert.equal(
      (await step(client, 'first-show', 'complete', { x: 'y'.repeat(20_000) })).status,
      400,
      'a site step takes 10 kB at most',
    );
    const finished = (await step(client, 'first-show', 'complete', { showName: 'Hamlet' })).body;
    assert.equal(finished.status, 'completed');
    assert.ok(finished.completedAt);
    assert.deepEqual(finished.stepData['first-show'], { showName: 'Hamlet' });
    assert.deepEqual(finished.progress, { requiredDone: 3, requiredTotal: 3, percent: 100 });
  });

  it('goes back without undoing, and saves drafts', async () => {
    const client = await newUser();
    await client.post('/api/onboarding/start', { role: 'producer' });
    await step(client, 'welcome', 'complete');
    const draft = (await step(client, 'profile', 'save', { displayName: 'Draft name' })).body;
    assert.deepEqual(draft.stepData.profile, { displayName: 'Draft name' });
    assert.deepEqual(draft.completedSteps, ['welcome']);
    const back = (await client.post('/api/onboarding/back')).body;
    assert.deepEqual([back.currentStep, back.completedSteps], ['welcome', ['welcome']]);
  });

  it('validates the preferences step and writes notification preferences and quiet hours', async () => {
    const client = await newUser();
    await client.post('/api/onboarding/start', {});
    await step(client, 'welcome', 'complete');
    const bad = await step(client, 'preferences', 'save', {
      quietHours: { enabled: true, start: '25:00', end: '07:00', timeZone: 'Mars/Olympus', days: [1, 1] },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(bad.body.error.fields).sort(), [
      'quietHours.days',
      'quietHours.start',
      'quietHours.timeZone',
    ]);
    // preferences comes after profile and organization, which are required: save works anywhere, completing only in order.
    const good = {
      notifications: { newsletter: { email: true }, comments: { email: false } },
      quietHours: { enabled: true, start: '22:30', end: '07:00', timeZone: 'Europe/Lisbon', days: [1, 2, 3, 4, 5] },
    };
    assert.equal((await step(client, 'preferences', 'save', good)).status, 200);
    assert.equal((await step(client, 'preferences', 'complete', good)).body.error.code, 'step_not_reached');
  });

  it('continues sensibly when the path changed after the user started', async () => {
    const client = await newUser();
    const started = (await client.post('/api/onboarding/start', { role: 'producer' })).body;
    await step(client, 'welcome', 'complete');
    await step(client, 'profile', 'complete', { displayName: 'Ada' });
    await server.db
      .knex('onboarding_paths')
      .where({ id: started.path.id })
      .update({
        steps: JSON.stringify([
          { key: 'welcome', title: 'Welcome', required: true },
          { key: 'venue', title: 'Venue', required: true },
          { key: 'first-show', title: 'Your first show', required: true },
        ]),
      });
    const now = (await client.get('/api/onboarding')).body;
    assert.deepEqual(now.completedSteps, ['welcome'], 'profile no longer exists');
    assert.equal(now.currentStep, 'venue');
    assert.deepEqual(now.progress, { requiredDone: 1, requiredTotal: 3, percent: 33 });
    // Put the path back for the other tests.
    await server.db
      .knex('onboarding_paths')
      .where({ id: started.path.id })
      .update({
        steps: JSON.stringify([
          { key: 'welcome', title: 'Welcome', required: true },
          { key: 'profile', title: 'Profile', required: true },
          { key: 'tour', title: 'Tour', required: false },
          { key: 'first-show', title: 'Your first show', required: true },
        ]),
      });
  });

  it('creates an organization, invites the team (ticking invite_team) and finishes the default path', async () => {
    const client = await newUser();
    await client.post('/api/onboarding/start', {});
    await step(client, 'welcome', 'complete');
    await step(client, 'profile', 'complete', { displayName: 'Ada' });
    assert.equal((await step(client, 'team', 'skip')).body.error.code, 'step_not_reached');
    assert.equal(
      (
        await step(client, 'organization', 'complete', {
          mode: 'existing',
          organizationId: '00000000-0000-4000-8000-000000000000',
        })
      ).status,
      404,
    );
    const org = (await step(client, 'organization', 'complete', { mode: 'create', name: 'Globe Theatre' })).body;
    assert.match(org.stepData.organization.organizationId, /^[0-9a-f-]{36}$/);
    assert.equal((await client.get('/api/organizations')).body.organizations[0].name, 'Globe Theatre');

    assert.equal((await step(client, 'team', 'complete', { invitations: [{ email: 'not-an-email' }] })).status, 400);
    const team = await step(client, 'team', 'complete', {
      invitations: [{ email: 'burbage@example.test' }, { email: 'kemp@example.test', role: 'admin' }],
    });
    assert.equal(team.status, 200, JSON.stringify(team.body));
    const invitations = (await client.get(`/api/organizations/${org.stepData.organization.organizationId}/invitations`))
      .body.invitations;
    assert.deepEqual(invitations.map((i: { email: string }) => i.email).sort(), [
      'burbage@example.test',
      'kemp@example.test',
    ]);
    const checklist = (await client.get('/api/checklist')).body.items;
    assert.equal(checklist.find((i: { key: string }) => i.key === 'invite_team').completed, true);

    const prefs = await step(client, 'preferences', 'complete', {
      quietHours: { enabled: true, start: '22:00', end: '07:00', timeZone: 'Europe/London', days: [0, 6] },
    });
    assert.equal(prefs.status, 200);
    const user = (await client.get('/api/me')).body.user;
    const stored = await server.db.knex('notification_preferences').where({ user_id: user.id }).orderBy('event_type');
    assert.equal(stored.length, 7);
    assert.equal(stored.find((p) => p.event_type === 'newsletter')?.email_enabled, false, 'marketing is opt-in');
    const quiet = await server.db.knex('notification_quiet_hours').where({ user_id: user.id }).first();
    assert.deepEqual([quiet?.timezone, quiet?.days_of_week], ['Europe/London', [0, 6]]);

    for (const key of ['integrations', 'tour']) assert.equal((await step(client, key, 'skip')).status, 200);
    const done = (await step(client, 'complete', 'complete')).body;
    assert.equal(done.status, 'completed');
    assert.deepEqual(done.progress, { requiredDone: 4, requiredTotal: 4, percent: 100 });
  });

  it('rolls the organization back when a later part of its step fails', async () => {
    const client = await newUser();
    await client.post('/api/onboarding/start', {});
    await step(client, 'welcome', 'complete');
    await step(client, 'profile', 'complete', { displayName: 'Ada' });
    await step(client, 'organization', 'complete', { mode: 'create', name: 'Rose Theatre' });
    // Inviting yourself fails (already a member): nothing of the step may stay behind.
    const me = (await client.get('/api/me')).body.user;
    const res = await step(client, 'team', 'complete', {
      invitations: [{ email: 'someone@example.test' }, { email: me.email }],
    });
    assert.equal(res.status, 409);
    const orgId = (await client.get('/api/onboarding')).body.stepData.organization.organizationId;
    assert.deepEqual((await client.get(`/api/organizations/${orgId}/invitations`)).body.invitations, []);
  });

  describe('access', () => {
    it('needs a session and shows each user only their own progress', async () => {
      assert.equal((await new TestClient(server.url, { origin: TEST_ORIGIN }).get('/api/onboarding')).status, 401);
      const a = await newUser();
      const b = await newUser();
      await a.post('/api/onboarding/start', { role: 'producer' });
      assert.equal((await b.get('/api/onboarding')).body.status, 'not_started');
      assert.equal((await step(b, 'welcome', 'complete')).body.error.code, 'onboarding_not_started');
    });
  });
});
