/**
 * The SQL of the admin API — the only file of the module that touches Knex: the catalogues' rows
 * (one table each, written generically) and what the funnel reads.
 */
import type { Knex } from 'knex';
import type { OnboardingProgressRow, UserRow } from '../../db/tables';
import type { PathRow } from '../onboarding/paths';
import { medianOfBuckets, type CompletionBucket } from './completion-time';

type Db = Knex | Knex.Transaction;

/** The tables admins manage. */
export type CatalogueTable = 'onboarding_paths' | 'setup_checklist_items' | 'onboarding_templates';
type Row = Record<string, unknown>;

/** json(b) values as text: node-postgres would turn a JS array into a PostgreSQL array. */
const asColumns = (values: Row) =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v]),
  );

export async function listRows(db: Db, table: CatalogueTable, orderBy: string): Promise<Row[]> {
  return db<Row>(table as string).orderBy(orderBy);
}

export async function insertRow(trx: Knex.Transaction, table: CatalogueTable, values: Row): Promise<Row> {
  const [inserted] = await trx<Row>(table as string)
    .insert(asColumns(values))
    .returning('*');
  return inserted!;
}

/** Updates the row (or only reads it when nothing changes); undefined when there is none. */
export async function updateRow(
  trx: Knex.Transaction,
  table: CatalogueTable,
  id: string,
  values: Row,
): Promise<Row | undefined> {
  const changes = asColumns(values);
  const [row] = Object.keys(changes).length
    ? await trx<Row>(table as string)
        .where({ id })
        .update(changes)
        .returning('*')
    : await trx<Row>(table as string)
        .where({ id })
        .select('*');
  return row;
}

/** Deletes the row; false when there was none. */
export async function deleteRow(db: Db, table: CatalogueTable, id: string): Promise<boolean> {
  return (
    (await db<Row>(table as string)
      .where({ id })
      .delete()) > 0
  );
}

/** Unmarks every default path but `keep`. */
export async function unmarkDefaultPaths(trx: Knex.Transaction, keep?: string): Promise<void> {
  const others = trx('onboarding_paths').where({ is_default: true });
  if (keep) others.whereNot({ id: keep });
  await others.update({ is_default: false });
}

export async function allPaths(db: Db): Promise<PathRow[]> {
  return db('onboarding_paths').orderBy('created_at');
}

/** One state of progress on a path, and how many users are in it. */
export type ProgressGroup = Pick<
  OnboardingProgressRow,
  'path_id' | 'current_step' | 'completed_steps' | 'skipped_steps'
> & {
  completed: boolean;
  users: number;
};

/**
 * Users' progress on paths, counted by state: read from the counters that a trigger keeps as
 * progress changes (migration 20261205000100_onboarding_funnel_counts), summed over their slots.
 * Users cluster in a few states, so this reads a few rows per path however many users there are;
 * counting them from user_onboarding_progress at each request read that table whole, which took
 * seconds at a million users (docs/performance.md "Data growth").
 */
export async function progressOnPaths(db: Db): Promise<ProgressGroup[]> {
  const result = await db.raw<{ rows: ProgressGroup[] }>(
    `select path_id, current_step, completed_steps, skipped_steps, completed, sum(users)::int as users
     from onboarding_funnel_counts
     group by path_id, state, current_step, completed_steps, skipped_steps, completed
     having sum(users) > 0`,
  );
  return result.rows;
}

/**
 * Per path, the median seconds from start to finish of those who finished, from the histogram of
 * completion times the same trigger keeps: at the histogram's resolution, about 1 %, so that its
 * cost does not grow with the users (see completion-time.ts).
 */
export async function medianSecondsToComplete(db: Db): Promise<{ path_id: string; median: number | null }[]> {
  const result = await db.raw<{ rows: (CompletionBucket & { path_id: string })[] }>(
    `select path_id, bucket, sum(users)::int as users from onboarding_completion_times
     group by path_id, bucket having sum(users) > 0 order by path_id, bucket`,
  );
  const byPath = new Map<string, CompletionBucket[]>();
  for (const { path_id, ...bucket } of result.rows) {
    if (!byPath.has(path_id)) byPath.set(path_id, []);
    byPath.get(path_id)!.push(bucket);
  }
  return [...byPath].map(([path_id, buckets]) => ({ path_id, median: medianOfBuckets(buckets) }));
}

/** Gives the account with this address (any case) the app role; false when there is none. */
export async function setAppRole(db: Db, email: string, role: UserRow['app_role']): Promise<boolean> {
  return (await db('auth.users').whereRaw('lower(email) = lower(?)', [email]).update({ app_role: role })) > 0;
}
