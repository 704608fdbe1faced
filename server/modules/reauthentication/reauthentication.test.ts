/**
 * Step-up re-authentication through the real HTTP API on each database (docs/security.md F3): an
 * old session proves it is its user again — with the password, or with a passkey answered by a
 * software authenticator — and may then make sensitive changes without signing out; a wrong
 * proof is refused, recorded and rate-limited; the refreshed proof expires after ten minutes,
 * belongs to one session only, and is seen by another server on the same database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { team } from '../../testing/organizations';
import { SoftAuthenticator } from '../../testing/soft-authenticator';
import { startTestServer } from '../../testing/test-server';

const ENV = {
  ACCT_SESSION_TRANSPORT: 'bearer',
  ACCT_RATE_LIMITS: 'sign-in:ip=10000/60 sign-up:ip=1000/60 mail:ip=1000/60 passkey-options:ip=1000/60',
};

describeOnEachDatabase('re-authentication (F3)', (getDb) => {
  let server: RunningServer;
  const knex = () => server.db.knex;

  before(async () => {
    server = await startTestServer(getDb(), { env: ENV });
  });
  after(() => server.close());

  const sessionIdOf = async (client: TestClient): Promise<string> => (await client.get('/api/me')).body.session.id;

  /** Makes the session's sign-in (and any re-authentication) eleven minutes old. */
  async function age(client: TestClient): Promise<void> {
    const stale = knex().raw(`now() - interval '11 minutes'`);
    await knex()('user_sessions')
      .where({ id: await sessionIdOf(client) })
      .update({
        created_at: stale,
        reauthenticated_at: knex().raw(
          `case when reauthenticated_at is null then null else now() - interval '11 minutes' end`,
        ),
      });
  }

  /** A signed-up user (with a password) with one passkey, whose session is already too old for changes. */
  async function oldSessionWithPasskey() {
    const account = await signedUpClient(server.services, server.url);
    const authenticator = new SoftAuthenticator();
    const options = (await account.client.post('/api/passkeys/register/options')).body;
    const added = await account.client.post('/api/passkeys/register/verify', {
      response: authenticator.register(options),
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    await age(account.client);
    return { ...account, authenticator, passkeyId: added.body.passkey.id as string };
  }

  const removePasskey = (client: TestClient, id: string) => client.call('DELETE /api/passkeys/:id', { params: { id } });

  async function historyOf(client: TestClient) {
    return (await client.get('/api/login-history')).body.events as { eventType: string; success: boolean }[];
  }

  describe('GET /api/auth/reauthenticate', () => {
    it('lists the methods the user has, and until when the last proof counts', async () => {
      const { client } = await signedUpClient(server.services, server.url);
      const before = await client.call('GET /api/auth/reauthenticate');
      assert.deepEqual(before.body.methods, ['password']);
      assert.ok(Date.parse(before.body.recentUntil) > Date.now() + 9 * 60_000);
      const options = (await client.post('/api/passkeys/register/options')).body;
      await client.post('/api/passkeys/register/verify', { response: new SoftAuthenticator().register(options) });
      assert.deepEqual((await client.call('GET /api/auth/reauthenticate')).body.methods, ['password', 'passkey']);
      const anonymous = new TestClient(server.url, { origin: TEST_ORIGIN });
      assert.equal((await anonymous.call('GET /api/auth/reauthenticate')).status, 401);
    });
  });

  describe('with the password', () => {
    it('lets an old session remove a passkey after proving it, without signing out', async () => {
      const { client, password, passkeyId } = await oldSessionWithPasskey();
      const refused = await removePasskey(client, passkeyId);
      assert.deepEqual([refused.status, refused.error?.code], [403, 'reauthentication_required']);
      const before = await sessionIdOf(client);

      const proved = await client.call('POST /api/auth/reauthenticate', { body: { method: 'password', password } });
      assert.equal(proved.status, 200, JSON.stringify(proved.body));
      assert.ok(Date.parse(proved.body.recentUntil) > Date.now() + 9 * 60_000);

      assert.equal((await removePasskey(client, passkeyId)).status, 200);
      assert.equal(await sessionIdOf(client), before, 'the same session, still signed in');
      const events = await historyOf(client);
      assert.ok(events.some((e) => e.eventType === 'reauthenticated' && e.success));
    });

    it('refuses a wrong password (401), records it, and counts it against the account rate limit', async () => {
      const { client, password, passkeyId } = await oldSessionWithPasskey();
      const wrong = await client.call('POST /api/auth/reauthenticate', {
        body: { method: 'password', password: 'nope' },
      });
      assert.deepEqual([wrong.status, wrong.error?.code], [401, 'reauthentication_failed']);
      assert.equal((await removePasskey(client, passkeyId)).status, 403, 'still not admitted');
      assert.ok((await historyOf(client)).some((e) => e.eventType === 'reauthentication_failed' && !e.success));

      // sign-in:account allows 10 attempts per window by default: the right password is refused too once spent.
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push(
          (await client.call('POST /api/auth/reauthenticate', { body: { method: 'password', password: 'nope' } }))
            .status,
        );
      }
      assert.ok(statuses.includes(429), `rate-limited: ${statuses.join(',')}`);
      const right = await client.call('POST /api/auth/reauthenticate', { body: { method: 'password', password } });
      assert.deepEqual([right.status, right.error?.code], [429, 'too_many_requests']);
      assert.equal((await removePasskey(client, passkeyId)).status, 403);
    });

    it('expires ten minutes after the re-authentication', async () => {
      const { client, password, passkeyId } = await oldSessionWithPasskey();
      await client.call('POST /api/auth/reauthenticate', { body: { method: 'password', password } });
      await age(client);
      const stale = await removePasskey(client, passkeyId);
      assert.deepEqual([stale.status, stale.error?.code], [403, 'reauthentication_required']);
    });

    it("refreshes only the session that proved it, not the user's other sessions", async () => {
      const { client: a, email, password, passkeyId } = await oldSessionWithPasskey();
      const b = new TestClient(server.url, { origin: TEST_ORIGIN });
      const signIn = await b.post('/api/auth/sign-in', { email, password });
      assert.equal(signIn.status, 200, JSON.stringify(signIn.body));
      b.bearer = signIn.body.session.token;
      await age(b);
      assert.equal(
        (await a.call('POST /api/auth/reauthenticate', { body: { method: 'password', password } })).status,
        200,
      );
      const fromB = await removePasskey(b, passkeyId);
      assert.deepEqual([fromB.status, fromB.error?.code], [403, 'reauthentication_required']);
      assert.equal((await removePasskey(a, passkeyId)).status, 200);
    });

    it('is seen at once by another server on the same database', async () => {
      const other = await startTestServer(getDb(), { env: ENV });
      try {
        const { client, password, passkeyId } = await oldSessionWithPasskey();
        const viaOther = new TestClient(other.url, { origin: TEST_ORIGIN });
        viaOther.bearer = client.bearer;
        assert.equal((await removePasskey(viaOther, passkeyId)).status, 403);
        assert.equal(
          (await client.call('POST /api/auth/reauthenticate', { body: { method: 'password', password } })).status,
          200,
        );
        assert.equal((await removePasskey(viaOther, passkeyId)).status, 200);
      } finally {
        await other.close();
      }
    });
  });

  describe('with a passkey', () => {
    it("admits an assertion of the user's passkey for a challenge of this session", async () => {
      const { client, authenticator, passkeyId } = await oldSessionWithPasskey();
      const options = await client.call('POST /api/auth/reauthenticate/passkey-options');
      assert.equal(options.status, 200);
      assert.deepEqual(
        options.body.allowCredentials?.map((c) => c.id),
        [authenticator.id],
      );
      const proved = await client.post('/api/auth/reauthenticate', {
        method: 'passkey',
        response: authenticator.authenticate(options.body),
      });
      assert.equal(proved.status, 200, JSON.stringify(proved.body));
      assert.equal((await removePasskey(client, passkeyId)).status, 200);
    });

    it("refuses a challenge of another session, a replayed assertion and another user's passkey", async () => {
      const { client: a, email, password, authenticator } = await oldSessionWithPasskey();
      const b = new TestClient(server.url, { origin: TEST_ORIGIN });
      b.bearer = (await b.post('/api/auth/sign-in', { email, password })).body.session.token;
      const options = (await a.post('/api/auth/reauthenticate/passkey-options')).body;
      const response = authenticator.authenticate(options);
      const fromB = await b.call('POST /api/auth/reauthenticate', { body: { method: 'passkey', response } });
      assert.deepEqual([fromB.status, fromB.error?.code], [401, 'reauthentication_failed']);
      // B's attempt did not burn A's challenge: the challenge is bound to A, which still uses it once.
      assert.equal((await a.post('/api/auth/reauthenticate', { method: 'passkey', response })).status, 200);
      assert.equal((await a.post('/api/auth/reauthenticate', { method: 'passkey', response })).status, 401);

      const stranger = await oldSessionWithPasskey();
      const strangerOptions = (await stranger.client.post('/api/auth/reauthenticate/passkey-options')).body;
      const foreign = await stranger.client.post('/api/auth/reauthenticate', {
        method: 'passkey',
        response: authenticator.authenticate(strangerOptions),
      });
      assert.equal(foreign.status, 401);
    });

    it('refuses a method the user does not have, or that no module offers yet', async () => {
      const { client } = await signedUpClient(server.services, server.url);
      const options = await client.post('/api/auth/reauthenticate/passkey-options');
      const passkey = await client.post('/api/auth/reauthenticate', {
        method: 'passkey',
        response: new SoftAuthenticator().authenticate(options.body),
      });
      assert.deepEqual([passkey.status, passkey.body.error.code], [400, 'reauthentication_method_unavailable']);
      const totp = await client.call('POST /api/auth/reauthenticate', { body: { method: 'totp', code: '123456' } });
      assert.deepEqual([totp.status, totp.error?.code], [400, 'reauthentication_method_unavailable']);
    });
  });

  describe('API tokens', () => {
    it('need a recent proof to be created or revoked', async () => {
      const crew = await team(server);
      const body = { name: 'Billing', scopes: ['members:read' as const] };
      const created = await crew.admin.client.call('POST /api/organizations/:id/api-tokens', {
        params: { id: crew.id },
        body,
      });
      assert.equal(created.status, 201);
      await age(crew.admin.client);
      const stale = await crew.admin.client.call('POST /api/organizations/:id/api-tokens', {
        params: { id: crew.id },
        body,
      });
      assert.deepEqual([stale.status, stale.error?.code], [403, 'reauthentication_required']);
      const revoke = await crew.admin.client.call('DELETE /api/organizations/:id/api-tokens/:tokenId', {
        params: { id: crew.id, tokenId: created.body.token.id },
      });
      assert.deepEqual([revoke.status, revoke.error?.code], [403, 'reauthentication_required']);
    });
  });
});
