/**
 * Looking at and moving the job runner's jobs in tests (pg-boss's `pgboss.job` table; see
 * server/jobs/job-runner.ts): which state a job is in and when it is next due, making a retry due
 * now instead of waiting for its back-off, and playing a worker that took a job and died.
 */
import type { Knex } from 'knex';
import { JOB_SCHEMA } from '../jobs/pg-boss-db';

export interface JobRow {
  id: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retry_count: number;
  /** Seconds from now until the job is due (negative when due). */
  due_in: number;
}

/** The newest job of `queue` whose data has `key` = `value`. */
export async function jobWhere(knex: Knex, queue: string, key: string, value: string): Promise<JobRow | undefined> {
  const { rows } = (await knex.raw(
    `select id, state::text as state, retry_count, extract(epoch from start_after - now())::float8 as due_in
     from ${JOB_SCHEMA}.job where name = ? and data->>? = ? order by created_on desc limit 1`,
    [queue, key, value],
  )) as { rows: JobRow[] };
  return rows[0];
}

/** Makes a job waiting for its retry due now. */
export async function makeJobDue(knex: Knex, id: string): Promise<void> {
  await knex.raw(`update ${JOB_SCHEMA}.job set start_after = now() where id = ?`, [id]);
}

/** Marks a job taken by a worker `secondsAgo` seconds ago that never finished (it died). */
export async function takeJobAndDie(knex: Knex, id: string, secondsAgo: number): Promise<void> {
  await knex.raw(
    `update ${JOB_SCHEMA}.job set state = 'active', started_on = now() - make_interval(secs => ?) where id = ?`,
    [secondsAgo, id],
  );
}
