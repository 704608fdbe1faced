/**
 * What a module needs to know about acct's one durable job runner (server/jobs/job-runner.ts, on
 * pg-boss): a job is *defined* once in its module with `defineJob`, listed in
 * server/jobs/registry.ts, and *queued* with `services.jobs.send(definition, data, { db })` —
 * pass the request's transaction as `db` so that the job exists only if the request commits.
 *
 * Jobs live in PostgreSQL (both databases), are retried with back-off, run once even with several
 * server processes, and survive a restart: a job whose process died is taken again once its
 * `expireInSeconds` has passed. A handler must therefore be safe to run twice (check the state it
 * changes before changing it).
 */
import type { Knex } from 'knex';
import type { Services } from '../services';

export interface JobDefinition<Data extends object = object> {
  /** The queue's name: lowercase words with dots, e.g. `data-export.build`. */
  name: string;
  /** Does the work. Throwing fails this attempt; it is retried on the schedule below. */
  handler(services: Services, data: Data): Promise<void>;
  /** Attempts after the first, and the first delay (doubled each time when `backoff`). Default: 5, 30 s, backoff. */
  retry?: { limit: number; delaySeconds: number; backoff: boolean };
  /** A job still running after this long is taken for dead and retried. Default 300. */
  expireInSeconds?: number;
  /** Also run on this cron schedule (UTC, five fields), with `{}` as its data: periodic work. */
  cron?: string;
}

/** Only to infer `Data` where a job is defined. */
export function defineJob<Data extends object>(definition: JobDefinition<Data>): JobDefinition<Data> {
  return definition;
}

export interface SendOptions {
  /** Queue inside this transaction (it commits with the caller's work). Default: the service connection. */
  db?: Knex | Knex.Transaction;
  /** Not before then. */
  startAfter?: Date;
}

export interface Jobs {
  /** Queues one job of `definition`; its id (null only if pg-boss refused it). */
  send<Data extends object>(definition: JobDefinition<Data>, data: Data, options?: SendOptions): Promise<string | null>;
  /**
   * Tests: runs every job that is due now (and those they queue) in this process, until none is
   * left; returns how many ran. Waits for detached work first, since it may queue jobs, and for
   * jobs this process's worker is running; jobs past their `expireInSeconds` are failed into
   * their retry first, as the supervisor would.
   */
  drain(): Promise<number>;
}
