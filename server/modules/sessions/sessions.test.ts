/**
 * Sessions through the real HTTP API on each database: what a session records, listing and
 * revoking, sign-out, idle and absolute expiry, bearer rotation, the hand-over code, and the JWT
 * for site backends. SECURITY.md C3 (revocation is immediate), C5 (timeouts), C6 (rotation),
 * B1 (one session from a code sent 20 times at once), F1 (another user's session is not found).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, jwtVerify, decodeProtectedHeader } from 'jose';
import type { RunningServer } from '../../start';
import { latestMail, signedUpClient, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';
import { drainMailQueue } from '../../testing/mail';
import { issueToken } from '../one-time-tokens/one-time-tokens';

const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describeOnEachDatabase('sessions', (getDb) => {
  let server: RunningServer;
  const services = () => server.services;
  const knex = () => server.db.knex;
  const signInAs = async (email: string, password: string, userAgent?: string) => {
    const c = new TestClient(server.url, { origin: TEST_ORIGIN, ...(userAgent ? { userAgent } : {}) });
    const res = await c.post('/api/auth/sign-in', { email, password });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return c;
  };

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60 sign-in:account=100/60' } });
  });
  after(() => server.close());

  it('answers /api/me without a session with 401 not_signed_in', async () => {
    const attempts: Record<string, string>[] = [{}, { Cookie: 'acct_session=forged' }, { Authorization: 'Bearer ' + 'A'.repeat(43) }];
    for (const headers of attempts) {
      const res = await new TestClient(server.url, { origin: TEST_ORIGIN }).get('/api/me', headers);
      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'not_signed_in');
    }
  });

  it('records the device, browser, OS and address of each session and marks the current one', async () => {
    const { email, password } = await signedUpClient(services(), server.url);
    const mac = await signInAs(email, password, FIREFOX_MAC);
    await signInAs(email, password, SAFARI_IPHONE);
    const { sessions } = (await mac.get('/api/sessions')).body;
    assert.equal(sessions.length, 3);
    const current = sessions.find((s: { current: boolean }) => s.current);
    assert.deepEqual(
      { type: current.deviceType, name: current.deviceName, browser: current.browser, os: current.os, ip: current.ipAddress, method: current.method },
      { type: 'desktop', name: 'Mac', browser: 'Firefox 128', os: 'Mac OS 14.5', ip: '127.0.0.1', method: 'password' },
    );
    const phone = sessions.find((s: { browser: string }) => s.browser?.startsWith('Mobile Safari'));
    assert.equal(phone.deviceType, 'mobile');
    assert.equal(phone.deviceName, 'iPhone');
  });

  it('takes the address and place from proxy headers only when the proxy is trusted', async () => {
    const headers = { 'X-Forwarded-For': '203.0.113.9', 'CF-IPCity': 'Lisbon', 'CF-IPCountry': 'PT' };
    const { email, password } = await signedUpClient(services(), server.url);
    const untrusted = new TestClient(server.url, { origin: TEST_ORIGIN, headers });
    await untrusted.post('/api/auth/sign-in', { email, password });
    const seen = (await untrusted.get('/api/sessions')).body.sessions.find((s: { current: boolean }) => s.current);
    assert.deepEqual([seen.ipAddress, seen.city, seen.country], ['127.0.0.1', null, null]);

    const proxied = await startTestServer(getDb(), { env: { ACCT_TRUST_PROXY: 'loopback' } });
    try {
      const trusted = new TestClient(proxied.url, { origin: TEST_ORIGIN, headers });
      await trusted.post('/api/auth/sign-in', { email, password });
      const via = (await trusted.get('/api/sessions')).body.sessions.find((s: { current: boolean }) => s.current);
      assert.deepEqual([via.ipAddress, via.city, via.country], ['203.0.113.9', 'Lisbon', 'PT']);
    } finally {
      await proxied.close();
    }
  });

  it('revokes one of my sessions: it fails on the very next request, 100 replays out of 100 (C3)', async () => {
    const { client: mine, email, password } = await signedUpClient(services(), server.url);
    const other = await signInAs(email, password);
    const otherId = (await other.get('/api/me')).body.session.id;
    const res = await mine.delete(`/api/sessions/${otherId}`);
    assert.deepEqual([res.status, res.body], [200, { revoked: true }]);
    const replays = await Promise.all(Array.from({ length: 100 }, () => other.get('/api/me')));
    assert.equal(replays.filter((r) => r.status !== 401).length, 0);
    assert.equal((await mine.get('/api/me')).status, 200);
  });

  it("cannot see or revoke another user's session: 404, nothing changed (F1)", async () => {
    const alice = await signedUpClient(services(), server.url);
    const bob = await signedUpClient(services(), server.url);
    const bobSession = (await bob.client.get('/api/me')).body.session.id;
    for (const id of [bobSession, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await alice.client.delete(`/api/sessions/${id}`);
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'not_found');
    }
    assert.equal((await bob.client.get('/api/me')).status, 200);
    const listed = (await alice.client.get('/api/sessions')).body.sessions.map((s: { id: string }) => s.id);
    assert.ok(!listed.includes(bobSession));
  });

  it('signs out all other devices', async () => {
    const { client: mine, email, password } = await signedUpClient(services(), server.url);
    const others = [await signInAs(email, password), await signInAs(email, password)];
    const res = await mine.post('/api/sessions/revoke-others');
    assert.deepEqual(res.body, { revoked: 2 });
    for (const other of others) assert.equal((await other.get('/api/me')).status, 401);
    assert.equal((await mine.get('/api/sessions')).body.sessions.length, 1);
  });

  it('signs out: the cookie is cleared, the session revoked and the event recorded', async () => {
    const { client, email, password } = await signedUpClient(services(), server.url);
    const cookie = client.sessionCookie!;
    const res = await client.post('/api/auth/sign-out');
    assert.deepEqual(res.body, { signedOut: true });
    assert.match(res.headers.getSetCookie()[0] ?? '', /^acct_session=;.*Expires=Thu, 01 Jan 1970/);
    const replay = new TestClient(server.url, { origin: TEST_ORIGIN });
    assert.equal((await replay.get('/api/me', { Cookie: `acct_session=${cookie}` })).status, 401);
    const again = await signInAs(email, password);
    const events = (await again.get('/api/login-history')).body.events.map((e: { eventType: string }) => e.eventType);
    assert.deepEqual(events.slice(0, 2), ['login_success', 'logout']);
  });

  it('ends a session after the idle timeout, and at the absolute one even under activity (C5)', async () => {
    const { client } = await signedUpClient(services(), server.url);
    const id = (await client.get('/api/me')).body.session.id;
    const expiresAt = (await knex()('user_sessions').where({ id }).first())!.expires_at;
    for (let i = 0; i < 5; i++) assert.equal((await client.get('/api/me')).status, 200);
    assert.deepEqual((await knex()('user_sessions').where({ id }).first())!.expires_at, expiresAt, 'activity never extends the absolute expiry');

    await knex()('user_sessions').where({ id }).update({ expires_at: knex().raw(`now() - interval '1 second'`) });
    assert.equal((await client.get('/api/me')).status, 401);

    const second = await signedUpClient(services(), server.url);
    const secondId = (await second.client.get('/api/me')).body.session.id;
    // Idle for longer than the idle timeout (14 days for cookies).
    await knex()('user_sessions').where({ id: secondId }).update({ last_active_at: knex().raw(`now() - interval '15 days'`) });
    assert.equal((await second.client.get('/api/me')).status, 401);
  });

  it('writes last_active_at at most once a minute', async () => {
    const { client } = await signedUpClient(services(), server.url);
    const id = (await client.get('/api/me')).body.session.id;
    await knex()('user_sessions').where({ id }).update({ last_active_at: knex().raw(`now() - interval '5 minutes'`) });
    await client.get('/api/me');
    const touched = (await knex()('user_sessions').where({ id }).first())!.last_active_at;
    assert.ok(Date.now() - touched.getTime() < 10_000);
    await client.get('/api/me');
    assert.deepEqual((await knex()('user_sessions').where({ id }).first())!.last_active_at, touched);
  });

  it('hands over exactly one session when a code is sent 20 times at once (B1)', async () => {
    const { email } = await signedUpClient(services(), server.url);
    const user = (await knex()('auth.users').where({ email }).first())!;
    const code = await issueToken(knex(), { userId: user.id, purpose: 'session_exchange', data: { method: 'magic_link' } });
    const before = await knex()('user_sessions').where({ user_id: user.id }).count({ n: '*' }).first();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/session/exchange', { code, confirm: true })),
    );
    assert.equal(answers.filter((a) => a.status === 200).length, 1);
    assert.ok(answers.filter((a) => a.status !== 200).every((a) => a.body.error.code === 'invalid_code'));
    const afterCount = await knex()('user_sessions').where({ user_id: user.id }).count({ n: '*' }).first();
    assert.equal(Number(afterCount!.n), Number(before!.n) + 1);
  });

  it('mails a security alert for a sign-in from a new kind of device, not for a known one', async () => {
    const { email, password } = await signedUpClient(services(), server.url);
    const mails = () => services().mail.outbox(500).then((all) => all.filter((m) => m.to === email && m.template === 'newDevice'));
    await drainMailQueue(services());
    const before = (await mails()).length;
    await signInAs(email, password); // the same Chrome on Linux as at sign-up
    await drainMailQueue(services());
    assert.equal((await mails()).length, before);
    await signInAs(email, password, SAFARI_IPHONE);
    const alert = await latestMail(services(), email, 'newDevice');
    assert.match(alert.text, /Mobile Safari 17 on iOS 17/);
  });

  it('pages the login history newest first', async () => {
    const { client, email } = await signedUpClient(services(), server.url);
    for (let i = 0; i < 3; i++) await new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-in', { email, password: 'wrong password ' + i });
    const first = (await client.get('/api/login-history?limit=2')).body;
    assert.equal(first.events.length, 2);
    assert.deepEqual(first.events.map((e: { failureReason: string }) => e.failureReason), ['wrong_password', 'wrong_password']);
    const second = (await client.get(`/api/login-history?limit=2&cursor=${first.nextCursor}`)).body;
    assert.deepEqual(second.events.map((e: { eventType: string }) => e.eventType), ['login_failed', 'login_success']);
    assert.equal(second.nextCursor, null);
    assert.equal((await client.get('/api/login-history?limit=500')).status, 400);
  });

  describe('tokens for site backends', () => {
    it('issues an ES256 JWT that verifies against the JWKS, with sub, sid, email and exp ≤ 5 min', async () => {
      const { client, email } = await signedUpClient(services(), server.url);
      const me = (await client.get('/api/me')).body;
      const { token, expiresAt } = (await client.get('/api/session/token')).body;

      // What a site backend does (README "Verifying acct's tokens"):
      const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
      const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer: server.url, algorithms: ['ES256'] });

      assert.equal(protectedHeader.alg, 'ES256');
      assert.deepEqual([payload.sub, payload.sid, payload.email], [me.user.id, me.session.id, email]);
      assert.ok(payload.exp! - payload.iat! <= 300);
      assert.equal(new Date(expiresAt).getTime(), payload.exp! * 1000);
    });

    it('keeps verifying tokens of a rotated key while the new key signs', async () => {
      const { client } = await signedUpClient(services(), server.url);
      const before = (await client.get('/api/session/token')).body.token;
      const newKid = await services().signingKeys.rotate();
      const after = (await client.get('/api/session/token')).body.token;
      assert.equal(decodeProtectedHeader(after).kid, newKid);
      assert.notEqual(decodeProtectedHeader(before).kid, newKid);
      const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
      await jwtVerify(before, jwks);
      await jwtVerify(after, jwks);
    });

    it('needs a session', async () => {
      assert.equal((await new TestClient(server.url, { origin: TEST_ORIGIN }).get('/api/session/token')).status, 401);
    });
  });

  describe('transports', () => {
    it('sets a partitioned cookie when acct is on another site', async () => {
      const partitioned = await startTestServer(getDb(), { env: { ACCT_SESSION_TRANSPORT: 'partitioned-cookie' } });
      try {
        const { email, password } = await signedUpClient(partitioned.services, partitioned.url);
        const res = await new TestClient(partitioned.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-in', { email, password });
        const cookie = res.headers.getSetCookie()[0] ?? '';
        for (const attribute of ['HttpOnly', 'Secure', 'SameSite=None', 'Partitioned']) assert.match(cookie, new RegExp(attribute));
      } finally {
        await partitioned.close();
      }
    });

    it('rotates bearer secrets on refresh; a stolen old one reused after the grace period ends the session (C6)', async () => {
      const bearer = await startTestServer(getDb(), { env: { ACCT_SESSION_TRANSPORT: 'bearer' } });
      try {
        const { client } = await signedUpClient(bearer.services, bearer.url);
        const old = client.bearer!;
        const refreshed = await client.post('/api/session/refresh');
        assert.equal(refreshed.status, 200);
        const fresh = refreshed.body.session.token as string;
        assert.notEqual(fresh, old);
        const thief = new TestClient(bearer.url, { origin: TEST_ORIGIN });
        thief.bearer = old;
        assert.equal((await thief.get('/api/me')).status, 200, 'within the grace period, requests in flight still pass');

        const id = refreshed.body.session.id;
        await bearer.db.knex('user_sessions').where({ id }).update({ token_rotated_at: bearer.db.knex.raw(`now() - interval '1 minute'`) });
        assert.equal((await thief.get('/api/me')).status, 401);
        client.bearer = fresh;
        assert.equal((await client.get('/api/me')).status, 401, 'the reuse revoked the session for every holder');
        assert.ok((await bearer.db.knex('user_sessions').where({ id }).first())!.revoked_at);
      } finally {
        await bearer.close();
      }
    });

    it('uses shorter lifetimes for bearer sessions', async () => {
      const bearer = await startTestServer(getDb(), { env: { ACCT_SESSION_TRANSPORT: 'bearer', ACCT_REQUIRE_EMAIL_VERIFICATION: 'false' } });
      try {
        const res = await new TestClient(bearer.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-up', { email: uniqueEmail(), password: 'a fine long password' });
        const days = (new Date(res.body.session.expiresAt).getTime() - Date.now()) / 86_400_000;
        assert.ok(days > 6.9 && days <= 7, String(days));
      } finally {
        await bearer.close();
      }
    });
  });
});
