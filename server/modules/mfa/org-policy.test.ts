/**
 * An organization's MFA policy on each database (docs/security.md M7): admins and owners turn
 * `requireMfa` on and off with `PATCH /api/organizations/:id`, only once they have a second factor
 * themselves; then a member without one still sees the organization (to be told why) and may
 * leave it, but reaches none of its resources — 403 `mfa_required` — until they enrol.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import { signedInUser, team, addToOrganization, type TestTeam } from '../../testing/organizations';
import { startTestServer } from '../../testing/test-server';
import { enrol } from './mfa.fixtures';

describeOnEachDatabase('organization MFA policy', (getDb) => {
  let server: RunningServer;
  let crew: TestTeam;

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'mfa-code:account=1000/60' } });
    crew = await team(server, 'Policy Crew');
  });
  after(() => server.close());

  const setPolicy = (client: TestTeam['owner']['client'], requireMfa: boolean) =>
    client.call('PATCH /api/organizations/:id', { params: { id: crew.id }, body: { requireMfa } });
  const members = (client: TestTeam['owner']['client']) =>
    client.call('GET /api/organizations/:id/members', { params: { id: crew.id } });

  it('is turned on only by an admin or owner who has a second factor', async () => {
    const withoutMfa = await setPolicy(crew.admin.client, true);
    assert.deepEqual([withoutMfa.status, withoutMfa.error?.code], [403, 'mfa_required']);
    const byMember = await setPolicy(crew.member.client, true);
    assert.deepEqual([byMember.status, byMember.error?.code], [403, 'forbidden_role']);
    const empty = await crew.owner.client.call('PATCH /api/organizations/:id', { params: { id: crew.id }, body: {} });
    assert.equal(empty.status, 400);

    await enrol(crew.owner.client);
    const on = await setPolicy(crew.owner.client, true);
    assert.equal(on.status, 200, JSON.stringify(on.body));
    assert.equal(on.body.organization.requireMfa, true);
    assert.equal(on.body.organization.name, 'Policy Crew', 'the name is kept');
  });

  it('keeps members without a second factor from its resources, not from the organization itself', async () => {
    const refused = await members(crew.member.client);
    assert.deepEqual([refused.status, refused.error?.code], [403, 'mfa_required']);
    const tokens = await crew.admin.client.call('GET /api/organizations/:id/api-tokens', { params: { id: crew.id } });
    assert.deepEqual([tokens.status, tokens.error?.code], [403, 'mfa_required']);
    const invitations = await crew.admin.client.call('GET /api/organizations/:id/invitations', {
      params: { id: crew.id },
    });
    assert.equal(invitations.error?.code, 'mfa_required');
    // The organization itself shows, with the policy, so the element can say what to do.
    const shown = await crew.member.client.call('GET /api/organizations/:id', { params: { id: crew.id } });
    assert.deepEqual([shown.status, shown.body.organization.requireMfa], [200, true]);
    assert.equal((await members(crew.owner.client)).status, 200, 'the owner has a second factor');
  });

  it('lets a member in once they enrol, and lets one without a second factor leave', async () => {
    await enrol(crew.member.client);
    assert.equal((await members(crew.member.client)).status, 200);

    const leaver = await signedInUser(server, 'leaver');
    await addToOrganization(server, crew.id, leaver, 'member');
    assert.equal((await members(leaver.client)).error?.code, 'mfa_required');
    const left = await leaver.client.call('POST /api/organizations/:id/leave', { params: { id: crew.id } });
    assert.equal(left.status, 200);
  });

  it('lets everyone back in when turned off', async () => {
    assert.equal((await setPolicy(crew.owner.client, false)).status, 200);
    assert.equal((await members(crew.admin.client)).status, 200);
  });
});
