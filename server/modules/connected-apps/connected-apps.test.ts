/**
 * Connected apps against a real OAuth 2 server on loopback (oidc-provider, server/testing/oidc-provider.ts,
 * with rotating refresh tokens and RFC 7009 revocation), on each database: an admin connects the
 * organization (tokens sealed, the account at the provider read, the checklist item and the
 * onboarding step completed), the refresh job renews the tokens before they expire, disconnecting
 * revokes them at the provider; members of another organization see and touch nothing (404), plain
 * members cannot connect or disconnect (403), and a `state` tampered with, replayed or redeemed by
 * another session connects nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConnectedApp } from '../../../contract/connected-apps';
import { JOBS } from '../../jobs/registry';
import type { RunningServer } from '../../start';
import { CapturedLog } from '../../testing/captured-log';
import { describeOnEachDatabase } from '../../testing/databases';
import { TEST_ORIGIN, type JsonAnswer } from '../../testing/http-client';
import { signInAt, startTestProvider, type TestProvider } from '../../testing/oidc-provider';
import { signedInUser, team, type TestTeam, type TestUser } from '../../testing/organizations';
import { startTestServer } from '../../testing/test-server';
import { openToken } from './connected-apps-client';
import { refreshConnectedAppsJob, refreshDueConnections } from './connected-apps.jobs';
import { CALLBACK_PATH } from './connected-apps.service';

let subjects = 0;

describeOnEachDatabase('Connected apps', (getDb) => {
  let op: TestProvider;
  let server: RunningServer;
  const log = new CapturedLog();
  const knex = () => server.db.knex;

  before(async () => {
    // Access tokens for two minutes: inside the refresh job's ten-minute horizon from the start.
    op = await startTestProvider({ refreshTokens: true, revocation: true, accessTokenTtl: 120 });
    const apps = [
      {
        id: 'stagebook',
        name: 'Stagebook',
        iconUrl: 'https://example.test/stagebook.svg',
        authorizationUrl: `${op.issuer}/auth`,
        tokenUrl: `${op.issuer}/token`,
        revocationUrl: `${op.issuer}/token/revocation`,
        clientId: op.clientId,
        clientSecret: op.clientSecret,
        scopes: ['openid', 'offline_access'],
        // oidc-provider gives refresh tokens for offline_access only with an explicit consent.
        authorizationParams: { prompt: 'consent' },
        accountUrl: `${op.issuer}/me`,
      },
    ];
    server = await startTestServer(getDb(), { env: { ACCT_CONNECTED_APPS: JSON.stringify(apps) }, logTo: log });
    op.register(`${server.url}${CALLBACK_PATH}`);
  });
  after(async () => {
    await server.close();
    await op.close();
  });

  const base = (orgId: string) => `/api/organizations/${orgId}/connected-apps`;

  /** The provider's answer for a connect started by `who`, as the page's fragment carries it. */
  async function authorize(who: TestUser, orgId: string, sub: string): Promise<Record<string, string>> {
    const started = await who.client.post(`${base(orgId)}/stagebook/connect`, { returnTo: `${TEST_ORIGIN}/org` });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const returned = await signInAt(op, started.body.url, sub);
    assert.ok('url' in returned, 'the provider redirects back');
    assert.ok(returned.url.startsWith(`${server.url}${CALLBACK_PATH}?`), returned.url);
    const back = await fetch(returned.url, { redirect: 'manual' });
    assert.equal(back.status, 303);
    const page = new URL(back.headers.get('location')!);
    assert.equal(`${page.origin}${page.pathname}`, `${TEST_ORIGIN}/org`);
    const carried = new URLSearchParams(page.hash.slice(1)).get('acct_app');
    assert.ok(carried, 'the answer is in the fragment');
    return Object.fromEntries(new URLSearchParams(carried));
  }

  async function connect(who: TestUser, orgId: string): Promise<{ app: ConnectedApp; sub: string }> {
    const sub = `org-account-${process.pid}-${++subjects}`;
    op.addAccount({ sub });
    const finished = await who.client.post(`${base(orgId)}/callback`, await authorize(who, orgId, sub));
    assert.equal(finished.status, 201, JSON.stringify(finished.body));
    return { app: finished.body.app as ConnectedApp, sub };
  }

  const tokensOf = async (id: string) => {
    const row = await knex()('connected_apps').where({ id }).first();
    const binding = { id, organizationId: row.organization_id, provider: row.provider };
    return {
      row,
      access:
        row.access_token_encrypted &&
        openToken(server.services.envelope, row.access_token_encrypted, binding, 'access'),
      refresh:
        row.refresh_token_encrypted &&
        openToken(server.services.envelope, row.refresh_token_encrypted, binding, 'refresh'),
    };
  };

  const userinfo = (token: string) => fetch(`${op.issuer}/me`, { headers: { authorization: `Bearer ${token}` } });

  describe('connecting', () => {
    let crew: TestTeam;
    before(async () => {
      crew = await team(server);
    });

    it('lists the apps on offer to any member, none connected', async () => {
      const list = await crew.member.client.get(base(crew.id));
      assert.equal(list.status, 200);
      assert.deepEqual(list.body, {
        available: [
          {
            id: 'stagebook',
            name: 'Stagebook',
            iconUrl: 'https://example.test/stagebook.svg',
            scopes: ['openid', 'offline_access'],
          },
        ],
        connected: [],
      });
    });

    it('connects with the code flow: tokens sealed, account, scopes, who and when', async () => {
      await crew.admin.client.post('/api/onboarding/start', { role: 'producer' });
      const { app, sub } = await connect(crew.admin, crew.id);
      assert.equal(app.provider, 'stagebook');
      assert.equal(app.providerName, 'Stagebook');
      assert.equal(app.providerAccountId, sub);
      assert.deepEqual(new Set(app.scopes), new Set(['openid', 'offline_access']));
      assert.equal(app.connectedBy?.email, crew.admin.email);
      assert.ok(app.lastSyncAt && app.tokenExpiresAt);

      const { row, access, refresh } = await tokensOf(app.id);
      assert.ok(access && refresh, 'both tokens stored');
      assert.ok(!row.access_token_encrypted.includes(access) && !row.refresh_token_encrypted.includes(refresh));
      assert.equal((await userinfo(access)).status, 200, 'the stored access token works at the provider');
      const logged = log.lines.join('\n');
      assert.ok(!logged.includes(access) && !logged.includes(refresh), 'no token in the log');

      const listed = (await crew.member.client.get(base(crew.id))).body;
      assert.deepEqual(listed.connected, [app]);
    });

    it('completes the checklist item and the onboarding integrations step of the admin, and notifies them', async () => {
      const checklist = (await crew.admin.client.get('/api/checklist')).body;
      const item = checklist.items.find((i: { key: string }) => i.key === 'connect_integration');
      assert.equal(item.completed, true);
      const onboarding = (await crew.admin.client.get('/api/onboarding')).body;
      assert.ok(onboarding.completedSteps.includes('integrations'), JSON.stringify(onboarding.completedSteps));
      assert.deepEqual(onboarding.stepData.integrations, { connected: ['stagebook'] });
      const notified = await knex()('notifications')
        .where({ user_id: crew.admin.userId, event_type: 'app_connected' })
        .first();
      assert.match(notified?.title ?? '', /Stagebook/, 'the notification names the app');
    });

    it('connecting again replaces the tokens of the one connection', async () => {
      const before = (await crew.owner.client.get(base(crew.id))).body.connected as ConnectedApp[];
      const { app } = await connect(crew.owner, crew.id);
      assert.equal(app.id, before[0]!.id);
      assert.equal(app.connectedBy?.email, crew.owner.email);
      const listed = (await crew.member.client.get(base(crew.id))).body.connected as ConnectedApp[];
      assert.equal(listed.length, 1);
    });

    it('a plain member can neither connect nor disconnect (403)', async () => {
      const started = await crew.member.client.post(`${base(crew.id)}/stagebook/connect`, {});
      assert.equal(started.status, 403);
      assert.equal(started.body.error.code, 'forbidden_role');
      const [app] = (await crew.member.client.get(base(crew.id))).body.connected as ConnectedApp[];
      const removed = await crew.member.client.delete(`${base(crew.id)}/${app!.id}`);
      assert.equal(removed.status, 403);
    });

    it('an app not on offer is 404 unknown_app', async () => {
      const started = await crew.admin.client.post(`${base(crew.id)}/nope/connect`, {});
      assert.equal(started.status, 404);
      assert.equal(started.body.error.code, 'unknown_app');
    });
  });

  describe('refresh and disconnect', () => {
    it('the refresh job renews tokens that expire soon and sets last_sync_at', async () => {
      const crew = await team(server);
      const { app } = await connect(crew.admin, crew.id);
      const before = await tokensOf(app.id);
      await knex()('connected_apps')
        .where({ id: app.id })
        .update({ last_sync_at: new Date(Date.now() - 3600_000) });
      const grants = op.refreshGrants();
      assert.ok(JOBS.includes(refreshConnectedAppsJob as never) && refreshConnectedAppsJob.cron, 'scheduled');
      // Other tests' connections may be due as well: at least this one was refreshed.
      assert.ok((await refreshDueConnections(server.services)) >= 1);
      assert.ok(op.refreshGrants() > grants);
      const after = await tokensOf(app.id);
      assert.notEqual(after.access, before.access);
      assert.notEqual(after.refresh, before.refresh, 'the rotated refresh token is kept');
      assert.ok(after.row.last_sync_at.getTime() > Date.now() - 60_000);
      assert.equal((await userinfo(after.access)).status, 200);

      // Not due any more once its new expiry is far enough away.
      await knex()('connected_apps')
        .where({ id: app.id })
        .update({ token_expires_at: new Date(Date.now() + 3600_000) });
      await refreshDueConnections(server.services);
      const still = await tokensOf(app.id);
      assert.equal(still.refresh, after.refresh);
    });

    it('a refresh the app refuses leaves the connection as it was, and is logged without a token', async () => {
      const crew = await team(server);
      const { app } = await connect(crew.admin, crew.id);
      const before = await tokensOf(app.id);
      // Revoked at the app behind acct's back (an admin there removed the grant).
      const revoked = await fetch(`${op.issuer}/token/revocation`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${op.clientId}:${op.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ token: before.refresh, token_type_hint: 'refresh_token' }),
      });
      assert.equal(revoked.status, 200);
      const lines = log.lines.length;
      await refreshDueConnections(server.services);
      const after = await tokensOf(app.id);
      assert.equal(after.access, before.access);
      assert.equal(after.row.token_expires_at.getTime(), before.row.token_expires_at.getTime());
      const logged = log.lines.slice(lines).join('\n');
      assert.match(logged, /connected app: refresh failed/);
      assert.match(logged, /invalid_grant/);
      assert.ok(!logged.includes(before.refresh), 'no token in the log');
    });

    it('disconnecting revokes the tokens at the provider and drops them', async () => {
      const crew = await team(server);
      const { app } = await connect(crew.admin, crew.id);
      const { access } = await tokensOf(app.id);
      assert.equal((await userinfo(access)).status, 200);

      const removed = await crew.admin.client.delete(`${base(crew.id)}/${app.id}`);
      assert.equal(removed.status, 200, JSON.stringify(removed.body));
      assert.deepEqual(removed.body, { disconnected: true });
      const { row } = await tokensOf(app.id);
      assert.ok(row.disconnected_at);
      assert.equal(row.access_token_encrypted, null);
      assert.equal(row.refresh_token_encrypted, null);
      assert.equal((await userinfo(access)).status, 401, 'revoked upstream');
      assert.deepEqual((await crew.admin.client.get(base(crew.id))).body.connected, []);
      assert.equal((await crew.admin.client.delete(`${base(crew.id)}/${app.id}`)).status, 404, 'only once');
    });
  });

  describe('isolation and state', () => {
    let crew: TestTeam;
    let app: ConnectedApp;
    let outsider: TestUser;
    let otherId: string;
    before(async () => {
      crew = await team(server);
      ({ app } = await connect(crew.admin, crew.id));
      const other = await team(server, 'Other Crew');
      outsider = other.owner;
      otherId = other.id;
    });

    it("a member of another organization cannot see, connect or disconnect this one's apps (404)", async () => {
      const expectNotFound = (answer: JsonAnswer) => {
        assert.equal(answer.status, 404, JSON.stringify(answer.body));
        assert.equal(answer.body.error.code, 'not_found');
      };
      expectNotFound(await outsider.client.get(base(crew.id)));
      expectNotFound(await outsider.client.post(`${base(crew.id)}/stagebook/connect`, {}));
      expectNotFound(await outsider.client.delete(`${base(crew.id)}/${app.id}`));
      // Nor through their own organization's address.
      const own = (await outsider.client.get('/api/organizations')).body.organizations[0].id as string;
      expectNotFound(await outsider.client.delete(`${base(own)}/${app.id}`));
      assert.equal((await crew.member.client.get(base(crew.id))).body.connected.length, 1, 'still connected');
      expectNotFound(await outsider.client.get(`${base('not-a-uuid')}`));
    });

    it('a tampered state, a replay, another session or another organization connects nothing', async () => {
      const sub = `org-account-${process.pid}-${++subjects}`;
      op.addAccount({ sub });
      const answer = await authorize(crew.admin, crew.id, sub);
      // In one's own organization the attempt is refused; in another's, the organization is not there (F1).
      const refused = async (
        who: TestUser,
        orgId: string,
        body: Record<string, string>,
        code = 'connect_attempt_invalid',
      ) => {
        const res = await who.client.post(`${base(orgId)}/callback`, body);
        assert.equal(res.status, code === 'not_found' ? 404 : 400, JSON.stringify(res.body));
        assert.equal(res.body.error.code, code);
      };
      await refused(crew.admin, crew.id, { ...answer, state: `${answer.state!}x` });
      // Bound to the organization it was started for.
      await refused(crew.admin, otherId, answer, 'not_found');
      // The owner of the same organization, with their own session: not theirs to redeem.
      await refused(crew.owner, crew.id, answer);
      // Another signed-in account, in no organization.
      const again = await signedInUser(server, 'again');
      await refused(again, crew.id, answer, 'not_found');
      // The genuine redemption still works, once.
      const ok = await crew.admin.client.post(`${base(crew.id)}/callback`, answer);
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      await refused(crew.admin, crew.id, answer);
    });

    it('the callback page sends an unknown state nowhere, and a refusal at the provider connects nothing', async () => {
      const unknown = await fetch(`${server.url}${CALLBACK_PATH}?state=forged&code=abc`, { redirect: 'manual' });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.headers.get('location'), null);

      const started = await crew.admin.client.post(`${base(crew.id)}/stagebook/connect`, {});
      const state = new URL(started.body.url).searchParams.get('state')!;
      const res = await crew.admin.client.post(`${base(crew.id)}/callback`, { state, error: 'access_denied' });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'connect_refused');
    });
  });
});
