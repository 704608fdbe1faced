/**
 * A second (third…) server process for the job runner's tests (server/jobs/job-runner.test.ts):
 * runs the test jobs below from the database named on the command line — a PostgreSQL URL or an
 * embedded database's folder — until it is killed. It prints `ready` once it takes jobs, and a
 * line per `job_runs` row it writes.
 *
 * `test.record` writes one `job_runs` row per run (so a job run twice shows twice);
 * `test.crash-once` writes `started`, and on its first run never finishes — the test kills the
 * process there — while a later run writes `done`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import { openDatabase } from '../db/database';
import { createLogger } from '../http/logging';
import { DetachedWork } from '../jobs/detached-work';
import { JobRunner } from '../jobs/job-runner';
import { defineJob } from '../jobs/jobs';
import type { Services } from '../services';

/** Writes a `job_runs` row, and says so on stdout (an embedded database can't be read from outside while in use). */
async function record(knex: Knex, key: string, event: string): Promise<void> {
  await knex('job_runs').insert({ job_key: key, event, pid: process.pid });
  process.stdout.write(`${event} ${key}\n`);
}

export const recordJob = defineJob<{ key: string }>({
  name: 'test.record',
  handler: async ({ db }, { key }) => {
    // Long enough that two workers polling together would both see the job if locking failed.
    await sleep(20);
    await record(db.knex, key, 'ran');
  },
});

export const crashOnceJob = defineJob<{ key: string }>({
  name: 'test.crash-once',
  handler: async ({ db }, { key }) => {
    await record(db.knex, key, 'started');
    const starts = await db.knex('job_runs').where({ job_key: key, event: 'started' }).count<{ n: number }[]>('* as n');
    if (Number(starts[0]!.n) === 1) await new Promise(() => undefined);
    await record(db.knex, key, 'done');
  },
  retry: { limit: 3, delaySeconds: 1, backoff: false },
  expireInSeconds: 2,
});

export const TEST_JOBS = [recordJob, crashOnceJob];

/** The table the test jobs write to (made by the test before it starts workers). */
export async function createJobRunsTable(knex: Knex): Promise<void> {
  await knex.raw(`create table if not exists job_runs (
    id serial primary key, job_key text not null, event text not null, pid int not null,
    at timestamptz not null default now())`);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const target = process.argv[2]!;
  const db = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
  const logger = createLogger('warn');
  const runner = new JobRunner({
    knex: db.knex,
    logger,
    definitions: TEST_JOBS,
    work: true,
    pollingSeconds: 0.5,
    maintenanceSeconds: 1,
  });
  // The test jobs need only the database.
  await runner.start({ db, logger, detached: new DetachedWork(logger) } as unknown as Services);
  process.stdout.write('ready\n');
}
