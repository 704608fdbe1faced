/**
 * Times the hot operations (operations.ts) one call after another — latency, not throughput:
 * median and p99 of `iterations` calls after a short warm-up, with each operation's untimed
 * `prepare` before every call — on the empty and the filled database in turns; and times the
 * cleanup job's first run on a full backlog, with its longest single statement (how long a batch
 * can hold its locks).
 */
import type { Knex } from 'knex';
import { LatencyRecorder, type Measurement } from '../measurement';
import type { Database } from '../../server/db/database';
import { runCleanup } from '../../server/jobs/cleanup';
import type { HotOperation } from './operations';

export interface OperationResult {
  name: string;
  what: string;
  figures: Measurement;
}

/** A database and the operations of its probe user. */
export interface Target {
  db: Database;
  operations: readonly HotOperation[];
}

/** Calls per operation per round: the targets take turns, so that a load on the machine that
 * comes and goes (another process, autovacuum) falls on both alike. */
const ROUNDS = 5;

async function call(operation: HotOperation, db: Database): Promise<number> {
  await operation.prepare?.(db);
  const started = performance.now();
  await operation.run(db);
  return performance.now() - started;
}

/** Times each operation on every target, in turns; one list of results per target. */
export async function measure(targets: readonly Target[]): Promise<OperationResult[][]> {
  const results: OperationResult[][] = targets.map(() => []);
  for (const [i, operation] of targets[0]!.operations.entries()) {
    const recorders = targets.map(() => ({ recorder: new LatencyRecorder(), total: 0 }));
    for (const { db, operations } of targets) {
      for (let n = Math.min(20, Math.ceil(operation.iterations / 20)); n > 0; n--) await call(operations[i]!, db);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const [t, { db, operations }] of targets.entries()) {
        for (let n = Math.ceil(operation.iterations / ROUNDS); n > 0; n--) {
          const ms = await call(operations[i]!, db);
          recorders[t]!.total += ms;
          recorders[t]!.recorder.success(ms);
        }
      }
    }
    recorders.forEach(({ recorder, total }, t) =>
      results[t]!.push({ name: operation.name, what: operation.what, figures: recorder.result(total / 1000) }),
    );
  }
  return results;
}

export interface BacklogRun {
  seconds: number;
  /** Rows deleted per table. */
  deleted: Record<string, number>;
  statements: number;
  longestStatementMs: number;
  /** The start of the longest statement's SQL. */
  longestStatement: string;
}

const SWEPT = ['user_sessions', 'magic_links', 'rate_limit_buckets', 'webhook_deliveries'];

async function counts(knex: Knex): Promise<Record<string, number>> {
  const entries = await Promise.all(
    SWEPT.map(async (table) => [table, Number((await knex(table).count({ n: '*' }))[0]!.n)] as const),
  );
  return Object.fromEntries(entries);
}

/** One cleanup run on whatever backlog the database holds, every statement of it timed. */
export async function cleanupBacklog(db: Database): Promise<BacklogRun> {
  const before = await counts(db.knex);
  const started = new Map<string, number>();
  let longest = { ms: 0, sql: '' };
  let statements = 0;
  const onQuery = (q: { __knexQueryUid: string }) => started.set(q.__knexQueryUid, performance.now());
  const onResponse = (_: unknown, q: { __knexQueryUid: string; sql: string }) => {
    const since = started.get(q.__knexQueryUid);
    if (since === undefined) return;
    started.delete(q.__knexQueryUid);
    statements++;
    const ms = performance.now() - since;
    if (ms > longest.ms) longest = { ms, sql: q.sql.replace(/\s+/g, ' ').slice(0, 60) };
  };
  db.knex.on('query', onQuery).on('query-response', onResponse);
  const t0 = performance.now();
  try {
    await runCleanup(db.knex, { webhookRetentionDays: 30 });
  } finally {
    db.knex.off('query', onQuery).off('query-response', onResponse);
  }
  const seconds = (performance.now() - t0) / 1000;
  const after = await counts(db.knex);
  const deleted = Object.fromEntries(SWEPT.map((t) => [t, before[t]! - after[t]!]));
  return { seconds, deleted, statements, longestStatementMs: longest.ms, longestStatement: longest.sql };
}
