/**
 * Organizations through the real HTTP API on each database: creating (slugs derived, unique,
 * chosen, taken), listing, reading and renaming, members and their roles, leaving, the rules that
 * keep an owner (also under concurrent changes), the role matrix of every organization route,
 * and docs/security.md F1: every route × verb from the router, by a member of organization X on
 * organization Y's objects, answers 404 `not_found` like a nonexistent one and changes nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { OrganizationRole } from '../../db/tables';
import type { RunningServer } from '../../start';
import { uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { fillPath, listApiRoutes, routeKey, type RouteInfo } from '../../testing/routes';
import { startTestServer } from '../../testing/test-server';
import { storedToken } from '../api-tokens/api-tokens.fixtures';
import {
  addToOrganization,
  assertNothingChanged,
  openInvitation,
  roleIn,
  signedInUser,
  team,
  type TestUser,
} from '../../testing/organizations';

/** The least role each route of one organization needs; a route missing here fails the first test. */
const MIN_ROLE: Record<string, OrganizationRole> = {
  'GET /api/organizations/:id': 'member',
  'PATCH /api/organizations/:id': 'admin',
  'GET /api/organizations/:id/members': 'member',
  'PATCH /api/organizations/:id/members/:userId': 'owner',
  'DELETE /api/organizations/:id/members/:userId': 'admin',
  'POST /api/organizations/:id/leave': 'member',
  'POST /api/organizations/:id/invitations': 'admin',
  'GET /api/organizations/:id/invitations': 'admin',
  'DELETE /api/organizations/:id/invitations/:invitationId': 'admin',
  'POST /api/organizations/:id/invitations/:invitationId/resend': 'admin',
  'GET /api/organizations/:id/api-tokens': 'admin',
  'POST /api/organizations/:id/api-tokens': 'admin',
  'DELETE /api/organizations/:id/api-tokens/:tokenId': 'admin',
  'GET /api/organizations/:id/connected-apps': 'member',
  'POST /api/organizations/:id/connected-apps/:app/connect': 'admin',
  // Any member reaches it; the attempt decides, and only an admin can start one.
  'POST /api/organizations/:id/connected-apps/callback': 'member',
  'DELETE /api/organizations/:id/connected-apps/:connectionId': 'admin',
};
/**
 * Routes whose success needs a third party (the provider's answer to a connection): from their
 * least role up, the answer is their own refusal of the made-up answer, never a role's or F1's.
 */
const NEEDS_PROVIDER = new Set(['POST /api/organizations/:id/connected-apps/callback']);
/** One app offered, so that connecting can start (it only builds the provider's URL: no network). */
const CONNECTED_APPS = JSON.stringify([
  {
    id: 'crm',
    name: 'CRM',
    authorizationUrl: 'http://127.0.0.1:9/authorize',
    tokenUrl: 'http://127.0.0.1:9/token',
    clientId: 'acct',
    clientSecret: 'secret',
  },
]);
const RANK: Record<OrganizationRole, number> = { member: 1, admin: 2, owner: 3 };

/** A body that succeeds for each route taking one. */
const BODIES: Record<string, () => unknown> = {
  'PATCH /api/organizations/:id': () => ({ name: 'Renamed Crew' }),
  'PATCH /api/organizations/:id/members/:userId': () => ({ role: 'admin' }),
  'POST /api/organizations/:id/leave': () => ({}),
  'POST /api/organizations/:id/invitations': () => ({ email: uniqueEmail('invitee') }),
  'POST /api/organizations/:id/invitations/:invitationId/resend': () => ({}),
  'POST /api/organizations/:id/api-tokens': () => ({ name: 'CI', scopes: ['members:read'] }),
  'POST /api/organizations/:id/connected-apps/:app/connect': () => ({}),
  'POST /api/organizations/:id/connected-apps/callback': () => ({ state: 'A'.repeat(43), code: 'made-up' }),
};

describeOnEachDatabase('organizations', (getDb) => {
  let server: RunningServer;
  let routes: RouteInfo[];
  /** The `organization.created` events published through the server's own domain events. */
  const created: unknown[] = [];
  const knex = () => server.db.knex;
  const send = (user: TestUser, route: RouteInfo, params: Record<string, string>) =>
    user.client.request(route.method, fillPath(route.path, params), BODIES[routeKey(route)]?.());

  before(async () => {
    server = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: 'mail:ip=100000/60 mail:address=100000/60', ACCT_CONNECTED_APPS: CONNECTED_APPS },
    });
    // Webhook routes take tokens too and have a matrix of their own (webhooks.test.ts), as does
    // every route in authorization-matrix.test.ts (F1).
    routes = listApiRoutes(server.services).filter(
      (r) => r.path.startsWith('/api/organizations/:id') && !r.path.includes('/webhooks'),
    );
    server.services.events.subscribe('organization.created', async (_trx, event) => void created.push(event));
  });
  after(() => server.close());

  /** A connection of the organization to the offered app, written straight to the table. */
  const storedConnection = async (organizationId: string, userId: string): Promise<string> =>
    (
      (await knex()('connected_apps')
        .insert({
          organization_id: organizationId,
          user_id: userId,
          provider: 'crm',
          provider_account_id: randomUUID(),
        })
        .returning('id')) as { id: string }[]
    )[0]!.id;

  it('knows the least role of every organization route in the router', () => {
    assert.deepEqual(routes.map(routeKey).sort(), Object.keys(MIN_ROLE).sort());
  });

  describe('creating', () => {
    it('makes the creator its owner and derives a unique slug from the name', async () => {
      const { client, userId } = await signedInUser(server);
      const name = `Café Müller & Co ${randomUUID().slice(0, 8)}`;
      const first = await client.post('/api/organizations', { name: `  ${name}  ` });
      assert.equal(first.status, 201);
      const { organization } = first.body;
      assert.deepEqual(Object.keys(organization).sort(), [
        'createdAt',
        'id',
        'joinedAt',
        'memberCount',
        'name',
        'requireMfa',
        'role',
        'slug',
      ]);
      assert.deepEqual([organization.name, organization.role, organization.memberCount], [name, 'owner', 1]);
      assert.match(organization.slug, /^cafe-muller-co-[0-9a-f]{8}$/);
      assert.equal(await roleIn(server, organization.id, userId), 'owner');
      assert.deepEqual(created.at(-1), { type: 'organization.created', userId, organizationId: organization.id });

      const second = await client.post('/api/organizations', { name });
      const third = await client.post('/api/organizations', { name });
      assert.deepEqual(
        [second.body.organization.slug, third.body.organization.slug],
        [`${organization.slug}-2`, `${organization.slug}-3`],
      );
      assert.equal(
        (await client.post('/api/organizations', { name: '株式会社 🎪' })).body.organization.slug.split('-')[0],
        'org',
      );
    });

    it('gives 10 organizations created at once with one name 10 different slugs', async () => {
      const { client } = await signedInUser(server);
      const name = `Parallel ${randomUUID().slice(0, 8)}`;
      const answers = await Promise.all(Array.from({ length: 10 }, () => client.post('/api/organizations', { name })));
      assert.deepEqual(
        answers.map((a) => a.status),
        Array(10).fill(201),
      );
      assert.equal(new Set(answers.map((a) => a.body.organization.slug)).size, 10);
    });

    it('takes a chosen slug, and refuses one in use with 409 slug_taken', async () => {
      const { client } = await signedInUser(server);
      const slug = `chosen-${randomUUID().slice(0, 8)}`;
      const created = await client.post('/api/organizations', { name: 'Anything', slug });
      assert.deepEqual([created.status, created.body.organization.slug], [201, slug]);
      const taken = await client.post('/api/organizations', { name: 'Other', slug });
      assert.deepEqual([taken.status, taken.body.error.code], [409, 'slug_taken']);
      assert.equal(
        Number((await knex()('organizations').where({ name: 'Other', slug }).count({ n: '*' }).first())!.n),
        0,
      );
    });

    it('refuses invalid names and slugs with 400 and the field', async () => {
      const { client } = await signedInUser(server);
      const cases: [unknown, Record<string, string>][] = [
        [{}, { name: 'required' }],
        [{ name: '   ' }, { name: 'required' }],
        [{ name: 'x'.repeat(256) }, { name: 'too_long' }],
        [{ name: 'Line\nbreak' }, { name: 'invalid_characters' }],
        [{ name: 'Acme\u202Egnp.exe' }, { name: 'invalid_characters' }],
        [{ name: 'Acme', slug: 'Has Spaces' }, { slug: 'invalid_slug' }],
        [{ name: 'Acme', slug: '-leading' }, { slug: 'invalid_slug' }],
        [{ name: 'Acme', slug: 'double--hyphen' }, { slug: 'invalid_slug' }],
        [{ name: 'Acme', slug: '' }, { slug: 'invalid_slug' }],
        [{ name: 'Acme', slug: 'a'.repeat(101) }, { slug: 'too_long' }],
        [{ name: 'Acme', role: 'owner' }, { role: 'unknown_field' }],
      ];
      for (const [body, fields] of cases) {
        const res = await client.post('/api/organizations', body);
        assert.deepEqual(
          [res.status, res.body.error.code, res.body.error.fields],
          [400, 'invalid_request', fields],
          JSON.stringify(body),
        );
      }
      const wrongType = await client.post('/api/organizations', { name: 42 });
      assert.deepEqual([wrongType.status, Object.keys(wrongType.body.error.fields)], [400, ['name']]);
      assert.equal(
        (await new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/organizations', { name: 'Anon' })).status,
        401,
      );
    });
  });

  describe('reading and renaming', () => {
    it('lists my organizations with my role and the member count, and no one else’s', async () => {
      const t = await team(server);
      const mine = await t.owner.client.post('/api/organizations', { name: 'Second' });
      const { organizations } = (await t.owner.client.get('/api/organizations')).body;
      assert.deepEqual(
        organizations.map((o: { id: string; role: string; memberCount: number }) => [o.id, o.role, o.memberCount]),
        [
          [t.id, 'owner', 3],
          [mine.body.organization.id, 'owner', 1],
        ],
      );
      const memberView = (await t.member.client.get('/api/organizations')).body.organizations;
      assert.deepEqual(
        memberView.map((o: { id: string; role: string }) => [o.id, o.role]),
        [[t.id, 'member']],
      );
      // Each one's own join time: the member came after the owner, who joined as they created it.
      assert.equal(organizations[0].joinedAt, organizations[0].createdAt);
      assert.ok(Date.parse(memberView[0].joinedAt) > Date.parse(organizations[0].joinedAt), 'the member joined later');
      assert.deepEqual((await (await signedInUser(server)).client.get('/api/organizations')).body, {
        organizations: [],
      });
    });

    it('shows one organization to its members and renames it for owners and admins', async () => {
      const t = await team(server);
      const shown = await t.member.client.get(`/api/organizations/${t.id}`);
      assert.deepEqual(
        [shown.status, shown.body.organization.role, shown.body.organization.memberCount],
        [200, 'member', 3],
      );
      const renamed = await t.admin.client.request('PATCH', `/api/organizations/${t.id}`, { name: ' New Name ' });
      assert.deepEqual(
        [renamed.status, renamed.body.organization.name, renamed.body.organization.role],
        [200, 'New Name', 'admin'],
      );
      const refused = await t.member.client.request('PATCH', `/api/organizations/${t.id}`, { name: 'Mine now' });
      assert.deepEqual([refused.status, refused.body.error.code], [403, 'forbidden_role']);
      const invalid = await t.owner.client.request('PATCH', `/api/organizations/${t.id}`, { name: '', slug: 'x' });
      assert.deepEqual([invalid.status, invalid.body.error.fields], [400, { name: 'required', slug: 'unknown_field' }]);
      assert.equal((await knex()('organizations').where({ id: t.id }).first())!.name, 'New Name');
    });

    it('lists the members with their profile and role, in the order they joined', async () => {
      const t = await team(server);
      await knex()('auth.users')
        .where({ id: t.admin.userId })
        .update({ display_name: 'Ada', avatar_url: 'https://example.test/ada.png' });
      const res = await t.member.client.get(`/api/organizations/${t.id}/members`);
      assert.equal(res.status, 200);
      const [owner, admin, member] = res.body.members;
      assert.deepEqual(Object.keys(admin).sort(), ['avatarUrl', 'displayName', 'email', 'joinedAt', 'role', 'userId']);
      assert.deepEqual([owner.userId, owner.role], [t.owner.userId, 'owner']);
      assert.deepEqual(
        [admin.email, admin.displayName, admin.avatarUrl, admin.role],
        [t.admin.email, 'Ada', 'https://example.test/ada.png', 'admin'],
      );
      assert.deepEqual([member.userId, member.role], [t.member.userId, 'member']);
    });
  });

  describe('roles and the last owner', () => {
    it('lets owners change roles, and never demote the last owner', async () => {
      const t = await team(server);
      const path = (u: TestUser) => `/api/organizations/${t.id}/members/${u.userId}`;
      const promoted = await t.owner.client.request('PATCH', path(t.member), { role: 'owner' });
      assert.deepEqual(
        [promoted.status, promoted.body.member.role, promoted.body.member.userId],
        [200, 'owner', t.member.userId],
      );
      assert.equal(
        (await t.owner.client.request('PATCH', path(t.owner), { role: 'member' })).status,
        200,
        'two owners: one may step down',
      );
      const last = await t.member.client.request('PATCH', path(t.member), { role: 'admin' });
      assert.deepEqual([last.status, last.body.error.code], [409, 'last_owner']);
      assert.equal(await roleIn(server, t.id, t.member.userId), 'owner');
      const invalid = await t.member.client.request('PATCH', path(t.admin), { role: 'superuser' });
      assert.deepEqual([invalid.status, invalid.body.error.fields], [400, { role: 'invalid_role' }]);
      const stranger = await signedInUser(server);
      assert.equal(
        (await t.member.client.request('PATCH', path(stranger), { role: 'admin' })).body.error.code,
        'not_found',
      );
    });

    it('lets admins remove members but not owners, and nobody the last owner', async () => {
      const t = await team(server);
      const path = (u: TestUser) => `/api/organizations/${t.id}/members/${u.userId}`;
      const ownerRemoval = await t.admin.client.delete(path(t.owner));
      assert.deepEqual([ownerRemoval.status, ownerRemoval.body.error.code], [403, 'forbidden_role']);
      assert.deepEqual((await t.admin.client.delete(path(t.member))).body, { removed: true });
      assert.equal(await roleIn(server, t.id, t.member.userId), undefined);
      assert.equal(
        (await t.member.client.get(`/api/organizations/${t.id}`)).status,
        404,
        'a removed member is a stranger',
      );
      const self = await t.owner.client.delete(path(t.owner));
      assert.deepEqual([self.status, self.body.error.code], [409, 'last_owner']);
      const coOwner = await signedInUser(server);
      await addToOrganization(server, t.id, coOwner, 'owner');
      assert.equal((await coOwner.client.delete(path(t.owner))).status, 200, 'an owner may remove another owner');
    });

    it('lets any member leave, except the last owner', async () => {
      const t = await team(server);
      const leave = (u: TestUser) => u.client.post(`/api/organizations/${t.id}/leave`, {});
      assert.deepEqual((await leave(t.member)).body, { left: true });
      const last = await leave(t.owner);
      assert.deepEqual([last.status, last.body.error.code], [409, 'last_owner']);
      assert.equal((await leave(t.admin)).status, 200);
      assert.deepEqual(
        (await knex()('organization_members').where({ organization_id: t.id }).select('user_id')).map((r) => r.user_id),
        [t.owner.userId],
      );
    });

    it('keeps an owner when two owners demote each other, or leave, at the same moment', async () => {
      const t = await team(server);
      const second = await signedInUser(server);
      await addToOrganization(server, t.id, second, 'owner');
      const demotions = await Promise.all([
        t.owner.client.request('PATCH', `/api/organizations/${t.id}/members/${second.userId}`, { role: 'member' }),
        second.client.request('PATCH', `/api/organizations/${t.id}/members/${t.owner.userId}`, { role: 'member' }),
      ]);
      assert.deepEqual(demotions.map((d) => d.status).sort(), [200, 403]);
      const owners = async () =>
        Number(
          (await knex()('organization_members')
            .where({ organization_id: t.id, role: 'owner' })
            .count({ n: '*' })
            .first())!.n,
        );
      assert.equal(await owners(), 1);

      const u = await team(server);
      const other = await signedInUser(server);
      await addToOrganization(server, u.id, other, 'owner');
      const leaving = await Promise.all(
        [u.owner, other].map((o) => o.client.post(`/api/organizations/${u.id}/leave`, {})),
      );
      assert.deepEqual(leaving.map((l) => l.status).sort(), [200, 409]);
    });
  });

  // The role matrix and F1 need the router's routes, known only once the server runs.
  describe('every organization route', () => {
    it('answers each role as its least role says: below it 403 forbidden_role', async () => {
      for (const route of routes) {
        for (const role of ['member', 'admin', 'owner'] as const) {
          const t = await team(server);
          const coOwner = await signedInUser(server); // so that owner cases never meet the last-owner rule
          await addToOrganization(server, t.id, coOwner, 'owner');
          const target = await signedInUser(server);
          await addToOrganization(server, t.id, target, 'member');
          const invitationId = await openInvitation(server, t.id, t.owner.userId);
          const tokenId = await storedToken(server, t.id, t.owner.userId);
          const connectionId = await storedConnection(t.id, t.owner.userId);
          const res = await send(t[role], route, {
            id: t.id,
            userId: target.userId,
            invitationId,
            tokenId,
            connectionId,
            app: 'crm',
          });
          const where = `${routeKey(route)} as ${role}: ${JSON.stringify(res.body)}`;
          const allowed = RANK[role] >= RANK[MIN_ROLE[routeKey(route)]!];
          if (allowed && NEEDS_PROVIDER.has(routeKey(route)))
            assert.ok(![401, 403, 404].includes(res.status) && res.status < 500, where);
          else if (allowed) assert.ok(res.status >= 200 && res.status < 300, where);
          else assert.deepEqual([res.status, res.body.error.code], [403, 'forbidden_role'], where);
        }
      }
    });

    it('answers a member of another organization 404 not_found, like a nonexistent one, and changes nothing (F1)', async () => {
      const x = await team(server, 'Organization X');
      const y = await team(server, 'Organization Y');
      const yInvitation = await openInvitation(server, y.id, y.owner.userId);
      const yToken = await storedToken(server, y.id, y.owner.userId);
      const yConnection = await storedConnection(y.id, y.owner.userId);
      const attacker = x.owner; // the most powerful role in X
      await assertNothingChanged(server, async () => {
        for (const route of routes) {
          const onY = await send(attacker, route, {
            id: y.id,
            userId: y.member.userId,
            invitationId: yInvitation,
            tokenId: yToken,
            connectionId: yConnection,
            app: 'crm',
          });
          const nowhere = await send(attacker, route, {
            id: randomUUID(),
            userId: randomUUID(),
            invitationId: randomUUID(),
            tokenId: randomUUID(),
            connectionId: randomUUID(),
            app: 'crm',
          });
          assert.deepEqual([onY.status, onY.body], [404, nowhere.body], `${routeKey(route)} on Y`);
          assert.equal(onY.body.error.code, 'not_found');
          if (!/:userId|:invitationId|:tokenId|:connectionId/.test(route.path)) continue;
          // X's own id with Y's member, invitation, API token or connection: they are nobody in X.
          const mixed = await send(attacker, route, {
            id: x.id,
            userId: y.member.userId,
            invitationId: yInvitation,
            tokenId: yToken,
            connectionId: yConnection,
            app: 'crm',
          });
          assert.deepEqual([mixed.status, mixed.body], [404, nowhere.body], `${routeKey(route)} on X with Y's objects`);
        }
      });
      assert.equal((await y.owner.client.get(`/api/organizations/${y.id}/invitations`)).body.invitations.length, 1);
    });

    it('answers malformed ids with 404 not_found and no session with 401', async () => {
      const t = await team(server);
      const anonymous = { client: new TestClient(server.url, { origin: TEST_ORIGIN }), userId: '', email: '' };
      for (const route of routes) {
        for (const bad of ['not-a-uuid', '1', "' or 1=1 --", '0000000-0000-0000-0000-000000000000']) {
          const params = {
            id: t.id,
            userId: t.member.userId,
            invitationId: randomUUID(),
            tokenId: randomUUID(),
            connectionId: randomUUID(),
            app: 'crm',
          };
          for (const name of route.path.match(/:\w+/g)!.map((p) => p.slice(1))) {
            const res = await send(t.owner, route, { ...params, [name]: bad });
            // An app is named by its id in the operator's list, not a row: unknown, it says so.
            assert.deepEqual(
              [res.status, res.body.error?.code],
              [404, name === 'app' ? 'unknown_app' : 'not_found'],
              `${routeKey(route)} with :${name}=${bad}`,
            );
          }
        }
        assert.equal(
          (
            await send(anonymous, route, {
              id: t.id,
              userId: t.member.userId,
              invitationId: randomUUID(),
              tokenId: randomUUID(),
              connectionId: randomUUID(),
              app: 'crm',
            })
          ).status,
          401,
          routeKey(route),
        );
      }
    });
  });
});
