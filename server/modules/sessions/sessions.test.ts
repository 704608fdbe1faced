/**
 * Sessions through the real HTTP API on each database: what a session records, listing and
 * revoking, sign-out, idle and absolute expiry, bearer rotation, the hand-over code, and the JWT
 * for site backends (with its audience). docs/security.md C3 (revocation is immediate), C5 (timeouts),
 * C6 (rotation), B1 (one session from a code sent 20 times at once), F1 (another user's session
 * is not found).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import type { RunningServer } from '../../start';
import { latestMail, signedUpClient, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';
import { drainMailQueue } from '../../testing/mail';
import { issueToken } from '../one-time-tokens/one-time-tokens.queries';
import { hashToken } from '../../security/tokens';

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
    server = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60 sign-in:account=100/60' },
    });
  });
  after(() => server.close());

  it('answers /api/me without a session with 401 not_signed_in', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Cookie: '__Host-acct_session=forged' },
      { Authorization: 'Bearer ' + 'A'.repeat(43) },
    ];
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
      {
        type: current.deviceType,
        name: current.deviceName,
        browser: current.browser,
        os: current.os,
        ip: current.ipAddress,
        method: current.method,
      },
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
    const bobSession = (await bob.client.call('GET /api/me')).body.session.id;
    for (const id of [bobSession, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await alice.client.call('DELETE /api/sessions/:id', { params: { id } });
      assert.equal(res.status, 404);
      assert.equal(res.error?.code, 'not_found');
    }
    assert.equal((await bob.client.call('GET /api/me')).status, 200);
    const listed = (await alice.client.call('GET /api/sessions')).body.sessions.map((s) => s.id);
    assert.ok(!listed.includes(bobSession));
  });

  it('signs out all other devices', async () => {
    const { client: mine, email, password } = await signedUpClient(services(), server.url);
    const others = [await signInAs(email, password), await signInAs(email, password)];
    const res = await mine.call('POST /api/sessions/revoke-others');
    assert.deepEqual(res.body, { revoked: 2 });
    for (const other of others) assert.equal((await other.call('GET /api/me')).status, 401);
    assert.equal((await mine.call('GET /api/sessions')).body.sessions.length, 1);
  });

  it('signs out: the cookie is cleared, the session revoked and the event recorded', async () => {
    const { client, email, password } = await signedUpClient(services(), server.url);
    const cookie = client.sessionCookie!;
    const res = await client.call('POST /api/auth/sign-out');
    assert.deepEqual(res.body, { signedOut: true });
    assert.match(res.headers.getSetCookie()[0] ?? '', /^__Host-acct_session=;.*Expires=Thu, 01 Jan 1970/);
    const replay = new TestClient(server.url, { origin: TEST_ORIGIN });
    assert.equal((await replay.get('/api/me', { Cookie: `__Host-acct_session=${cookie}` })).status, 401);
    const again = await signInAs(email, password);
    const events = (await again.call('GET /api/login-history')).body.events.map((e) => e.eventType);
    assert.deepEqual(events.slice(0, 2), ['login_success', 'logout']);
  });

  it('ends a session after the idle timeout, and at the absolute one even under activity (C5)', async () => {
    const { client } = await signedUpClient(services(), server.url);
    const id = (await client.get('/api/me')).body.session.id;
    const expiresAt = (await knex()('user_sessions').where({ id }).first())!.expires_at;
    for (let i = 0; i < 5; i++) assert.equal((await client.get('/api/me')).status, 200);
    assert.deepEqual(
      (await knex()('user_sessions').where({ id }).first())!.expires_at,
      expiresAt,
      'activity never extends the absolute expiry',
    );

    await knex()('user_sessions')
      .where({ id })
      .update({ expires_at: knex().raw(`now() - interval '1 second'`) });
    assert.equal((await client.get('/api/me')).status, 401);

    const second = await signedUpClient(services(), server.url);
    const secondId = (await second.client.get('/api/me')).body.session.id;
    // Idle for longer than the idle timeout (14 days for cookies).
    await knex()('user_sessions')
      .where({ id: secondId })
      .update({ last_active_at: knex().raw(`now() - interval '15 days'`) });
    assert.equal((await second.client.get('/api/me')).status, 401);
  });

  it('writes last_active_at at most once a minute', async () => {
    const { client } = await signedUpClient(services(), server.url);
    const id = (await client.get('/api/me')).body.session.id;
    await knex()('user_sessions')
      .where({ id })
      .update({ last_active_at: knex().raw(`now() - interval '5 minutes'`) });
    await client.get('/api/me');
    const touched = (await knex()('user_sessions').where({ id }).first())!.last_active_at;
    assert.ok(Date.now() - touched.getTime() < 10_000);
    await client.get('/api/me');
    assert.deepEqual((await knex()('user_sessions').where({ id }).first())!.last_active_at, touched);
  });

  it('hands over exactly one session when a code is sent 20 times at once (B1)', async () => {
    const { email } = await signedUpClient(services(), server.url);
    const user = (await knex()('auth.users').where({ email }).first())!;
    const code = await issueToken(knex(), {
      userId: user.id,
      purpose: 'session_exchange',
      data: { method: 'magic_link' },
    });
    const before = await knex()('user_sessions').where({ user_id: user.id }).count({ n: '*' }).first();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/session/exchange', { code, confirm: true }),
      ),
    );
    assert.equal(answers.filter((a) => a.status === 200).length, 1);
    assert.ok(answers.filter((a) => a.status !== 200).every((a) => a.body.error.code === 'invalid_code'));
    const afterCount = await knex()('user_sessions').where({ user_id: user.id }).count({ n: '*' }).first();
    assert.equal(Number(afterCount!.n), Number(before!.n) + 1);
  });

  it('mails a security alert for a sign-in from a new kind of device, not for a known one', async () => {
    const { email, password } = await signedUpClient(services(), server.url);
    const mails = () =>
      services()
        .mail.outbox(500)
        .then((all) => all.filter((m) => m.to === email && m.template === 'newDevice'));
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
    for (let i = 0; i < 3; i++)
      await new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-in', {
        email,
        password: 'wrong password ' + i,
      });
    // A failed sign-in is recorded after its answer (passwords.service.ts, detached work).
    await services().detached.idle();
    const first = (await client.call('GET /api/login-history', { query: { limit: 2 } })).body;
    assert.equal(first.events.length, 2);
    assert.deepEqual(
      first.events.map((e) => e.failureReason),
      ['wrong_password', 'wrong_password'],
    );
    assert.ok(first.nextCursor);
    const second = (await client.call('GET /api/login-history', { query: { limit: 2, cursor: first.nextCursor } }))
      .body;
    assert.deepEqual(
      second.events.map((e) => e.eventType),
      ['login_failed', 'login_success'],
    );
    assert.equal(second.nextCursor, null);
    assert.equal((await client.call('GET /api/login-history', { query: { limit: 500 } })).status, 400);
  });

  describe('tokens for site backends', () => {
    it('issues an ES256 JWT that verifies against the JWKS, with sub, sid, email, aud and exp ≤ 5 min', async () => {
      const { client, email } = await signedUpClient(services(), server.url);
      const me = (await client.call('GET /api/me')).body;
      const { token, expiresAt } = (await client.call('GET /api/session/token')).body;

      // What a site backend does (docs/deploying.md "Verifying acct's tokens in a site backend"):
      const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
      const { payload, protectedHeader } = await jwtVerify(token, jwks, {
        issuer: server.url,
        audience: TEST_ORIGIN,
        algorithms: ['ES256'],
      });

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

    it('names its audience: by default the allowed origins, which a verifier for another audience refuses', async () => {
      const { client } = await signedUpClient(services(), server.url);
      const { token } = (await client.get('/api/session/token')).body;
      const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
      assert.equal(decodeJwt(token).aud, TEST_ORIGIN);
      await jwtVerify(token, jwks, { issuer: server.url, audience: TEST_ORIGIN });
      await assert.rejects(jwtVerify(token, jwks, { issuer: server.url, audience: 'https://other-site.example' }), {
        code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
        claim: 'aud',
      });
    });

    it('takes its audience from ACCT_JWT_AUDIENCE when set', async () => {
      const audiences = ['https://api.example.test', 'urn:example:billing'];
      const custom = await startTestServer(getDb(), { env: { ACCT_JWT_AUDIENCE: audiences.join(', ') } });
      try {
        const { client } = await signedUpClient(custom.services, custom.url);
        const { token } = (await client.get('/api/session/token')).body;
        assert.deepEqual(decodeJwt(token).aud, audiences);
        const jwks = createRemoteJWKSet(new URL(`${custom.url}/.well-known/jwks.json`));
        for (const audience of audiences) await jwtVerify(token, jwks, { issuer: custom.url, audience });
        await assert.rejects(jwtVerify(token, jwks, { issuer: custom.url, audience: TEST_ORIGIN }), {
          code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
          claim: 'aud',
        });
      } finally {
        await custom.close();
      }
    });

    it('needs a session', async () => {
      assert.equal((await new TestClient(server.url, { origin: TEST_ORIGIN }).get('/api/session/token')).status, 401);
    });
  });

  describe('transports', () => {
    it('names its cookie __Host- so a sibling subdomain cannot plant or shadow it, and reads no other', async () => {
      const { client, email, password } = await signedUpClient(server.services, server.url);
      const res = await new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-in', {
        email,
        password,
      });
      const cookie = res.headers.getSetCookie()[0] ?? '';
      assert.match(cookie, /^__Host-acct_session=[^;]+;/);
      for (const attribute of ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax'])
        assert.ok(cookie.includes(attribute), cookie);
      assert.doesNotMatch(cookie, /Domain=/i, 'a __Host- cookie has no Domain');
      // A cookie another subdomain set for the parent domain, under the name without the prefix.
      const planted = await new TestClient(server.url, { origin: TEST_ORIGIN }).get('/api/me', {
        Cookie: `acct_session=${client.sessionCookie}`,
      });
      assert.equal(planted.status, 401);
      // Before the real one, as a longer Path would put it: the real one is still the one read.
      const shadowed = await new TestClient(server.url, { origin: TEST_ORIGIN }).get('/api/me', {
        Cookie: `acct_session=forged; __Host-acct_session=${client.sessionCookie}`,
      });
      assert.equal(shadowed.status, 200);
    });

    it('sets a partitioned cookie when acct is on another site', async () => {
      const partitioned = await startTestServer(getDb(), { env: { ACCT_SESSION_TRANSPORT: 'partitioned-cookie' } });
      try {
        const { email, password } = await signedUpClient(partitioned.services, partitioned.url);
        const res = await new TestClient(partitioned.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-in', {
          email,
          password,
        });
        const cookie = res.headers.getSetCookie()[0] ?? '';
        for (const attribute of ['__Host-acct_session=', 'HttpOnly', 'Secure', 'SameSite=None', 'Partitioned'])
          assert.match(cookie, new RegExp(attribute));
      } finally {
        await partitioned.close();
      }
    });

    it('rotates bearer secrets on refresh; any replaced one reused after its grace period ends the session (C6)', async () => {
      const bearer = await startTestServer(getDb(), { env: { ACCT_SESSION_TRANSPORT: 'bearer' } });
      try {
        const knex = bearer.db.knex;
        const { client } = await signedUpClient(bearer.services, bearer.url);
        const holding = (secret: string) =>
          Object.assign(new TestClient(bearer.url, { origin: TEST_ORIGIN }), { bearer: secret });
        // A thief refreshes twice with a stolen secret: A → B → C.
        const a = client.bearer!;
        const toB = await holding(a).post('/api/session/refresh');
        assert.equal(toB.status, 200);
        const b = toB.body.session.token as string;
        const toC = await holding(b).post('/api/session/refresh');
        assert.equal(toC.status, 200);
        const c = toC.body.session.token as string;
        const id = toC.body.session.id as string;
        assert.equal(new Set([a, b, c]).size, 3);
        assert.equal((await holding(c).get('/api/me')).status, 200, 'the newest secret works');
        assert.equal(
          (await holding(b).get('/api/me')).status,
          200,
          'within its grace period, a replaced secret still works (requests in flight)',
        );
        assert.equal(
          Number((await knex('user_session_retired_secrets').where({ session_id: id }).count({ n: '*' }).first())!.n),
          2,
        );

        // The original, two rotations back, comes back after its grace period.
        await knex('user_session_retired_secrets')
          .where({ token_hash: hashToken(a) })
          .update({ retired_at: knex.raw(`now() - interval '1 minute'`) });
        assert.equal((await holding(a).get('/api/me')).status, 401);
        assert.ok((await knex('user_sessions').where({ id }).first())!.revoked_at, 'the reuse revoked the session');
        for (const secret of [c, b])
          assert.equal((await holding(secret).get('/api/me')).status, 401, 'for every holder');

        // Retired secrets go with their session.
        await knex('user_sessions').where({ id }).delete();
        assert.equal(
          Number((await knex('user_session_retired_secrets').where({ session_id: id }).count({ n: '*' }).first())!.n),
          0,
        );
      } finally {
        await bearer.close();
      }
    });

    it('ends the session when the secret replaced last is reused after its grace period (C6)', async () => {
      const bearer = await startTestServer(getDb(), { env: { ACCT_SESSION_TRANSPORT: 'bearer' } });
      try {
        const { client } = await signedUpClient(bearer.services, bearer.url);
        const old = client.bearer!;
        const refreshed = await client.post('/api/session/refresh');
        client.bearer = refreshed.body.session.token;
        const thief = Object.assign(new TestClient(bearer.url, { origin: TEST_ORIGIN }), { bearer: old });
        assert.equal(
          (await thief.get('/api/me')).status,
          200,
          'within the grace period, requests in flight still pass',
        );
        const knex = bearer.db.knex;
        await knex('user_session_retired_secrets')
          .where({ token_hash: hashToken(old) })
          .update({ retired_at: knex.raw(`now() - interval '31 seconds'`) });
        assert.equal((await thief.get('/api/me')).status, 401);
        assert.equal((await client.get('/api/me')).status, 401, 'the reuse revoked the session for every holder');
      } finally {
        await bearer.close();
      }
    });

    it('refreshes one session 10 times at once without an error: each retires the secret issued before it', async () => {
      const bearer = await startTestServer(getDb(), { env: { ACCT_SESSION_TRANSPORT: 'bearer' } });
      try {
        const { client } = await signedUpClient(bearer.services, bearer.url);
        const answers = await Promise.all(Array.from({ length: 10 }, () => client.post('/api/session/refresh')));
        assert.deepEqual(
          answers.map((r) => r.status),
          Array(10).fill(200),
        );
        const id = answers[0]!.body.session.id as string;
        assert.equal(
          Number(
            (await bearer.db.knex('user_session_retired_secrets').where({ session_id: id }).count({ n: '*' }).first())!
              .n,
          ),
          10,
        );
        const current = (await bearer.db.knex('user_sessions').where({ id }).first())!.session_token_hash;
        assert.equal(
          answers.filter((r) => hashToken(r.body.session.token) === current).length,
          1,
          'exactly one answer holds the current secret',
        );
      } finally {
        await bearer.close();
      }
    });

    it('uses shorter lifetimes for bearer sessions', async () => {
      const bearer = await startTestServer(getDb(), {
        env: { ACCT_SESSION_TRANSPORT: 'bearer', ACCT_REQUIRE_EMAIL_VERIFICATION: 'false' },
      });
      try {
        const res = await new TestClient(bearer.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-up', {
          email: uniqueEmail(),
          password: 'a fine long password',
        });
        const days = (new Date(res.body.session.expiresAt).getTime() - Date.now()) / 86_400_000;
        assert.ok(days > 6.9 && days <= 7, String(days));
      } finally {
        await bearer.close();
      }
    });
  });
});
