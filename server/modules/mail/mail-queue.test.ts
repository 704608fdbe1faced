/**
 * The mail queue against a real SMTP server (server/testing/smtp-sink.ts) on each database:
 * delivery of the verification mail with text and HTML parts, the product name and a working
 * link; bodies cleared once sent and sealed while waiting; and docs/security.md I3 — with the mail
 * server down, sign-up and forgotten password answer as usual, the message waits in the queue
 * with its attempt, error and next retry recorded, and is delivered once the server is back; a
 * worker that died mid-send loses its claim when the lease expires; the retry schedule ends in
 * 'failed'. The tests drive the job runner themselves (`drain()`), with the server's own worker off
 * (`ACCT_RUN_JOBS=false`): a job it had just fetched would be in flight, neither here nor there,
 * while a test reads the job's state.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { followLink, linkIn, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { drainMailQueue } from '../../testing/mail';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { SmtpSink } from '../../testing/smtp-sink';
import { startTestServer } from '../../testing/test-server';
import { jobWhere, makeJobDue, takeJobAndDie, type JobRow } from '../../testing/jobs';
import { MAIL_RETRY, sendMailJob } from './mail-queue';

const PRODUCT = 'Stagehand Test';
const PASSWORD = 'correct horse battery staple';

interface MailRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  body_encrypted: string | null;
  sent_at: Date | null;
}

/** Bounds of the delay before retry n (1-based): pg-boss waits delay·2^(n−1) plus up to as much again. */
function retryWindow(n: number): [number, number] {
  const base = MAIL_RETRY.delaySeconds * 2 ** (n - 1);
  return [base, 2 * base];
}

describeOnEachDatabase('mail queue over SMTP', (getDb) => {
  const sink = new SmtpSink();
  let server: RunningServer;
  let client: TestClient;

  before(async () => {
    await sink.start();
    server = await startTestServer(getDb(), {
      env: {
        ACCT_SMTP_URL: sink.url,
        ACCT_DEV_OUTBOX: '', // unset: a server that sends real mail has no outbox
        ACCT_PRODUCT_NAME: PRODUCT,
        ACCT_RUN_JOBS: 'false',
        ACCT_RATE_LIMITS: 'sign-up:ip=1000/60 mail:ip=1000/60 mail:address=1000/60',
      },
    });
    client = new TestClient(server.url, { origin: TEST_ORIGIN });
  });
  after(async () => {
    await server.close();
    await sink.stop();
  });

  /** The newest queued message to an address. */
  async function rowFor(email: string): Promise<MailRow> {
    const { rows } = await server.db.knex.raw(
      `select id, status, attempts, last_error, body_encrypted, sent_at
       from mail_queue where to_address = ? order by created_at desc limit 1`,
      [email],
    );
    assert.ok(rows[0], `nothing queued for ${email}`);
    return rows[0];
  }

  /** Worker passes until everything due now was attempted (see drainMailQueue for why one call is not enough). */
  const runWorkerNow = () => drainMailQueue(server.services);

  /** The `mail.send` job of a message. */
  async function jobOf(mailId: string): Promise<JobRow> {
    const job = await jobWhere(server.db.knex, sendMailJob.name, 'mailId', mailId);
    assert.ok(job, `no job for ${mailId}`);
    return job;
  }

  /** Makes a message's retry due now (as if its time had come) and runs the worker. */
  async function retryNow(mailId: string): Promise<void> {
    await makeJobDue(server.db.knex, (await jobOf(mailId)).id);
    await runWorkerNow();
  }

  const mailTo = (email: string) => sink.waitFor((m) => m.to.includes(email));

  /** Signs up a fresh address while the mail server is down: its verification mail fails once. */
  async function signUpWhileDown(): Promise<{ email: string; answer: { status: number; body: unknown } }> {
    await sink.stop();
    const email = uniqueEmail('queued');
    const answer = await client.post('/api/auth/sign-up', {
      email,
      password: PASSWORD,
      redirectUrl: `${TEST_ORIGIN}/welcome`,
    });
    await runWorkerNow();
    return { email, answer };
  }

  it('has no development outbox when it sends real mail', async () => {
    const res = await client.get('/api/dev/outbox');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'not_found');
  });

  it('delivers the verification mail with text and HTML parts, the product name and a working link', async () => {
    const email = uniqueEmail('welcome');
    assert.equal(
      (await client.post('/api/auth/sign-up', { email, password: PASSWORD, redirectUrl: `${TEST_ORIGIN}/welcome` }))
        .status,
      202,
    );
    await runWorkerNow();
    const message = await mailTo(email);
    assert.match(message.subject, new RegExp(PRODUCT));
    assert.match(message.from, /@/);
    assert.ok(message.text.includes(PRODUCT));
    assert.match(message.html, /<a href="http:\/\/[^"]+\/auth\/verify-email\?token=[\w-]{43}"/);

    const link = linkIn(message);
    assert.equal(link.origin + link.pathname, `${server.url}/auth/verify-email`);
    assert.ok(message.html.includes(link.href), 'the HTML part carries the same link');
    const page = await fetch(link);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Confirm my email/);
    const confirmed = await followLink(client, link);
    assert.equal(confirmed.status, 303);
    assert.match(confirmed.location ?? '', /^http:\/\/localhost:5173\/welcome#acct_code=/);
  });

  it('keeps nothing of a delivered message but its envelope: status sent, body cleared', async () => {
    const email = uniqueEmail('sent');
    await client.post('/api/auth/sign-up', { email, password: PASSWORD });
    await runWorkerNow();
    await mailTo(email);
    const row = await rowFor(email);
    assert.equal(row.status, 'sent');
    assert.equal(row.body_encrypted, null);
    assert.ok(row.sent_at);
    assert.equal(row.attempts, 1);
    assert.equal(row.last_error, null);
  });

  it('answers sign-up and forgotten password as usual while the mail server is down (I3)', async () => {
    const verified = uniqueEmail('verified');
    await client.post('/api/auth/sign-up', { email: verified, password: PASSWORD });
    await runWorkerNow();
    assert.equal((await followLink(client, linkIn(await mailTo(verified)))).status, 200);
    try {
      const { answer } = await signUpWhileDown();
      assert.equal(answer.status, 202);
      assert.deepEqual(answer.body, { status: 'verification_sent' });
      const forgot = await client.post('/api/auth/password/forgot', { email: verified });
      assert.equal(forgot.status, 202);
      assert.deepEqual(forgot.body, { status: 'reset_sent' });
      await runWorkerNow();
      assert.equal((await rowFor(verified)).status, 'pending', 'the reset mail waits too');
    } finally {
      await sink.start();
    }
  });

  it('keeps a message that could not be sent pending, with the attempt, the error and the next retry', async () => {
    try {
      const { email } = await signUpWhileDown();
      const row = await rowFor(email);
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /ECONNREFUSED|connect/i);
      assert.ok(row.body_encrypted, 'the body is kept for the retry');
      const job = await jobOf(row.id);
      const [earliest, latest] = retryWindow(1);
      assert.equal(job.state, 'retry');
      assert.ok(
        job.due_in > earliest - 10 && job.due_in <= latest,
        `next attempt in ${job.due_in} s, expected ${earliest}–${latest} s`,
      );
    } finally {
      await sink.start();
    }
  });

  it('delivers a waiting message once the mail server is back: nothing is lost', async () => {
    let email: string;
    try {
      ({ email } = await signUpWhileDown());
    } finally {
      await sink.start();
    }
    await retryNow((await rowFor(email)).id);
    const message = await mailTo(email);
    assert.equal((await fetch(linkIn(message))).status, 200, 'the delayed link still works');
    const row = await rowFor(email);
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 2);
    assert.equal(row.body_encrypted, null);
  });

  it('keeps waiting bodies sealed: the link and its token appear nowhere in the stored row', async () => {
    let email: string;
    let stored: string;
    try {
      ({ email } = await signUpWhileDown());
      const { id } = await rowFor(email);
      stored = (await server.db.knex.raw('select m::text as row from mail_queue m where id = ?', [id])).rows[0].row;
    } finally {
      await sink.start();
    }
    await retryNow((await rowFor(email)).id);
    const link = linkIn(await mailTo(email));
    const token = link.searchParams.get('token')!;
    assert.match(token, /^[\w-]{43}$/);
    assert.ok(!stored.includes(token), 'the token is stored in clear');
    assert.ok(!stored.includes('/auth/verify-email'), 'the link is stored in clear');
    assert.ok(!stored.includes('Confirm my email'), 'the body is stored in clear');
  });

  it('takes over a message whose worker died mid-send, once its job expires and not before', async () => {
    let email: string;
    try {
      ({ email } = await signUpWhileDown());
    } finally {
      await sink.start();
    }
    const { id } = await rowFor(email);
    const knex = server.db.knex;
    const job = await jobOf(id);
    // Another worker took it a moment ago: it is still running there, so nobody else sends it.
    await takeJobAndDie(knex, job.id, 1);
    await runWorkerNow();
    assert.equal((await jobOf(id)).state, 'active');
    assert.equal(sink.messages.filter((m) => m.to.includes(email)).length, 0);
    // That worker died: once the job outlives its time limit it is failed into a retry and sent.
    await takeJobAndDie(knex, job.id, (sendMailJob.expireInSeconds ?? 0) + 1);
    await runWorkerNow();
    assert.equal((await jobOf(id)).state, 'retry');
    await retryNow(id);
    await mailTo(email);
    assert.equal((await rowFor(email)).status, 'sent');
    assert.equal((await jobOf(id)).state, 'completed');
  });

  it(`retries ${MAIL_RETRY.limit} times with back-off from ${MAIL_RETRY.delaySeconds} s, then marks the message failed`, async () => {
    try {
      const { email } = await signUpWhileDown();
      const { id } = await rowFor(email);
      for (let failures = 1; failures <= MAIL_RETRY.limit; failures++) {
        const row = await rowFor(email);
        const job = await jobOf(id);
        assert.equal(row.attempts, failures);
        assert.equal(row.status, 'pending', `after failure ${failures}`);
        assert.equal(job.state, 'retry');
        const [earliest, latest] = retryWindow(failures);
        assert.ok(
          job.due_in > earliest - 10 && job.due_in <= latest,
          `after failure ${failures}: next in ${job.due_in} s, expected ${earliest}–${latest} s`,
        );
        await retryNow(id);
      }
      const last = await rowFor(email);
      assert.equal(last.status, 'failed');
      assert.equal(last.attempts, MAIL_RETRY.limit + 1);
      assert.match(last.last_error ?? '', /ECONNREFUSED|connect/i);
      assert.equal((await jobOf(id)).state, 'completed', 'given up: the job is done with');
      await server.services.mail.deliver(id);
      assert.equal((await rowFor(email)).attempts, MAIL_RETRY.limit + 1, 'a failed message is not tried again');
    } finally {
      await sink.start();
    }
  });
});
