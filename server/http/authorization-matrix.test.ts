/**
 * docs/security.md F1, generated from the router: every API route × method has an entry in the
 * matrix below, and a route added without one fails the first test. An entry says how the route
 * is reached:
 * - `public`: anyone may call it (the reason is written down);
 * - `own`: it acts on the caller's own account or session only — the path names no one else's
 *   object (a `:key` is a step or item of the site's catalogue, not a row of another user);
 * - `site`: the site's backend (site secret) or acct's admins only;
 * - `victim`: the path (or body) names an object, so the matrix calls it on objects of user B and
 *   organization Y — with user A's session and with a token of A's organization X holding every
 *   scope — including the mixed form that pairs A's own organization with Y's child objects.
 * Every `victim` and `site` call must be refused (401, 403 or 404 with an error code) and leave
 * every row of B, of Y's other member and of Y exactly as it was (server/testing/owned-rows.ts).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import { API_TOKEN_SCOPES } from '../../contract/constants';
import type { RunningServer } from '../start';
import { createToken, tokenClient } from '../modules/api-tokens/api-tokens.fixtures';
import { describeOnEachDatabase } from '../testing/databases';
import type { TestClient } from '../testing/http-client';
import { SITE_SECRET, UNLIMITED_RATE_LIMITS } from '../testing/hostile-input';
import { drainMailQueue } from '../testing/mail';
import { openInvitation, signedInUser, type TestUser } from '../testing/organizations';
import { ownedRowsFingerprint } from '../testing/owned-rows';
import { fillPath, listApiRoutes, routeKey, STATE_CHANGING_METHODS, type RouteInfo } from '../testing/routes';
import { sampleBodies } from '../testing/sample-bodies';
import { startTestServer } from '../testing/test-server';

/** B's and Y's objects, and A's organization X, as the attacks name them. */
interface World {
  attacker: { user: TestUser; organizationId: string; token: string };
  victim: {
    owner: TestUser;
    member: TestUser;
    organizationId: string;
    sessionId: string;
    invitationId: string;
    apiTokenId: string;
    connectionId: string;
    passkeyId: string;
    oauthAccountId: string;
    pushSubscriptionId: string;
    pushEndpoint: string;
    notificationId: string;
    exportId: string;
    webhookId: string;
    deliveryId: string;
  };
}

/** One call of an attack: path parameters, and a body when the route's sample is not the one to send. */
interface Attack {
  params?: Record<string, string>;
  body?: unknown;
}

type Entry = { public: string } | { own: string } | { site: string } | { victim: (w: World) => Attack[] };

/** An organization route: on Y, the victim's organization. */
const onY = (w: World): Attack[] => [{ params: { id: w.victim.organizationId } }];
/** A route naming a child object of Y: under Y, and under A's own X (the child must not be found there). */
const childOfY =
  (param: string, pick: (v: World['victim']) => string) =>
  (w: World): Attack[] =>
    [w.victim.organizationId, w.attacker.organizationId].map((id) => ({ params: { id, [param]: pick(w.victim) } }));
/** A route naming one of B's own objects. */
const ofB =
  (pick: (v: World['victim']) => string) =>
  (w: World): Attack[] => [{ params: { id: pick(w.victim) } }];
/** Y's members, under Y and under X. */
const memberOfY = (w: World): Attack[] => [
  ...childOfY('userId', (v) => v.member.userId)(w),
  { params: { id: w.attacker.organizationId, userId: w.victim.owner.userId } },
];

/** A delivery of Y's webhook: under Y, and under X (with Y's webhook). */
const deliveryOfY = (w: World): Attack[] =>
  [w.victim.organizationId, w.attacker.organizationId].map((id) => ({
    params: { id, webhookId: w.victim.webhookId, deliveryId: w.victim.deliveryId },
  }));

const own = (why = 'the caller’s own account') => ({ own: why });

const MATRIX: Record<string, Entry> = {
  'GET /api/config': { public: 'the site’s public settings' },
  'GET /api/openapi.json': { public: 'the API description' },
  'GET /api/dev/outbox': { public: 'development outbox: only with ACCT_DEV_OUTBOX, refused in production' },
  'POST /api/auth/sign-up': { public: 'sign-up' },
  'POST /api/auth/sign-in': { public: 'sign-in: the password is the proof' },
  'POST /api/auth/password/forgot': { public: 'answers alike for every address (A3)' },
  'POST /api/auth/verification/resend': { public: 'answers alike for every address (A3)' },
  'POST /api/auth/magic-link': { public: 'answers alike for every address (A3)' },
  'GET /api/auth/magic-link/:id/status': {
    public: 'the link id is an unguessable capability; says only pending or used',
  },
  'POST /api/passkeys/authenticate/options': { public: 'sign-in with a passkey' },
  'POST /api/passkeys/authenticate/verify': { public: 'sign-in with a passkey: the signature is the proof' },
  'POST /api/session/exchange': { public: 'the one-time code is the proof' },
  'POST /api/auth/mfa/verify': { public: 'the pending sign-in’s token and the code are the proof' },
  'GET /api/push/key': { public: 'the VAPID public key' },

  'GET /api/me': own(),
  'GET /api/session': own('the calling session'),
  'POST /api/auth/sign-out': own('the calling session'),
  'GET /api/sessions': own(),
  'POST /api/sessions/revoke-others': own(),
  'POST /api/session/hand-over': own('the calling session'),
  'POST /api/session/refresh': own('the calling session'),
  'GET /api/session/token': own('the calling session'),
  'POST /api/auth/password/change': own(),
  'GET /api/auth/reauthenticate': own('the calling session'),
  'GET /api/mfa': own(),
  'POST /api/mfa/totp/enrol': own(),
  'POST /api/mfa/totp/confirm': own(),
  'POST /api/mfa/recovery-codes': own(),
  'POST /api/mfa/disable': own(),
  'POST /api/auth/reauthenticate': own('the calling session'),
  'POST /api/auth/reauthenticate/passkey-options': own('the calling session'),
  'PATCH /api/me': own(),
  'PUT /api/me/avatar': own(),
  'DELETE /api/me/avatar': own(),
  'GET /api/me/email': own(),
  'POST /api/me/email': own(),
  'DELETE /api/me/email': own(),
  'POST /api/organizations': own('creates an organization owned by the caller'),
  'GET /api/organizations': own('the caller’s memberships'),
  'POST /api/passkeys/register/options': own(),
  'POST /api/passkeys/register/verify': own(),
  'GET /api/passkeys': own(),
  'GET /api/connected-accounts': own(),
  'POST /api/connected-accounts/link': own(),
  'POST /api/connected-accounts/link/complete': own('the link code is bound to the calling account'),
  'GET /api/login-history': own(),
  'GET /api/onboarding': own(),
  'POST /api/onboarding/start': own(),
  'POST /api/onboarding/steps/:key/save': own('a step of the site’s path'),
  'POST /api/onboarding/steps/:key/complete': own('a step of the site’s path'),
  'POST /api/onboarding/steps/:key/skip': own('a step of the site’s path'),
  'POST /api/onboarding/back': own(),
  'GET /api/checklist': own(),
  'POST /api/checklist/items/:key/complete': own('an item of the site’s checklist'),
  'POST /api/checklist/items/:key/uncomplete': own('an item of the site’s checklist'),
  'POST /api/checklist/items/:key/dismiss': own('an item of the site’s checklist'),
  'POST /api/checklist/items/:key/restore': own('an item of the site’s checklist'),
  'POST /api/checklist/dismiss': own(),
  'POST /api/checklist/restore': own(),
  'GET /api/templates': own('the site’s template gallery'),
  'POST /api/templates/:id/use': own('a template of the site’s gallery'),
  'GET /api/me/data-exports': own(),
  'POST /api/me/data-exports': own(),
  'POST /api/push/subscriptions': own(),
  'GET /api/push/subscriptions': own(),
  'GET /api/notifications': own(),
  'POST /api/notifications/read-all': own(),
  'GET /api/notifications/settings': own(),
  'PUT /api/notifications/preferences/:eventType': own('an event type of the catalogue'),
  'PUT /api/notifications/quiet-hours': own(),
  'GET /api/me/deletion': own(),
  'POST /api/me/deletion': own(),
  'DELETE /api/me/deletion': own(),

  'POST /api/server/users/:userId/provider-tokens/:provider': { site: 'the site’s backend' },
  'POST /api/server/notifications': { site: 'the site’s backend' },
  'POST /api/checklist/events': {
    victim: (w) => [{ body: { email: w.victim.owner.email, item: 'create_event' } }],
  },

  'DELETE /api/sessions/:id': { victim: ofB((v) => v.sessionId) },
  'PATCH /api/passkeys/:id': { victim: ofB((v) => v.passkeyId) },
  'DELETE /api/passkeys/:id': { victim: ofB((v) => v.passkeyId) },
  'DELETE /api/connected-accounts/:id': { victim: ofB((v) => v.oauthAccountId) },
  'GET /api/me/data-exports/:id/download': { victim: ofB((v) => v.exportId) },
  'DELETE /api/push/subscriptions/:id': { victim: ofB((v) => v.pushSubscriptionId) },
  'POST /api/notifications/:id/read': { victim: ofB((v) => v.notificationId) },
  'DELETE /api/push/subscriptions': { victim: (w) => [{ body: { endpoint: w.victim.pushEndpoint } }] },

  'GET /api/organizations/:id': { victim: onY },
  'PATCH /api/organizations/:id': { victim: onY },
  'GET /api/organizations/:id/members': { victim: onY },
  'PATCH /api/organizations/:id/members/:userId': { victim: memberOfY },
  'DELETE /api/organizations/:id/members/:userId': { victim: memberOfY },
  'POST /api/organizations/:id/leave': { victim: onY },
  'POST /api/organizations/:id/invitations': { victim: onY },
  'GET /api/organizations/:id/invitations': { victim: onY },
  'DELETE /api/organizations/:id/invitations/:invitationId': {
    victim: childOfY('invitationId', (v) => v.invitationId),
  },
  'POST /api/organizations/:id/invitations/:invitationId/resend': {
    victim: childOfY('invitationId', (v) => v.invitationId),
  },
  'GET /api/organizations/:id/api-tokens': { victim: onY },
  'POST /api/organizations/:id/api-tokens': { victim: onY },
  'DELETE /api/organizations/:id/api-tokens/:tokenId': { victim: childOfY('tokenId', (v) => v.apiTokenId) },
  'GET /api/organizations/:id/connected-apps': { victim: onY },
  'POST /api/organizations/:id/connected-apps/callback': { victim: onY },
  'POST /api/organizations/:id/connected-apps/:app/connect': {
    victim: (w) => [{ params: { id: w.victim.organizationId, app: 'crm' } }],
  },
  'DELETE /api/organizations/:id/connected-apps/:connectionId': {
    victim: childOfY('connectionId', (v) => v.connectionId),
  },
  'GET /api/organizations/:id/webhooks/events': { victim: onY },
  'GET /api/organizations/:id/webhooks': { victim: onY },
  'POST /api/organizations/:id/webhooks': { victim: onY },
  'PATCH /api/organizations/:id/webhooks/:webhookId': { victim: childOfY('webhookId', (v) => v.webhookId) },
  'DELETE /api/organizations/:id/webhooks/:webhookId': { victim: childOfY('webhookId', (v) => v.webhookId) },
  'POST /api/organizations/:id/webhooks/:webhookId/rotate-secret': {
    victim: childOfY('webhookId', (v) => v.webhookId),
  },
  'POST /api/organizations/:id/webhooks/:webhookId/test': { victim: childOfY('webhookId', (v) => v.webhookId) },
  'GET /api/organizations/:id/webhooks/:webhookId/deliveries': {
    victim: childOfY('webhookId', (v) => v.webhookId),
  },
  'GET /api/organizations/:id/webhooks/:webhookId/deliveries/:deliveryId': { victim: deliveryOfY },
  'POST /api/organizations/:id/webhooks/:webhookId/deliveries/:deliveryId/replay': { victim: deliveryOfY },
};

/** acct's admin pages (app_role admin): every one is a `site` route. */
const isAdminRoute = (route: RouteInfo) => route.path.startsWith('/api/admin/');

function entryOf(route: RouteInfo): Entry | undefined {
  return MATRIX[routeKey(route)] ?? (isAdminRoute(route) ? { site: 'acct’s admins' } : undefined);
}

/** An app the victim's organization has connected, offered by the server (no network is used). */
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

/**
 * B with a second session, a passkey, a linked provider account, a push device, a notification and
 * an export; Y with B, a member, an invitation, a token, a connected app and a webhook with a delivery.
 */
async function victimOf(server: RunningServer): Promise<World['victim']> {
  const knex = server.db.knex;
  const owner = await signedInUser(server, 'victim');
  const member = await signedInUser(server, 'victim-member');
  const created = await owner.client.post('/api/organizations', { name: 'Victim Ltd' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const organizationId: string = created.body.organization.id;
  await knex('organization_members').insert({
    organization_id: organizationId,
    user_id: member.userId,
    role: 'member',
  });
  const insert = async (table: string, row: Record<string, unknown>) =>
    ((await knex(table).insert(row).returning('id'))[0] as { id: string }).id;
  const pushEndpoint = `https://push.example.com/send/${randomUUID()}`;
  const [session] = await knex('user_sessions').where({ user_id: owner.userId }).select('id');
  const webhookId = await insert('webhooks', {
    organization_id: organizationId,
    url: 'https://hooks.example.com/in',
    events: JSON.stringify(['organization.member_added']),
    secret_hash: 'not a real secret',
  });
  return {
    owner,
    member,
    organizationId,
    sessionId: (session as { id: string }).id,
    invitationId: await openInvitation(server, organizationId, owner.userId),
    apiTokenId: (await createToken(owner, organizationId, ['members:read'])).token.id,
    connectionId: await insert('connected_apps', {
      organization_id: organizationId,
      user_id: owner.userId,
      provider: 'crm',
      provider_account_id: 'victim-account',
    }),
    passkeyId: await insert('passkeys', {
      user_id: owner.userId,
      credential_id: Buffer.from(randomUUID()),
      public_key: Buffer.from('not a real key'),
      counter: 0,
      device_name: 'Victim’s laptop',
    }),
    oauthAccountId: await insert('oauth_accounts', {
      user_id: owner.userId,
      provider: 'github',
      provider_user_id: `victim-${randomUUID()}`,
      provider_email: owner.email,
    }),
    pushSubscriptionId: await insert('push_subscriptions', {
      user_id: owner.userId,
      endpoint: pushEndpoint,
      p256dh: `B${'A'.repeat(86)}`,
      auth: 'A'.repeat(22),
    }),
    pushEndpoint,
    notificationId: await insert('notifications', {
      user_id: owner.userId,
      event_type: 'organization.invitation_sent',
      category: 'organizations',
      title: 'Victim’s notification',
    }),
    exportId: await insert('data_export_requests', {
      user_id: owner.userId,
      status: 'ready',
      format: 'json',
      expires_at: knex.raw(`now() + interval '1 day'`),
    }),
    webhookId,
    deliveryId: await insert('webhook_deliveries', {
      webhook_id: webhookId,
      event_type: 'organization.member_added',
      payload: JSON.stringify({ type: 'organization.member_added' }),
      message_id: `msg_${randomUUID().replaceAll('-', '')}`,
    }),
  };
}

describeOnEachDatabase(
  'authorization matrix: every route on another user’s and organization’s objects (F1)',
  (getDb) => {
    let server: RunningServer;
    let routes: RouteInfo[];
    let world: World;

    before(async () => {
      server = await startTestServer(getDb(), {
        env: {
          ACCT_RATE_LIMITS: UNLIMITED_RATE_LIMITS,
          ACCT_SITE_SECRET: SITE_SECRET,
          ACCT_CONNECTED_APPS: CONNECTED_APPS,
        },
      });
      routes = listApiRoutes(server.services);
      const user = await signedInUser(server, 'attacker');
      const created = await user.client.post('/api/organizations', { name: 'Attacker Ltd' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const organizationId: string = created.body.organization.id;
      const token = (await createToken(user, organizationId, [...API_TOKEN_SCOPES])).secret;
      world = { attacker: { user, organizationId, token }, victim: await victimOf(server) };
    });
    after(() => server.close());

    it('has an entry for every route the router answers, and none for a route that is gone', () => {
      const missing = routes.filter((r) => !entryOf(r)).map(routeKey);
      assert.deepEqual(missing, [], 'routes without an entry in the authorization matrix');
      const answered = new Set(routes.map(routeKey));
      assert.deepEqual(
        Object.keys(MATRIX).filter((key) => !answered.has(key)),
        [],
        'matrix entries for routes the router no longer answers',
      );
    });

    it('names no object in the path of a public or own route but a key of the site’s catalogues', () => {
      for (const route of routes) {
        const entry = entryOf(route);
        if (!entry || (!('public' in entry) && !('own' in entry))) continue;
        const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
        const allowed = /\/(steps|items|templates|preferences)\/:\w+|\/magic-link\/:id\/status$/;
        if (params.length)
          assert.match(route.path, allowed, `${routeKey(route)} names an object: make it a victim entry`);
      }
    });

    /** Calls `route` as `caller` with `attack`; asserts a refusal with an error code. */
    async function assertRefused(route: RouteInfo, caller: TestClient, who: string, attack: Attack): Promise<void> {
      const path = fillPath(route.path, attack.params ?? {}, () => randomUUID());
      const body =
        attack.body ?? (STATE_CHANGING_METHODS.has(route.method) ? (sampleBodies()[routeKey(route)] ?? {}) : undefined);
      const res = await caller.request(route.method, path, body);
      const label = `${route.method} ${path} as ${who}`;
      assert.ok([401, 403, 404].includes(res.status), `${label} answered ${res.status}: ${JSON.stringify(res.body)}`);
      assert.match(String(res.body?.error?.code), /^[a-z_]+$/, `${label}: no error code`);
    }

    it('refuses A’s session and X’s token on every object of B and Y, and changes none of their rows', async () => {
      const callers: [TestClient, string][] = [
        [world.attacker.user.client, 'user A (session)'],
        [tokenClient(server, world.attacker.token), 'a token of organization X (every scope)'],
      ];
      const owners = {
        userIds: [world.victim.owner.userId, world.victim.member.userId],
        organizationIds: [world.victim.organizationId],
      };
      let attacks = 0;
      for (const route of routes) {
        const entry = entryOf(route);
        if (!entry || (!('victim' in entry) && !('site' in entry))) continue;
        const planned = 'victim' in entry ? entry.victim(world) : [{ params: { userId: world.victim.owner.userId } }];
        await drainMailQueue(server.services);
        const before = await ownedRowsFingerprint(server.db.knex, owners);
        for (const attack of planned) {
          for (const [caller, who] of callers) {
            await assertRefused(route, caller, who, attack);
            attacks++;
          }
        }
        await drainMailQueue(server.services);
        assert.deepEqual(
          await ownedRowsFingerprint(server.db.knex, owners),
          before,
          `${routeKey(route)}: a refused request changed the victims’ rows`,
        );
      }
      assert.ok(attacks > 60, `only ${attacks} attacks ran`);
    });
  },
);
