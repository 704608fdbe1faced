/**
 * What an API token reaches, on each database: the scope × organization matrix on the routes that
 * accept tokens (reading members, the checklist events endpoint), every session-only route
 * refusing tokens (/api/me, an organization's own page, token management), the site secret still
 * working beside tokens, and the per-token rate limit.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { ApiTokenScope } from '../../../contract/constants';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient } from '../../testing/http-client';
import { signedInUser, team, type TestTeam } from '../../testing/organizations';
import { startTestServer } from '../../testing/test-server';
import { createToken, tokenClient } from './api-tokens.fixtures';

const SITE_SECRET = 'api-token-access-site-secret-0123456789';

describeOnEachDatabase('API token access', (getDb) => {
  let server: RunningServer;
  let x: TestTeam;
  let y: TestTeam;
  /** Tokens by name: X with every scope, X without the one a route needs, Y with every scope. */
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_SITE_SECRET: SITE_SECRET } });
    x = await team(server, 'Org X');
    y = await team(server, 'Org Y');
    const all: ApiTokenScope[] = ['checklist:write', 'members:read', 'webhooks:manage', 'events:read'];
    tokens.xAll = (await createToken(x.owner, x.id, all)).secret;
    tokens.xChecklist = (await createToken(x.admin, x.id, ['checklist:write'])).secret;
    tokens.xMembers = (await createToken(x.admin, x.id, ['members:read'])).secret;
    tokens.yAll = (await createToken(y.owner, y.id, all)).secret;
  });
  after(() => server.close());

  const completed = async (userId: string, item: string) =>
    Boolean(
      await server.db
        .knex('setup_checklist_progress')
        .where({ user_id: userId, item_key: item, completed: true })
        .first(),
    );

  it('reads members only with members:read, and only its own organization', async () => {
    const matrix: [token: string, org: () => string, status: number, code?: string][] = [
      ['xAll', () => x.id, 200],
      ['xMembers', () => x.id, 200],
      ['xChecklist', () => x.id, 403, 'api_token_scope'],
      ['yAll', () => x.id, 404, 'not_found'],
      ['xAll', () => y.id, 404, 'not_found'],
      ['xMembers', () => '00000000-0000-0000-0000-000000000000', 404, 'not_found'],
      ['xMembers', () => 'not-a-uuid', 404, 'not_found'],
    ];
    for (const [name, org, status, code] of matrix) {
      const res = await tokenClient(server, tokens[name]!).call('GET /api/organizations/:id/members', {
        params: { id: org() },
      });
      assert.deepEqual([res.status, res.error?.code], [status, code], `${name} on ${org()}`);
      if (status === 200) {
        assert.deepEqual(
          res.body.members.map((m) => m.userId).sort(),
          [x.owner, x.admin, x.member].map((u) => u.userId).sort(),
        );
      }
    }
    // People keep their rules: members read, non-members get 404, the signed-out 401.
    assert.equal(
      (await x.member.client.call('GET /api/organizations/:id/members', { params: { id: x.id } })).status,
      200,
    );
    assert.equal(
      (await y.owner.client.call('GET /api/organizations/:id/members', { params: { id: x.id } })).status,
      404,
    );
    const anonymous = await new TestClient(server.url).call('GET /api/organizations/:id/members', {
      params: { id: x.id },
    });
    assert.deepEqual([anonymous.status, anonymous.error?.code], [401, 'not_signed_in']);
  });

  it('never reaches a session-only route', async () => {
    const client = tokenClient(server, tokens.xAll!);
    for (const [method, path] of [
      ['GET', '/api/me'],
      ['GET', '/api/organizations'],
      ['GET', `/api/organizations/${x.id}`],
      ['GET', `/api/organizations/${x.id}/invitations`],
      ['GET', `/api/organizations/${x.id}/api-tokens`],
      ['GET', '/api/checklist'],
      ['POST', `/api/organizations/${x.id}/leave`],
    ] as const) {
      const res = await client.request(method, path, method === 'POST' ? {} : undefined);
      assert.equal(res.status, 401, `${method} ${path}: ${JSON.stringify(res.body)}`);
    }
  });

  it('completes checklist items with checklist:write, for its organization’s members only', async () => {
    const send = (name: string, body: Record<string, unknown>) =>
      tokenClient(server, tokens[name]!).post('/api/checklist/events', body);
    assert.deepEqual((await send('xChecklist', { userId: x.member.userId, item: 'create_event' })).body, {
      completed: true,
    });
    assert.ok(await completed(x.member.userId, 'create_event'));
    assert.equal((await send('xAll', { email: x.admin.email, item: 'create_event' })).status, 200);
    assert.ok(await completed(x.admin.userId, 'create_event'));

    // Another organization's member is nobody to this token: 404, as an unknown account.
    for (const body of [
      { userId: y.member.userId, item: 'explore_dashboard' },
      { email: y.member.email, item: 'explore_dashboard' },
    ]) {
      const res = await send('xAll', body);
      assert.deepEqual([res.status, res.body.error?.code], [404, 'not_found']);
    }
    assert.equal(await completed(y.member.userId, 'explore_dashboard'), false);

    const noScope = await send('xMembers', { userId: x.member.userId, item: 'explore_dashboard' });
    assert.deepEqual([noScope.status, noScope.body.error?.code], [403, 'api_token_scope']);
    // The last character changed (to one it is not: a token may well end in 0).
    const real = tokens.xChecklist!;
    const forgedToken = `${real.slice(0, -1)}${real.endsWith('0') ? '1' : '0'}`;
    const forged = await tokenClient(server, forgedToken).post('/api/checklist/events', {
      userId: x.member.userId,
      item: 'invite_team',
    });
    assert.deepEqual([forged.status, forged.body.error?.code], [401, 'api_token_invalid']);
  });

  it('keeps the site secret working for any user', async () => {
    const loner = await signedInUser(server, 'loner');
    const res = await new TestClient(server.url).post(
      '/api/checklist/events',
      { userId: loner.userId, item: 'explore_dashboard' },
      { Authorization: `Bearer ${SITE_SECRET}` },
    );
    assert.equal(res.status, 200);
    assert.ok(await completed(loner.userId, 'explore_dashboard'));
    const wrong = await new TestClient(server.url).post(
      '/api/checklist/events',
      { userId: loner.userId, item: 'create_event' },
      { Authorization: 'Bearer not-the-site-secret-not-the-site-secret' },
    );
    assert.deepEqual([wrong.status, wrong.body.error?.code], [401, 'site_secret_required']);
  });

  it('accepts tokens on the checklist endpoint with no site secret set', async () => {
    const plain = await startTestServer(getDb());
    try {
      const { secret } = await createToken(x.owner, x.id, ['checklist:write']);
      const res = await tokenClient(plain, secret).post('/api/checklist/events', {
        userId: x.owner.userId,
        item: 'create_event',
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const off = await new TestClient(plain.url).post(
        '/api/checklist/events',
        { userId: x.owner.userId, item: 'create_event' },
        { Authorization: `Bearer ${SITE_SECRET}` },
      );
      assert.equal(off.body.error?.code, 'site_events_disabled');
    } finally {
      await plain.close();
    }
  });

  it('limits each token in its own bucket', async () => {
    const policies = server.services.config.rateLimits;
    const saved = policies['api-token:token'];
    policies['api-token:token'] = { capacity: 2, refillSeconds: 3600 };
    try {
      const busy = tokenClient(server, (await createToken(x.owner, x.id, ['members:read'])).secret);
      const calm = tokenClient(server, (await createToken(x.owner, x.id, ['members:read'])).secret);
      const read = (client: TestClient) => client.call('GET /api/organizations/:id/members', { params: { id: x.id } });
      assert.equal((await read(busy)).status, 200);
      assert.equal((await read(busy)).status, 200);
      const limited = await read(busy);
      assert.deepEqual([limited.status, limited.error?.code], [429, 'too_many_requests']);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal((await read(calm)).status, 200, "another token's bucket is untouched");
      assert.equal(
        (await x.member.client.call('GET /api/organizations/:id/members', { params: { id: x.id } })).status,
        200,
      );
    } finally {
      policies['api-token:token'] = saved;
    }
  });
});
