/**
 * Rate limits through the real sign-in endpoint on each database (docs/security.md A1–A3): exact
 * admission under 200 truly parallel requests, per-account throttling that hides whether the
 * account exists, per-address buckets with IPv6 counted by /64, and X-Forwarded-For honoured only
 * from a trusted proxy.
 */
import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import { loadConfig } from '../../config';
import { signedUpClient, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

const signIn = (url: string, email: string, headers: Record<string, string> = {}) =>
  new TestClient(url, { origin: TEST_ORIGIN, headers }).post('/api/auth/sign-in', {
    email,
    password: 'a wrong password',
  });

describeOnEachDatabase('rate limits over HTTP', (getDb) => {
  // Every test signs in from 127.0.0.1: each starts with empty buckets.
  beforeEach(() => getDb().knex('rate_limit_buckets').delete());

  it('admits exactly C of 200 parallel sign-ins from one address; the rest get 429 with Retry-After (A3)', async () => {
    const capacity = 12;
    const server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: `sign-in:ip=${capacity}/3600` } });
    try {
      const answers = await Promise.all(Array.from({ length: 200 }, () => signIn(server.url, uniqueEmail())));
      assert.equal(answers.filter((a) => a.status === 401).length, capacity);
      const throttled = answers.filter((a) => a.status === 429);
      assert.equal(throttled.length, 200 - capacity);
      assert.ok(
        throttled.every((a) => a.body.error.code === 'too_many_requests' && Number(a.headers.get('retry-after')) > 0),
      );
    } finally {
      await server.close();
    }
  });

  it('ignores a spoofed X-Forwarded-For unless the proxy is trusted (A3)', async () => {
    const untrusted = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'sign-in:ip=3/3600' } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await signIn(untrusted.url, uniqueEmail(), { 'X-Forwarded-For': `198.51.100.${i}` })).status);
      assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
    } finally {
      await untrusted.close();
    }
    const trusted = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: 'sign-in:ip=3/3600', ACCT_TRUST_PROXY: 'loopback' },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await signIn(trusted.url, uniqueEmail(), { 'X-Forwarded-For': `198.51.100.${i}` })).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401], 'each client address has its own bucket');
    } finally {
      await trusted.close();
    }
  });

  it('counts an IPv6 client by its /64 (A2)', async () => {
    const server = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: 'sign-in:ip=2/3600', ACCT_TRUST_PROXY: 'loopback' },
    });
    try {
      const from = (ip: string) => signIn(server.url, uniqueEmail(), { 'X-Forwarded-For': ip }).then((a) => a.status);
      assert.deepEqual(
        [
          await from('2001:db8:1:2::1'),
          await from('2001:db8:1:2:ffff::9'),
          await from('2001:db8:1:2::abcd'),
          await from('2001:db8:1:3::1'),
        ],
        [401, 401, 429, 401],
      );
    } finally {
      await server.close();
    }
  });

  it('throttles one account from many addresses, the same for known and unknown accounts (A1)', async () => {
    const server = await startTestServer(getDb(), {
      env: { ACCT_TRUST_PROXY: 'loopback', ACCT_RATE_LIMITS: 'mail:ip=1000/60' },
    });
    try {
      const { email, password } = await signedUpClient(server.services, server.url);
      const unknown = uniqueEmail('ghost');
      const attack = async (target: string) => {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++)
          statuses.push((await signIn(server.url, target, { 'X-Forwarded-For': `192.0.2.${i}` })).status);
        return statuses;
      };
      const known = await attack(email);
      assert.deepEqual(known, [...Array(10).fill(401), 429, 429], 'at most 10 guesses in a row');
      assert.deepEqual(await attack(unknown), known, 'an unknown account looks exactly the same');
      // While throttled even the right password is not evaluated.
      const owner = await new TestClient(server.url, {
        origin: TEST_ORIGIN,
        headers: { 'X-Forwarded-For': '192.0.2.200' },
      }).post('/api/auth/sign-in', { email, password });
      assert.equal(owner.status, 429);
      // A failed sign-in is recorded after its answer (passwords.service.ts, detached work).
      await server.services.detached.idle();
      const evaluated = await server.db
        .knex('login_history')
        .join('auth.users', 'auth.users.id', 'login_history.user_id')
        .where({ email, event_type: 'login_failed' })
        .count({ n: '*' })
        .first();
      assert.equal(Number(evaluated!.n), 10);
    } finally {
      await server.close();
    }
  });
});

it('evaluates at most 100 passwords per account in any hour with the default policy (A1)', () => {
  const { capacity, refillSeconds } = loadConfig({}).rateLimits['sign-in:account'];
  assert.ok(capacity <= 10);
  assert.ok(capacity + 3600 / refillSeconds <= 100, `${capacity} + ${3600 / refillSeconds}`);
});
