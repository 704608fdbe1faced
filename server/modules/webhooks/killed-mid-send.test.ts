/**
 * Nothing lost when the process dies mid-send (docs/security.md H3): a real acct process
 * (server/main.ts) takes a delivery job and is killed (SIGKILL) while the receiver holds its
 * request unanswered; after a restart on the same database, the delivery is sent again and
 * succeeds, recorded once; running the jobs again sends nothing more. On PostgreSQL and on an
 * embedded database in a folder (reopened after the kill, as a restarted process would).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase, type Database } from '../../db/database';
import type { RunningServer } from '../../start';
import { createTestDatabase, testDatabaseKinds } from '../../testing/databases';
import { jobWhere, makeJobDue, takeJobAndDie } from '../../testing/jobs';
import { team } from '../../testing/organizations';
import { spawnServer, waitForLog } from '../../testing/server-process';
import { startTestServer, TEST_ENCRYPTION_KEYS } from '../../testing/test-server';
import { answerWith, createWebhook, startReceiver } from './webhooks.fixtures';

const ENV = { ACCT_WEBHOOK_ALLOW_PRIVATE: 'true', ACCT_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS };

for (const kind of testDatabaseKinds()) {
  describe(`a webhook delivery whose process was killed mid-send (${kind})`, () => {
    it('is delivered after the restart, and recorded as succeeded once (H3)', { timeout: 180_000 }, async () => {
      const receiver = await startReceiver();
      const dir = kind === 'pglite' ? await mkdtemp(join(tmpdir(), 'acct-webhooks-')) : undefined;
      const pg = kind === 'postgres' ? await createTestDatabase('postgres') : undefined;
      const open = async (): Promise<Database> => pg ?? openDatabase({ dataDir: dir! });
      const inProcess = async (db: Database): Promise<RunningServer> =>
        startTestServer(db, { env: { ...ENV, ACCT_RUN_JOBS: 'false' } });
      try {
        // Set-up in this process: an organization, an endpoint, a test event queued.
        let db = await open();
        let server = await inProcess(db);
        const x = await team(server, 'Killed Org');
        const { webhook } = await createWebhook(x.admin, x.id, receiver.url);
        const queued = await x.admin.client.call('POST /api/organizations/:id/webhooks/:webhookId/test', {
          params: { id: x.id, webhookId: webhook.id },
          body: {},
        });
        const deliveryId = queued.body.delivery.id;
        await server.close();
        if (!pg) await db.close();

        // A real process takes the job; the receiver holds the request, and the process is killed.
        let held = () => {};
        const arrived = new Promise<void>((resolve) => (held = resolve));
        receiver.answer = () => held(); // never answers
        const child = spawnServer({ ...ENV, ...(pg ? { DATABASE_URL: pg.url! } : { ACCT_DATA_DIR: dir! }) });
        await waitForLog(child, 'acct is listening');
        await arrived;
        child.child.kill('SIGKILL');
        await child.exited;
        assert.equal(receiver.received.length, 1);

        // The restart: the same database, the job found dead (its expiry made to have passed), run again.
        receiver.answer = answerWith(200, 'ok');
        db = await open();
        server = await inProcess(db);
        const row = async () => db.knex('webhook_deliveries').where({ id: deliveryId }).first();
        assert.equal((await row()).status, 'pending', 'the killed attempt recorded nothing');
        const job = await jobWhere(db.knex, 'webhooks.deliver', 'deliveryId', deliveryId);
        assert.equal(job?.state, 'active', 'the job was taken by the killed process');
        await takeJobAndDie(db.knex, job.id, 3600);
        await server.services.jobs.drain(); // fails the dead job into its retry, as the supervisor would
        await makeJobDue(db.knex, job.id); // rather than wait for the retry's back-off
        await server.services.jobs.drain();
        assert.equal(receiver.received.length, 2, 'sent again after the restart');
        assert.deepEqual([(await row()).status, (await row()).response_status], ['succeeded', 200]);
        assert.equal(receiver.received[1]!.headers['webhook-id'], receiver.received[0]!.headers['webhook-id']);
        await server.services.jobs.drain();
        assert.equal(receiver.received.length, 2, 'a recorded success is never sent again');
        const rows = await db.knex('webhook_deliveries').where({ webhook_id: webhook.id });
        assert.equal(rows.length, 1);
        await server.close();
        if (!pg) await db.close();
      } finally {
        await receiver.close();
        await pg?.drop();
        if (dir) await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
