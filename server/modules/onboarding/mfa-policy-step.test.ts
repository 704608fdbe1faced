/**
 * An organization's MFA policy in the onboarding walk (policy-steps.ts, docs/security.md M7): a
 * member without a second factor walks a required `mfa` step first — on a new walk and on one
 * they had finished, which is open again — that cannot be skipped nor claimed, and that is done
 * the moment they have a second factor. Users outside such organizations see their path as it is.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import type { TestClient } from '../../testing/http-client';
import { signedInUser, team, type TestTeam } from '../../testing/organizations';
import { startTestServer } from '../../testing/test-server';
import { enrol } from '../mfa/mfa.fixtures';

describeOnEachDatabase('onboarding under an organization’s MFA policy', (getDb) => {
  let server: RunningServer;
  let crew: TestTeam;
  const step = (client: TestClient, key: string, action: 'complete' | 'skip') =>
    client.post(`/api/onboarding/steps/${key}/${action}`, {});
  const walk = async (client: TestClient) => {
    const res = await client.get('/api/onboarding');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as {
      status: string;
      currentStep: string;
      completedSteps: string[];
      path: { steps: { key: string; required: boolean; component?: string }[] };
    };
  };
  const keys = (state: Awaited<ReturnType<typeof walk>>) => state.path.steps.map((s) => s.key);

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'mfa-code:account=1000/60' } });
    await server.db.knex('onboarding_paths').update({ is_active: false });
    await server.db.knex('onboarding_paths').insert({
      name: 'Short',
      is_default: true,
      steps: JSON.stringify([
        { key: 'welcome', title: 'Welcome', required: true },
        { key: 'complete', title: 'Done', required: false },
      ]),
    });
    crew = await team(server, 'Strict Crew');
    await server.db.knex('organizations').where({ id: crew.id }).update({ require_mfa: true });
  });
  after(() => server.close());

  it('leaves the path as it is for a user outside such organizations', async () => {
    const outsider = await signedInUser(server, 'outsider');
    const started = (await outsider.client.post('/api/onboarding/start', {})).body;
    assert.deepEqual(
      started.path.steps.map((s: { key: string }) => s.key),
      ['welcome', 'complete'],
    );
    assert.equal(started.currentStep, 'welcome');
  });

  it('puts a required mfa step first, that cannot be skipped or claimed, and is done once they enrol', async () => {
    const { client } = crew.member;
    const started = await client.post('/api/onboarding/start', {});
    assert.equal(started.status, 200, JSON.stringify(started.body));
    let state = await walk(client);
    assert.deepEqual(keys(state), ['mfa', 'welcome', 'complete']);
    assert.deepEqual(state.path.steps[0], {
      key: 'mfa',
      title: 'Two-step verification',
      required: true,
      component: 'mfa',
      policy: 'mfa',
    });
    assert.equal(state.currentStep, 'mfa');

    const skipped = await step(client, 'mfa', 'skip');
    assert.deepEqual([skipped.status, skipped.body.error?.code], [409, 'step_required']);
    const claimed = await step(client, 'mfa', 'complete');
    assert.deepEqual([claimed.status, claimed.body.error?.code], [409, 'second_factor_not_set_up']);
    const jumped = await step(client, 'welcome', 'complete');
    assert.deepEqual([jumped.status, jumped.body.error?.code], [409, 'step_not_reached']);

    await enrol(client);
    state = await walk(client);
    assert.deepEqual(state.completedSteps, ['mfa'], 'enrolling is what completes the step');
    assert.equal(state.currentStep, 'mfa', 'still on the step, where they enrolled');
    const completed = await step(client, 'mfa', 'complete');
    assert.equal(completed.status, 200, 'Continue after enrolling is answered, not refused');
    assert.equal(completed.body.currentStep, 'welcome');
    assert.equal((await step(client, 'welcome', 'complete')).status, 200);
    assert.equal((await step(client, 'complete', 'complete')).status, 200);
    assert.equal((await walk(client)).status, 'completed');
  });

  it('opens a finished walk again for a member who has no second factor, until they have one', async () => {
    const { client, userId } = crew.admin;
    await server.db.knex('organizations').where({ id: crew.id }).update({ require_mfa: false });
    await client.post('/api/onboarding/start', {});
    assert.equal((await step(client, 'welcome', 'complete')).status, 200);
    assert.equal((await step(client, 'complete', 'complete')).status, 200);
    assert.equal((await walk(client)).status, 'completed');

    await server.db.knex('organizations').where({ id: crew.id }).update({ require_mfa: true });
    let state = await walk(client);
    assert.deepEqual([state.status, state.currentStep], ['in_progress', 'mfa'], 'the policy reopens the walk');
    assert.deepEqual(state.completedSteps.sort(), ['complete', 'welcome'], 'what was done stays done');

    await enrol(client);
    state = await walk(client);
    assert.equal(state.status, 'completed', 'a second factor turned on elsewhere finishes it');

    // Turning the second factor off (straight in the table) opens it again.
    await server.db.knex('auth.mfa_totp').where({ user_id: userId }).delete();
    assert.equal((await walk(client)).status, 'in_progress');
  });
});
