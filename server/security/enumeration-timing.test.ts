/**
 * No timing gap between known and unknown addresses (docs/security.md A4; issue 8 measured known
 * addresses 2–4 ms slower on sign-in, forgotten password and resend, from the writes only a known
 * address needs — a token, a queued mail, a login-history line). Those writes now happen after the
 * answer (server/jobs/detached-work.ts), and an unknown address pays one argon2 verify like a
 * wrong password.
 *
 * What is checked is the cause, not a stopwatch (wall-clock times on a shared machine vary by tens
 * of milliseconds): the database statements a request runs *before its answer* are the same, in
 * the same order, for a known and an unknown address. The answer's moment is when the server
 * writes the request's log line (on `finish`); every statement is timed by Knex's `query` event.
 * The work after the answer is checked to happen at all (the mail is queued, the failure logged).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../start';
import { latestMail, signedUpClient, uniqueEmail } from '../testing/accounts';
import { CapturedLog } from '../testing/captured-log';
import { describeOnEachDatabase } from '../testing/databases';
import { TestClient, TEST_ORIGIN, type JsonAnswer } from '../testing/http-client';
import { startTestServer } from '../testing/test-server';

describeOnEachDatabase('the same work before answering for known and unknown addresses (A4)', (getDb) => {
  const log = new CapturedLog();
  const statements: { at: number; sql: string }[] = [];
  let server: RunningServer;
  let client: TestClient;
  let verified: string;
  let unconfirmed: string;

  before(async () => {
    server = await startTestServer(getDb(), {
      logTo: log,
      env: {
        ACCT_RATE_LIMITS:
          'sign-in:ip=1000/60 sign-in:account=1000/60 mail:ip=1000/60 mail:address=1000/60 sign-up:ip=1000/60',
      },
    });
    client = new TestClient(server.url, { origin: TEST_ORIGIN });
    verified = (await signedUpClient(server.services, server.url)).email;
    unconfirmed = uniqueEmail('unconfirmed');
    await client.post('/api/auth/sign-up', { email: unconfirmed, password: 'correct horse battery staple' });
    await server.services.detached.idle();
    server.db.knex.on('query', ({ sql }: { sql: string }) => statements.push({ at: performance.now(), sql }));
  });
  after(() => server.close());

  /** The statements `send` ran before its answer (the mail worker's own, which poll on a timer, left out). */
  async function beforeAnswer(send: () => Promise<JsonAnswer>): Promise<string[]> {
    await server.services.detached.idle();
    const started = performance.now();
    const res = await send();
    assert.ok(res.status < 500, `answered ${res.status}`);
    const answered = log.answeredAt(res.headers.get('x-request-id'));
    assert.ok(answered, 'the answer was logged');
    await server.services.detached.idle();
    return statements.filter((s) => s.at >= started && s.at <= answered && !/mail_queue/.test(s.sql)).map((s) => s.sql);
  }

  it('sign-in: a wrong password runs what an unknown address runs; the failure is recorded afterwards', async () => {
    const send = (email: string) => () =>
      client.post('/api/auth/sign-in', { email, password: 'not the password at all' });
    const known = await beforeAnswer(send(verified));
    assert.deepEqual(known, await beforeAnswer(send(uniqueEmail('nobody'))));
    assert.ok(!known.some((sql) => /login_history/.test(sql)));
    const failure = await server.db
      .knex('login_history')
      .where({ event_type: 'login_failed' })
      .orderBy('created_at', 'desc')
      .first();
    assert.equal(failure?.failure_reason, 'wrong_password');
  });

  it('forgotten password: a known address runs what an unknown one runs; its mail is queued afterwards', async () => {
    const send = (email: string) => () => client.post('/api/auth/password/forgot', { email });
    const known = await beforeAnswer(send(verified));
    assert.deepEqual(known, await beforeAnswer(send(uniqueEmail('nobody'))));
    assert.ok(!known.some((sql) => /one_time_tokens/.test(sql)));
    assert.equal((await latestMail(server.services, verified)).template, 'resetPassword');
  });

  it('resending a confirmation: an unconfirmed address runs what an unknown one runs; its mail is queued afterwards', async () => {
    const send = (email: string) => () => client.post('/api/auth/verification/resend', { email });
    const known = await beforeAnswer(send(unconfirmed));
    assert.deepEqual(known, await beforeAnswer(send(uniqueEmail('nobody'))));
    assert.ok(!known.some((sql) => /one_time_tokens/.test(sql)));
    assert.equal((await latestMail(server.services, unconfirmed)).template, 'verifyEmail');
  });

  it('sign-up: a taken, an unconfirmed and a new address run the same statements before answering', async () => {
    const send = (email: string) => () =>
      client.post('/api/auth/sign-up', { email, password: 'correct horse battery staple' });
    const fresh = await beforeAnswer(send(uniqueEmail('new')));
    assert.deepEqual(await beforeAnswer(send(verified)), fresh);
    assert.deepEqual(await beforeAnswer(send(unconfirmed)), fresh);
  });
});
