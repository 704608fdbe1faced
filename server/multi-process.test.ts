/**
 * Several acct processes on one PostgreSQL, as a site runs them behind a load balancer
 * (docs/deploying.md "Several processes"): real processes (server/main.ts), so nothing is shared but
 * the database. Started together on an empty database, they migrate in turn and make one signing
 * key; the rate limits hold exactly across them; a session ended through one is refused by the
 * others at once; each job — every mail — runs once. And `ACCT_PROCESSES=3`: one port served by
 * three processes, one that dies replaced, all stopped by one SIGTERM.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { messages } from './i18n';
import { uniqueEmail } from './testing/accounts';
import { createTestDatabase, type TestDatabase } from './testing/databases';
import { TestClient, TEST_ORIGIN } from './testing/http-client';
import {
  freePort,
  logLines,
  spawnServer,
  startServerProcess as startProcess,
  stopServerProcess as stop,
  waitForLog,
  type ServerProcess,
} from './testing/server-process';
import { SmtpSink } from './testing/smtp-sink';
import { TEST_ENCRYPTION_KEYS } from './testing/test-server';

const PASSWORD = 'correct horse battery staple';
const PRODUCT = 'Multi Test';
const SIGN_IN_CAPACITY = 30;

const skip = process.env.TEST_DATABASE_URL ? false : 'needs PostgreSQL (TEST_DATABASE_URL)';

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('several server processes on one PostgreSQL', { skip }, () => {
  const sink = new SmtpSink();
  let db: TestDatabase;
  let env: Record<string, string>;
  const processes: { server: ServerProcess; url: string }[] = [];
  /** A client of the i-th process (round the three). */
  const client = (i: number) => new TestClient(processes[i % processes.length]!.url, { origin: TEST_ORIGIN });

  before(async () => {
    await sink.start();
    db = await createTestDatabase('postgres', { migrate: false });
    env = {
      DATABASE_URL: db.url!,
      ACCT_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      ACCT_SMTP_URL: sink.url,
      ACCT_PRODUCT_NAME: PRODUCT,
      ACCT_REQUIRE_EMAIL_VERIFICATION: 'false',
      ACCT_SESSION_TRANSPORT: 'bearer',
      ACCT_ALLOWED_ORIGINS: TEST_ORIGIN,
      ACCT_LOG_LEVEL: 'info',
      ACCT_RATE_LIMITS: [
        `sign-in:ip=${SIGN_IN_CAPACITY}/86400`,
        'sign-in:account=100000/60 sign-up:ip=100000/60 mail:ip=100000/60 mail:address=100000/60',
      ].join(' '),
    };
    // Together, on a database nothing has migrated yet.
    processes.push(...(await Promise.all([startProcess(env), startProcess(env), startProcess(env)])));
  });

  after(async () => {
    await Promise.all(processes.map(({ server }) => stop(server)));
    await sink.stop();
    await db?.drop();
  });

  it('migrate in turn and make one signing key: the JWKS is the same from every process', async () => {
    const migrated = processes.filter(({ server }) => logLines(server, 'database migrated').length);
    assert.equal(migrated.length, 1, 'one process ran the migrations, the others found nothing to do');
    const keySets = await Promise.all(
      processes.map(({ url }) => fetch(`${url}/.well-known/jwks.json`).then((r) => r.json())),
    );
    assert.equal((keySets[0] as { keys: unknown[] }).keys.length, 1);
    for (const keys of keySets.slice(1)) assert.deepEqual(keys, keySets[0]);
  });

  it('admits exactly the capacity of a rate limit, whichever process each request reaches', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        client(i).post('/api/auth/sign-in', { email: uniqueEmail('nobody'), password: PASSWORD }),
      ),
    );
    const admitted = answers.filter((a) => a.status !== 429);
    assert.equal(admitted.length, SIGN_IN_CAPACITY);
    for (const answer of admitted) assert.equal(answer.status, 401);
  });

  it('refuses a session ended through one process in the others on the next request', async () => {
    const [first, second, third] = [client(0), client(1), client(2)];
    const signUp = await first.post('/api/auth/sign-up', { email: uniqueEmail('multi'), password: PASSWORD });
    assert.equal(signUp.status, 200, JSON.stringify(signUp.body));
    const token = signUp.body.session.token as string;
    for (const other of [first, second, third]) other.bearer = token;
    assert.equal((await second.get('/api/me')).status, 200);
    assert.equal((await third.get('/api/me')).status, 200);
    assert.equal((await first.post('/api/auth/sign-out', {})).status, 200);
    assert.equal((await second.get('/api/me')).status, 401);
    assert.equal((await third.get('/api/me')).status, 401);
  });

  it('runs each job once: every mail asked through any process is sent once', async () => {
    const emails = Array.from({ length: 12 }, () => uniqueEmail('mailed'));
    for (const [i, email] of emails.entries()) {
      assert.equal((await client(i).post('/api/auth/sign-up', { email, password: PASSWORD })).status, 200);
    }
    const forgot = await Promise.all(
      emails.map((email, i) => client(i + 1).post('/api/auth/password/forgot', { email })),
    );
    for (const answer of forgot) assert.equal(answer.status, 202, JSON.stringify(answer.body));
    const subject = messages('en').mail.resetPassword.subject(PRODUCT);
    const resets = (email: string) => sink.messages.filter((m) => m.to.includes(email) && m.subject === subject);
    for (const email of emails) await sink.waitFor((m) => m.to.includes(email) && m.subject === subject);
    // Long enough for any process that had taken a job twice to have sent it again.
    await sleep(3_000);
    for (const email of emails) assert.equal(resets(email).length, 1, `${email} got ${resets(email).length}`);
  });
});

describe('ACCT_PROCESSES', { skip }, () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('postgres');
  });
  after(async () => {
    await db?.drop();
  });

  it('serves one port from that many processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    const port = await freePort();
    const server = spawnServer({
      DATABASE_URL: db.url!,
      ACCT_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      ACCT_PROCESSES: '3',
      PORT: String(port),
      ACCT_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ACCT_LOG_LEVEL: 'info',
    });
    try {
      const started = (await waitForLog(server, 'acct is listening', 3)).map((line) => line.pid);
      assert.equal(new Set(started).size, 3, 'three processes');
      assert.ok(!started.includes(server.child.pid!), 'the primary serves nothing itself');
      for (let i = 0; i < 6; i++) assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);

      process.kill(started[0]!, 'SIGKILL');
      const [, , , replacement] = await waitForLog(server, 'acct is listening', 4);
      assert.ok(replacement && !started.includes(replacement.pid), 'a new process took its place');
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);

      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0);
      for (const pid of [...started.slice(1), replacement.pid]) assert.ok(!isRunning(pid), `process ${pid} stopped`);
    } finally {
      await stop(server);
    }
  });
});
