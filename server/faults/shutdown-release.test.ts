/**
 * Graceful shutdown under load, with work in progress (issue 15, docs/deploying.md "Several
 * processes"): a process whose mail server never answers has taken a mail job when it is told to
 * stop; it waits its shutdown timeout for the job (requests in flight get their answers meanwhile:
 * server/main.test.ts), then releases it — failed into its retry and due at once, not left "active" until its expiry
 * minutes later — and exits 0. A second process, with a working mail server, sends that mail.
 */
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { JOB_SCHEMA } from '../jobs/pg-boss-db';
import { sendMailJob } from '../modules/mail/mail-queue';
import { uniqueEmail } from '../testing/accounts';
import { createTestDatabase, type TestDatabase } from '../testing/databases';
import { TestClient, TEST_ORIGIN } from '../testing/http-client';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../testing/server-process';
import { SmtpSink } from '../testing/smtp-sink';
import { TEST_ENCRYPTION_KEYS } from '../testing/test-server';

const skip = process.env.TEST_DATABASE_URL ? false : 'needs PostgreSQL (TEST_DATABASE_URL)';

/** A "mail server" that accepts connections and never says a word: a send hangs on its greeting. */
async function silentMailServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('graceful shutdown with a job in progress', { skip }, () => {
  const sink = new SmtpSink();
  let silent: Awaited<ReturnType<typeof silentMailServer>>;
  let db: TestDatabase;
  const started: ServerProcess[] = [];
  let env: Record<string, string>;

  before(async () => {
    await sink.start();
    silent = await silentMailServer();
    db = await createTestDatabase('postgres');
    env = {
      DATABASE_URL: db.url!,
      ACCT_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      ACCT_ALLOWED_ORIGINS: TEST_ORIGIN,
      ACCT_REQUIRE_EMAIL_VERIFICATION: 'false',
      ACCT_SESSION_TRANSPORT: 'bearer',
      ACCT_LOG_LEVEL: 'info',
      ACCT_SHUTDOWN_TIMEOUT_MS: '1500',
    };
  });
  after(async () => {
    await Promise.all(started.map(stopServerProcess));
    await silent?.close();
    await sink.stop();
    await db?.drop();
  });

  /** The newest mail job's state, and whether it is due now. */
  const mailJob = async () => {
    const { rows } = (await db.knex.raw(
      `select state::text as state, start_after <= now() as due from ${JOB_SCHEMA}.job
        where name = ? order by created_on desc limit 1`,
      [sendMailJob.name],
    )) as { rows: { state: string; due: boolean }[] };
    return rows[0];
  };

  it('releases the job it could not finish, and another process sends it', async () => {
    const stuck = await startServerProcess({ ...env, ACCT_SMTP_URL: silent.url });
    started.push(stuck.server);
    const client = new TestClient(stuck.url, { origin: TEST_ORIGIN });
    const email = uniqueEmail('released');
    assert.equal(
      (await client.post('/api/auth/sign-up', { email, password: 'correct horse battery staple' })).status,
      200,
    );
    assert.equal((await client.post('/api/auth/password/forgot', { email })).status, 202);

    // The reset mail is taken by the stuck process and hangs on the silent server.
    const waitingSince = Date.now();
    while ((await mailJob())?.state !== 'active' && Date.now() - waitingSince < 20_000) await sleep(50);
    assert.equal((await mailJob())?.state, 'active', 'the mail job was taken');

    stuck.server.child.kill('SIGTERM');
    assert.equal(await stuck.server.exited, 0);
    assert.match(stuck.server.output(), /released jobs still running at shutdown/);

    const released = await mailJob();
    assert.equal(released?.state, 'retry', 'released into its retry, not left active until it expires');
    assert.equal(released?.due, true, 'due at once');

    const healthy = await startServerProcess({ ...env, ACCT_SMTP_URL: sink.url });
    started.push(healthy.server);
    await sink.waitFor((m) => m.to.includes(email), 20_000);
    const deadline = Date.now() + 10_000;
    while ((await mailJob())?.state !== 'completed' && Date.now() < deadline) await sleep(100);
    assert.equal((await mailJob())?.state, 'completed');
    assert.equal(sink.messages.filter((m) => m.to.includes(email)).length, 1, 'sent once');
  });
});
