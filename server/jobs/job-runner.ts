/**
 * acct's one durable job runner, on pg-boss (server/jobs/jobs.ts says how modules use it). Jobs are
 * rows in PostgreSQL — on the embedded database too, through pg-boss-db.ts — taken with
 * `FOR UPDATE SKIP LOCKED`, so each runs in one process at a time however many run workers; a job
 * whose process died stays `active` until its `expireInSeconds` pass, and pg-boss's supervisor
 * (in any process) then fails it into a retry. Retries back off exponentially with pg-boss's
 * jitter. Cron schedules live in the database and are sent once per minute across all processes.
 *
 * Every server process can queue jobs; those started with `work: true` (the default for
 * `npm start` / `npm run serve`, and `npm run worker`) also take and run them
 * (docs/architecture.md "Jobs").
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import type { Logger } from '../http/logging';
import type { Services } from '../services';
import type { JobDefinition, Jobs, SendOptions } from './jobs';
import { JOB_SCHEMA, pgBossDb } from './pg-boss-db';

const DEFAULT_RETRY = { limit: 5, delaySeconds: 30, backoff: true };
const DEFAULT_EXPIRE_SECONDS = 300;

/** pg-boss's own queue, which carries cron jobs to their queues. */
const CRON_QUEUE = '__pgboss__send-it';

/**
 * Marks what pg-boss does of its own accord — its workers' loops, its supervision and cron passes,
 * and the complete or fail a worker sends after its callback without awaiting it — as opposed to
 * the calls acct makes: the context of `boss.start()` and `boss.work()` carries over to the
 * timers and loops they begin.
 */
const pgBossOwnWork = new AsyncLocalStorage<true>();

function queueOptions(definition: JobDefinition<never>): PgBoss.Queue {
  const retry = definition.retry ?? DEFAULT_RETRY;
  return {
    name: definition.name,
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: retry.backoff,
    expireInSeconds: definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
  };
}

/**
 * Makes a queue for each job, where there is none. pg-boss gives each queue a table of its own,
 * which only the owner of its tables may attach, so this runs with the migrations, on the
 * migrator's connection (server/db/migrate.ts), not in the server, whose role may not.
 */
export async function declareJobQueues(knex: Knex, definitions: readonly JobDefinition<never>[]): Promise<void> {
  const boss = new PgBoss({ db: pgBossDb(knex), schema: JOB_SCHEMA, migrate: false });
  for (const definition of definitions) await boss.createQueue(definition.name, queueOptions(definition));
  await boss.createQueue(CRON_QUEUE);
}

export interface JobRunnerOptions {
  knex: Knex;
  logger: Logger;
  definitions: readonly JobDefinition<never>[];
  /** Take and run jobs in this process (else only queue them). */
  work: boolean;
  /** How often an idle worker looks for due jobs. Default 2 s. */
  pollingSeconds?: number;
  /** How often expired jobs are looked for (pg-boss's supervisor). Default 60 s. */
  maintenanceSeconds?: number;
}

interface RunnableJob {
  id: string;
  data: object;
}

export class JobRunner implements Jobs {
  private readonly boss: PgBoss;
  private readonly byName = new Map<string, JobDefinition<never>>();
  private readonly workerIds = new Map<string, string>();
  /** Handlers running in this process now (drain waits for them). */
  private readonly running = new Set<Promise<void>>();
  /** The jobs those handlers run, by id, with their queue: released if a shutdown cannot wait for them. */
  private readonly taken = new Map<string, string>();
  /** pg-boss's queries in flight (settled or not, never rejected): stop() waits for them. */
  private readonly inFlight = new Set<Promise<void>>();
  private services: Services | undefined;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: JobRunnerOptions) {
    for (const definition of options.definitions) this.byName.set(definition.name, definition);
    this.boss = new PgBoss({
      db: this.watched(pgBossDb(options.knex)),
      schema: JOB_SCHEMA,
      migrate: false,
      supervise: options.work,
      schedule: options.work,
      maintenanceIntervalSeconds: options.maintenanceSeconds ?? 60,
    });
    // Once stopping, pg-boss's errors are those of a database going away under what it was still doing.
    this.boss.on('error', (err) =>
      this.stopping
        ? options.logger.debug({ err }, 'job runner: error while stopping')
        : options.logger.warn({ err }, 'job runner: error'),
    );
  }

  /**
   * pg-boss's connection, watched: every query is counted in flight until it settles, for stop().
   * Once stop() has begun, a query of pg-boss's own that fails — the database closed under it — is
   * said at debug and answered with no result rather than rejected: pg-boss sends some without
   * awaiting them (a worker's complete), so a rejection would be unhandled, and it reads a missing
   * result as "nothing" (no jobs fetched, none marked). acct's own calls fail as usual.
   */
  private watched(db: PgBoss.Db): PgBoss.Db {
    return {
      executeSql: (text, values) => {
        const query = db.executeSql(text, values);
        const settled = query.then(
          () => undefined,
          () => undefined,
        );
        this.inFlight.add(settled);
        void settled.then(() => this.inFlight.delete(settled));
        if (!pgBossOwnWork.getStore()) return query;
        return query.catch((err: unknown) => {
          if (!this.stopping) throw err;
          this.options.logger.debug({ error: errorMessage(err) }, 'job runner: a query failed while stopping');
          return undefined as unknown as { rows: never[] };
        });
      },
    };
  }

  /** Declares the schedules, then (with `work`) starts taking jobs. The queues exist: see declareJobQueues. */
  async start(services: Services): Promise<void> {
    this.services = services;
    this.stopping = undefined;
    await pgBossOwnWork.run(true, () => this.boss.start());
    for (const definition of this.byName.values()) {
      // Settings may have changed since the queue was made (a process of an older version migrated).
      await this.boss.updateQueue(definition.name, queueOptions(definition));
      if (definition.cron && this.options.work)
        await this.boss.schedule(definition.name, definition.cron, {}, { tz: 'UTC' });
    }
    if (!this.options.work) return;
    for (const definition of this.byName.values()) {
      const id = await pgBossOwnWork.run(true, () =>
        this.boss.work<object>(
          definition.name,
          { pollingIntervalSeconds: this.options.pollingSeconds ?? 2, batchSize: 1 },
          // The job is completed or failed (into its retry) inside the tracked work, not by pg-boss
          // after the callback returns: so once drain() has waited for it, its state is final. The
          // complete pg-boss then calls finds the job no longer active and changes nothing. The
          // handler is acct's work, not pg-boss's own (see pgBossOwnWork).
          ([job]) => pgBossOwnWork.exit(async () => (job ? this.track(this.settle(definition, job)) : undefined)),
        ),
      );
      this.workerIds.set(definition.name, id);
    }
  }

  async send<Data extends object>(
    definition: JobDefinition<Data>,
    data: Data,
    { db, startAfter }: SendOptions = {},
  ): Promise<string | null> {
    const id = await this.boss.send(definition.name, data, {
      ...(db ? { db: pgBossDb(db) } : {}),
      ...(startAfter ? { startAfter } : {}),
    });
    // Wake this process's worker rather than leave the job to the next poll — shortly, since a
    // caller's transaction has to commit before the job can be seen.
    const workerId = this.workerIds.get(definition.name);
    if (workerId && !startAfter) setTimeout(() => this.boss.notifyWorker(workerId), 50).unref();
    return id;
  }

  async drain(): Promise<number> {
    const drainStarted = Date.now();
    let ran = 0;
    for (;;) {
      await this.services?.detached.idle();
      await Promise.all([...this.running]);
      // What the supervisor does every so often: a job whose worker died is failed into its retry.
      await this.boss.expire();
      let ranThisPass = 0;
      for (const definition of this.byName.values()) {
        const jobs = await this.boss.fetch<object>(definition.name, { batchSize: 20 });
        for (const job of jobs) {
          ranThisPass++;
          await this.track(this.settle(definition, job));
        }
      }
      if (ranThisPass === 0 && this.running.size === 0 && !(await this.othersHold(drainStarted))) return ran;
      ran += ranThisPass;
      if (ranThisPass === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Whether another worker holds a job of these queues that drain's own fetch could not take: one
   * it took moments ago and has not settled, or a due one whose row is locked by a fetch not yet
   * committed. This process's pg-boss worker may be either (its fetch skips no lock: drain's does),
   * so `running` does not hold the job yet and the fetch above found nothing. Drain waits for it —
   * up to half a minute after drain began, since a job taken by a worker of another process that
   * died stays active until it expires.
   */
  private async othersHold(drainStarted: number): Promise<boolean> {
    if (Date.now() - drainStarted > 30_000) return false;
    const { rows } = (await this.options.knex.raw(
      `select exists (select 1 from ${JOB_SCHEMA}.job where name = any(?) and (
         (state = 'active' and started_on > now() - interval '30 seconds')
         or (state in ('created', 'retry') and start_after <= now()))) as held`,
      [[...this.byName.keys()]],
    )) as { rows: { held: boolean }[] };
    return rows[0]?.held === true;
  }

  /**
   * Stops taking jobs and waits (up to `timeoutMs`, at least a second as pg-boss does) for those
   * running to finish and for pg-boss's queries in flight — a supervision or cron pass, a worker's
   * fetch or complete — so that closing the database next fails nothing. A job still running then
   * is released: failed into its retry and made due at once, so that another process takes it now
   * rather than when its expiry (minutes) would have freed it. Jobs run at least once: the one
   * released may yet finish here while the process exits (docs/deploying.md "Several processes");
   * what pg-boss then sends for it fails quietly (see watched()). Calling it again waits for the
   * same stop.
   */
  stop(timeoutMs = 10_000): Promise<void> {
    return (this.stopping ??= this.shutDown(timeoutMs));
  }

  private async shutDown(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + Math.max(timeoutMs, 1000);
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
    await this.quiet(deadline);
    const unfinished = [...this.taken];
    if (!unfinished.length) return;
    for (const [id, name] of unfinished) {
      await this.boss
        .fail(name, id, { message: 'released: the process shut down first' })
        .catch(this.unsettled({ id }));
    }
    const ids = unfinished.map(([id]) => id);
    await this.options.knex
      .raw(`update ${JOB_SCHEMA}.job set start_after = now() where id = any(?) and state = 'retry'`, [ids])
      .catch(this.unsettled({ id: ids.join(',') }));
    this.options.logger.warn({ jobIds: ids }, 'job runner: released jobs still running at shutdown');
  }

  /**
   * Waits, until `deadline`, for the handlers running here and pg-boss's queries in flight. pg-boss's
   * own stop waits only for its workers' callbacks, not for the complete it sends after one, nor for
   * a supervision or cron pass under way.
   */
  private async quiet(deadline: number): Promise<void> {
    for (;;) {
      // A turn of the event loop first: a worker whose callback just returned sends its complete then.
      await new Promise((resolve) => setImmediate(resolve));
      const pending = [...this.running, ...this.inFlight];
      const left = deadline - Date.now();
      if (!pending.length || left <= 0) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled(pending), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
      clearTimeout(timer);
    }
  }

  /** Runs a taken job's handler, then marks it completed, or failed so that pg-boss schedules the retry. */
  private async settle(definition: JobDefinition<never>, job: RunnableJob): Promise<void> {
    this.taken.set(job.id, definition.name);
    try {
      await this.runHandler(definition, job);
    } catch (err) {
      await this.boss.fail(definition.name, job.id, { message: errorMessage(err) }).catch(this.unsettled(job));
      return;
    } finally {
      this.taken.delete(job.id);
    }
    await this.boss.complete(definition.name, job.id).catch(this.unsettled(job));
  }

  /** A job that could not be marked stays active until it expires, then is retried: said, not thrown. */
  private unsettled(job: Pick<RunnableJob, 'id'>): (err: unknown) => void {
    return (err) =>
      this.options.logger.warn({ jobId: job.id, error: errorMessage(err) }, 'job runner: could not settle a job');
  }

  private async runHandler(definition: JobDefinition<never>, job: RunnableJob): Promise<void> {
    if (!this.services) throw new Error('job runner not started');
    const started = Date.now();
    try {
      await definition.handler(this.services, job.data as never);
      this.options.logger.debug({ job: definition.name, jobId: job.id, ms: Date.now() - started }, 'job done');
    } catch (err) {
      this.options.logger.warn({ job: definition.name, jobId: job.id, error: errorMessage(err) }, 'job failed');
      throw err;
    }
  }

  private track(work: Promise<void>): Promise<void> {
    const tracked = work.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    return tracked;
  }
}

function errorMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 500);
}
