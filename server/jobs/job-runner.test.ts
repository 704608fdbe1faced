/**
 * The job runner (server/jobs/job-runner.ts) on each database: a job queued inside a transaction
 * exists only if it commits; failures retry on pg-boss's back-off and end failed; the schedules are
 * declared. Then with real processes (server/testing/job-worker-process.ts): two workers on one
 * PostgreSQL run each of many jobs exactly once, and a worker killed mid-job leaves the job to be
 * taken again and finished by the next process — on PostgreSQL by a second process, on the
 * embedded database by the same folder opened again after the kill. And stop(): it resolves only
 * once pg-boss has nothing in flight — a cron pass blocked in the database is waited for — and
 * what a job that outlived the shutdown leaves behind never turns into an unhandled rejection once
 * the database is gone (a test dropping its database right after stopping a server did that).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createLogger } from '../http/logging';
import type { Services } from '../services';
import { createTestDatabase, describeOnEachDatabase, testDatabaseKinds, type TestDatabase } from '../testing/databases';
import { jobWhere, makeJobDue } from '../testing/jobs';
import { createJobRunsTable, crashOnceJob, recordJob, TEST_JOBS } from '../testing/job-worker-process';
import { DetachedWork } from './detached-work';
import { declareJobQueues, JobRunner } from './job-runner';
import { defineJob } from './jobs';
import { JOBS } from './registry';

const WORKER_SCRIPT = fileURLToPath(new URL('../testing/job-worker-process.ts', import.meta.url));
const logger = createLogger('silent');

let failures = 0;
const failingJob = defineJob<{ key: string }>({
  name: 'test.always-fails',
  handler: () => {
    failures++;
    return Promise.reject(new Error('the far end is down'));
  },
  retry: { limit: 3, delaySeconds: 10, backoff: true },
});

interface Worker {
  child: ChildProcess;
  /** Resolves when the worker has printed `line` (now or before); rejects after `seconds`. */
  printed(line: string, seconds?: number): Promise<void>;
}

/** A worker process on `target`; resolves once it takes jobs. */
async function startWorker(target: string): Promise<Worker> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT, target], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const waiting = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    output += String(chunk);
    for (const check of waiting) check();
  });
  const printed = (line: string, seconds = 60) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`the worker did not print "${line}" within ${seconds} s; it printed:\n${output}`));
      }, seconds * 1000);
      const check = () => {
        if (!output.split('\n').includes(line)) return;
        waiting.delete(check);
        clearTimeout(timer);
        resolve();
      };
      waiting.add(check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited (${code}) before printing "${line}"`));
      });
      check();
    });
  await printed('ready');
  return { child, printed };
}

async function stopWorker({ child }: Worker): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, seconds = 30): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function runsOf(knex: Knex, key: string, event: string): Promise<number> {
  const [row] = await knex('job_runs').where({ job_key: key, event }).count<{ n: number }[]>('* as n');
  return Number(row!.n);
}

describeOnEachDatabase('the job runner', (getDb, kind) => {
  let runner: JobRunner;

  before(async () => {
    const db = getDb();
    await createJobRunsTable(db.knex);
    await declareJobQueues(db.knex, [...TEST_JOBS, failingJob]);
    runner = new JobRunner({ knex: db.knex, logger, definitions: [...TEST_JOBS, failingJob], work: false });
    await runner.start({ db, logger, detached: new DetachedWork(logger) } as unknown as Services);
  });
  after(async () => {
    await runner.stop();
  });

  it('queues a job inside a transaction: it exists only if the transaction commits', async () => {
    const knex = getDb().knex;
    await knex
      .transaction(async (trx) => {
        await runner.send(recordJob, { key: 'rolled-back' }, { db: trx });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await knex.transaction(async (trx) => {
      await runner.send(recordJob, { key: 'committed' }, { db: trx });
    });
    assert.equal(await jobWhere(knex, recordJob.name, 'key', 'rolled-back'), undefined);
    assert.equal((await jobWhere(knex, recordJob.name, 'key', 'committed'))?.state, 'created');
    assert.equal(await runner.drain(), 1);
    assert.equal(await runsOf(knex, 'committed', 'ran'), 1);
    assert.equal((await jobWhere(knex, recordJob.name, 'key', 'committed'))?.state, 'completed');
  });

  it(
    'drains a due job whose row another worker has locked while taking it',
    { skip: kind !== 'postgres' && 'an embedded database has one connection: no other can hold a lock' },
    async () => {
      // A worker's fetch locks the row before it marks the job active; drain's own fetch skips
      // locked rows, so without waiting it would return with the job still to run (CI saw a
      // verification mail missing that way, just after a drain).
      const knex = getDb().knex;
      await runner.send(recordJob, { key: 'locked' });
      const { id } = (await jobWhere(knex, recordJob.name, 'key', 'locked'))!;
      const locker = await knex.transaction();
      await locker.raw(`select id from pgboss.job where id = ? for update`, [id]);
      const draining = runner.drain();
      await sleep(300);
      await locker.commit();
      assert.equal(await draining, 1);
      assert.equal(await runsOf(knex, 'locked', 'ran'), 1);
    },
  );

  it('retries a failing job with exponential back-off, then marks it failed', async () => {
    const knex = getDb().knex;
    failures = 0;
    await runner.send(failingJob, { key: 'backoff' });
    const { limit, delaySeconds } = failingJob.retry!;
    for (let failed = 1; failed <= limit; failed++) {
      await runner.drain();
      const job = (await jobWhere(knex, failingJob.name, 'key', 'backoff'))!;
      assert.equal(job.state, 'retry');
      assert.equal(job.retry_count, failed - 1, 'pg-boss counts a retry when it starts');
      // Retry n waits delay·2^(n−1), plus up to as much again (jitter).
      const base = delaySeconds * 2 ** (failed - 1);
      assert.ok(job.due_in > base - 5 && job.due_in <= 2 * base, `retry ${failed}: due in ${job.due_in} s`);
      assert.equal(await runner.drain(), 0, 'not before it is due');
      await makeJobDue(knex, job.id);
    }
    await runner.drain();
    assert.equal((await jobWhere(knex, failingJob.name, 'key', 'backoff'))?.state, 'failed');
    assert.equal(failures, limit + 1);
  });

  it('declares a queue for every job and a schedule for the periodic ones', async () => {
    const db = getDb();
    const server = new JobRunner({ knex: db.knex, logger, definitions: JOBS, work: true, pollingSeconds: 60 });
    await server.start({ db, logger, detached: new DetachedWork(logger) } as unknown as Services);
    await server.stop();
    const queues = (await db.knex('pgboss.queue').pluck('name')) as string[];
    for (const job of JOBS) assert.ok(queues.includes(job.name), `no queue for ${job.name}`);
    const schedules = await db.knex('pgboss.schedule').select('name', 'cron');
    assert.deepEqual(
      schedules.map((s: { name: string; cron: string }) => [s.name, s.cron]).sort(),
      JOBS.filter((j) => j.cron)
        .map((j) => [j.name, j.cron])
        .sort(),
    );
  });

  it(
    'runs each job once with two worker processes on one database',
    { skip: kind !== 'postgres' && 'an embedded database belongs to one process' },
    async () => {
      const { knex, url } = getDb();
      const workers = await Promise.all([startWorker(url!), startWorker(url!)]);
      try {
        const keys = Array.from({ length: 40 }, (_, i) => `parallel-${i}`);
        for (const key of keys) await runner.send(recordJob, { key });
        await waitFor('every job to run', async () => {
          const [row] = await knex('job_runs').where('job_key', 'like', 'parallel-%').count<{ n: number }[]>('* as n');
          return Number(row!.n) >= keys.length ? true : undefined;
        });
        await sleep(1500); // a job run twice would show up by now
        const runs = await knex('job_runs').where('job_key', 'like', 'parallel-%').select('job_key', 'pid');
        assert.equal(runs.length, keys.length, 'a job ran twice');
        assert.deepEqual(new Set(runs.map((r: { job_key: string }) => r.job_key)).size, keys.length);
        const pids = new Set(runs.map((r: { pid: number }) => r.pid));
        assert.ok(pids.size === 2, `both processes took jobs (${pids.size})`);
      } finally {
        await Promise.all(workers.map(stopWorker));
      }
    },
  );

  it(
    'finishes a job whose process was killed mid-job, in the next process',
    { skip: kind !== 'postgres' && 'see the embedded database’s own test below' },
    async () => {
      const { knex, url } = getDb();
      const first = await startWorker(url!);
      await runner.send(crashOnceJob, { key: 'killed' });
      await waitFor('the job to start', async () => ((await runsOf(knex, 'killed', 'started')) ? true : undefined));
      await stopWorker(first);
      const second = await startWorker(url!);
      try {
        await waitFor('the job to finish', async () => ((await runsOf(knex, 'killed', 'done')) ? true : undefined));
        assert.equal(await runsOf(knex, 'killed', 'started'), 2);
        assert.equal((await jobWhere(knex, crashOnceJob.name, 'key', 'killed'))?.state, 'completed');
      } finally {
        await stopWorker(second);
      }
    },
  );
});

describeOnEachDatabase('the job runner on an embedded database in a folder', (_getDb, kind) => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'acct-jobs-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'finishes a job whose process was killed mid-job, after a restart',
    { skip: kind !== 'pglite' && 'runs once' },
    async () => {
      const setup = await openDatabase({ dataDir: dir });
      await migrateToLatest(setup.knex);
      await createJobRunsTable(setup.knex);
      await declareJobQueues(setup.knex, TEST_JOBS);
      const sender = new JobRunner({ knex: setup.knex, logger, definitions: TEST_JOBS, work: false });
      await sender.send(crashOnceJob, { key: 'restart' });
      await setup.close();

      const count = async (event: string) => {
        const db = await openDatabase({ dataDir: dir });
        try {
          return await runsOf(db.knex, 'restart', event);
        } finally {
          await db.close();
        }
      };
      // The embedded database is one process's: the worker holds it until it is killed, so the
      // test follows the job by what the worker prints (a fixed wait here failed on a loaded CI).
      const first = await startWorker(dir);
      await first.printed('started restart').finally(() => stopWorker(first));
      assert.equal(await count('started'), 1);
      assert.equal(await count('done'), 0);
      const second = await startWorker(dir);
      await second.printed('done restart').finally(() => stopWorker(second));
      assert.equal(await count('done'), 1, 'the restarted process finished the job');
    },
  );
});

/** A job that, once started, runs until the test opens its gate. */
const gate = { started: () => {}, open: () => {} };
const heldJob = defineJob<object>({
  name: 'test.held',
  handler: () =>
    new Promise<void>((resolve) => {
      gate.open = resolve;
      gate.started();
    }),
});

/** A runner as a server runs it (work: true), on a database of its own that the test drops. */
async function runnerOn(db: TestDatabase): Promise<JobRunner> {
  await declareJobQueues(db.knex, [heldJob]);
  const runner = new JobRunner({ knex: db.knex, logger, definitions: [heldJob], work: true, pollingSeconds: 0.5 });
  await runner.start({ db, logger, detached: new DetachedWork(logger) } as unknown as Services);
  return runner;
}

for (const kind of testDatabaseKinds()) {
  describe(`stopping the job runner (${kind})`, () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    before(() => process.on('unhandledRejection', onUnhandled));
    after(() => process.off('unhandledRejection', onUnhandled));

    it('leaves nothing to fail once the database is gone, even of a job that outlived the stop', async () => {
      const db = await createTestDatabase(kind);
      const runner = await runnerOn(db);
      const started = new Promise<void>((resolve) => (gate.started = resolve));
      await runner.send(heldJob, {});
      await started;
      await runner.stop(1000); // the job is still running: released to another process
      await db.drop();
      // The job ends now: pg-boss marks it complete without awaiting that query, on a closed pool.
      gate.open();
      await sleep(300);
      assert.deepEqual(unhandled.map(String), []);
    });

    it(
      'waits for a cron pass in flight before it resolves',
      { skip: kind !== 'postgres' && 'the embedded database has one connection: no lock can be held beside it' },
      async () => {
        const db = await createTestDatabase(kind);
        // pg-boss's cron pass, run at start, first updates its row of pgboss.version: hold that row.
        const holder = await db.knex.transaction();
        let runner: JobRunner | undefined;
        try {
          await holder.raw(`select 1 from pgboss.version for update`);
          runner = await runnerOn(db);
          await waitFor('the cron pass to wait on the lock', async () => {
            const { rows } = await db.knex.raw(
              `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
                 and query like '%cron_on%'`,
            );
            return rows.length ? true : undefined;
          });
          let stopped = false;
          const stopping = runner.stop(10_000).then(() => (stopped = true));
          await sleep(500);
          assert.equal(stopped, false, 'stop() resolved while a query of pg-boss was in flight');
          await holder.rollback();
          await stopping;
        } finally {
          if (!holder.isCompleted()) await holder.rollback();
          await runner?.stop();
        }
        await db.drop();
        await sleep(300);
        assert.deepEqual(unhandled.map(String), []);
      },
    );
  });
}
