/**
 * What PostgreSQL's planner does with the statements an operation really sends: `recordStatements`
 * runs the operation on a database that notes every statement (Knex's `query` events, and the
 * prepared statements that skip Knex), with the user it ran as when it ran inside `asUser`; then
 * `explainAll` EXPLAINs each one (format json) the same way, as that user under row-level security
 * or on the service connection, in a transaction rolled back, and lists how each table was read.
 * Used by server/db/hot-queries-explain.test.ts (no sequential scan of a big table) and by
 * `npm run bench:scale`, which prints the plans of the full-scale database.
 */
import { APP_ROLE, USER_SETTING } from '../../server/db/as-user';
import type { Database } from '../../server/db/database';
import { SEED_CLEANUP } from '../../server/jobs/cleanup';

export interface Statement {
  sql: string;
  params: readonly unknown[];
  /** The user whose `asUser` transaction it ran in; undefined on the service connection. */
  userId?: string | undefined;
}

/** How one table was read in a plan. */
export interface Scan {
  node: string;
  table: string;
  index?: string | undefined;
  /** The index condition (or a bitmap heap scan's recheck), when an index finds the rows. */
  condition?: string | undefined;
}

const CONTROL = /^(begin|commit|rollback|savepoint|release)\b/i;

/** Runs `work` on a database that records every statement sent through it. */
export async function recordStatements(db: Database, work: (db: Database) => Promise<void>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const users = new Map<string | undefined, string>();
  const listener = (query: { sql: string; bindings?: unknown[]; __knexTxId?: string }) => {
    const params = query.bindings ?? [];
    // asUser's set_config(acct.user_id, <id> or '', …): entering or leaving the user.
    if (query.sql.includes('set_config(') && params[0] === USER_SETTING) {
      if (params[1]) users.set(query.__knexTxId, String(params[1]));
      else users.delete(query.__knexTxId);
      return;
    }
    if (CONTROL.test(query.sql.trim())) return;
    statements.push({ sql: query.sql, params, userId: users.get(query.__knexTxId) });
  };
  const recording: Database = {
    ...db,
    prepared: (name, sql, params) => {
      statements.push({ sql, params });
      return db.prepared(name, sql, params);
    },
  };
  db.knex.on('query', listener);
  try {
    await work(recording);
  } finally {
    db.knex.off('query', listener);
  }
  return statements;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}

function scansOf(node: PlanNode): Scan[] {
  const own = node['Relation Name']
    ? [
        {
          node: node['Node Type'],
          table: node['Relation Name'],
          index: node['Index Name'],
          condition: node['Index Cond'] ?? node['Recheck Cond'],
        },
      ]
    : [];
  return [...own, ...(node.Plans ?? []).flatMap(scansOf)];
}

interface RawConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * EXPLAINs each statement as it ran; returns each one's scans. `seqScans: false` plans with
 * sequential scans disabled: what an index can serve, whatever the tables' sizes.
 */
export async function explainAll(
  db: Database,
  statements: readonly Statement[],
  { seqScans = true }: { seqScans?: boolean } = {},
): Promise<Scan[][]> {
  // A connection of the pool, driven directly: the statements carry `$1` parameters, which Knex's
  // raw() would not pass through, and the transaction must be theirs to roll back.
  const client = db.knex.client as {
    acquireConnection(): Promise<RawConnection>;
    releaseConnection(c: RawConnection): Promise<void>;
  };
  const connection = await client.acquireConnection();
  try {
    const plans: Scan[][] = [];
    for (const { sql, params, userId } of statements) {
      await connection.query('begin');
      try {
        if (!seqScans) await connection.query('set local enable_seqscan = off');
        if (userId)
          await connection.query(`select set_config($1, $2, true), set_config('role', $3, true)`, [
            USER_SETTING,
            userId,
            APP_ROLE,
          ]);
        const { rows } = await connection.query(`explain (format json) ${sql}`, [...params]);
        const plan = Object.values(rows[0]!)[0];
        const [root] = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: PlanNode }[];
        plans.push(scansOf(root!.Plan));
      } finally {
        await connection.query('rollback');
      }
    }
    return plans;
  } finally {
    await client.releaseConnection(connection);
  }
}

/** A plan's scans in one line: `Index Scan user_sessions (idx_…), Seq Scan setup_checklist_items`. */
export const describeScans = (scans: readonly Scan[]) =>
  scans.map((s) => `${s.node} ${s.table}${s.index ? ` (${s.index})` : ''}`).join(', ') || 'no table';

/** The statements of `cleanup_expired_sessions()` itself, which EXPLAIN of its call does not show. */
export function seedCleanupStatements(): Statement[] {
  return SEED_CLEANUP.map(({ table, column, grace }) => ({
    sql: `delete from ${table} where ${column} < now() - interval '${grace}'`,
    params: [],
  }));
}
