/**
 * `GET /api/session`, the elements' session check, on each database: `{user, session}` while
 * signed in (cookie or bearer), and `200 {user: null, session: null}` — not an error — for no
 * session, a forged one, a revoked one and an expired one, so that a signed-out page logs no
 * failed request. `/api/me` keeps its 401 for API users.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

const NOBODY = { user: null, session: null };

describeOnEachDatabase('GET /api/session', (getDb) => {
  let server: RunningServer;
  let bearer: RunningServer;

  before(async () => {
    const limits = { ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60' };
    server = await startTestServer(getDb(), { env: limits });
    bearer = await startTestServer(getDb(), {
      env: { ...limits, ACCT_SESSION_TRANSPORT: 'bearer', ACCT_REQUIRE_EMAIL_VERIFICATION: 'false' },
    });
  });
  after(async () => {
    await server.close();
    await bearer.close();
  });

  it('answers who is signed in, as /api/me does, never cached', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    const me = await client.get('/api/me');
    const res = await client.get('/api/session');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, me.body);
    assert.equal(res.body.user.email, me.body.user.email);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('access-control-allow-origin'), TEST_ORIGIN);
  });

  it('answers 200 with nobody, where /api/me answers 401, for a missing, forged or malformed session', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Cookie: '__Host-acct_session=forged' },
      { Authorization: `Bearer ${'A'.repeat(43)}` },
      { Authorization: 'Bearer' },
    ];
    for (const headers of attempts) {
      const client = new TestClient(server.url, { origin: TEST_ORIGIN });
      const res = await client.get('/api/session', headers);
      assert.equal(res.status, 200, JSON.stringify(headers));
      assert.deepEqual(res.body, NOBODY);
      assert.equal((await client.get('/api/me', headers)).status, 401);
    }
  });

  it('answers nobody on the very next check after the session is revoked from another device', async () => {
    const { client, email, password } = await signedUpClient(server.services, server.url);
    const other = new TestClient(server.url, { origin: TEST_ORIGIN });
    assert.equal((await other.post('/api/auth/sign-in', { email, password })).status, 200);
    const mine = (await client.get('/api/session')).body.session.id as string;
    assert.equal((await other.delete(`/api/sessions/${mine}`)).status, 200);
    assert.deepEqual((await client.get('/api/session')).body, NOBODY);
    assert.equal((await other.get('/api/session')).body.user.email, email);
  });

  it('answers nobody for an expired session', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    const id = (await client.get('/api/session')).body.session.id as string;
    await server.db
      .knex('user_sessions')
      .where({ id })
      .update({ expires_at: server.db.knex.raw("now() - interval '1 second'") });
    assert.deepEqual((await client.get('/api/session')).body, NOBODY);
  });

  it('reads a bearer token, and never hands it back', async () => {
    const client = new TestClient(bearer.url, { origin: TEST_ORIGIN });
    const signUp = await client.post('/api/auth/sign-up', {
      email: `bearer-${crypto.randomUUID()}@example.test`,
      password: 'correct horse battery staple',
    });
    assert.equal(signUp.status, 200);
    client.bearer = signUp.body.session.token;
    const res = await client.get('/api/session');
    assert.equal(res.body.user.email, signUp.body.user.email);
    assert.deepEqual(Object.keys(res.body.session).sort(), ['expiresAt', 'id']);
  });
});
