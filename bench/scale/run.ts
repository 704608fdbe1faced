/**
 * `npm run bench:scale`: do acct's hot operations stay flat as the data grows? On a fresh
 * PostgreSQL database (BENCH_DATABASE_URL, an admin URL; created and dropped by bench/database.ts)
 * it makes two databases, each migrated with the same probe user (probe.ts), fills one
 * (fill.ts: at BENCH_SCALE=1, a million users, five million sessions, twenty million
 * login-history rows, a hundred thousand organizations), lets the cleanup job work through the
 * fill's backlog, then times every hot operation (operations.ts) on both in turns and prints
 * them with their ratio, and the plans at full size.
 * docs/performance.md "Data growth" has the figures.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_SCALE=0.01 npm run bench:scale
 */
import { openDatabase, type Database } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { cleanUp, onCleanup } from '../cleanup';
import { createBenchDatabase } from '../database';
import { countsAt, fill, vacuumAnalyze } from './fill';
import { cleanupBacklog, measure } from './measure';
import { hotOperations, type HotOperation } from './operations';
import { describeScans, explainAll, recordStatements, seedCleanupStatements, type Statement } from './plans';
import { createProbe } from './probe';
import { backlogReport, fillReport, machine, operationsReport, plansReport } from './report';

const progress = (text: string) => process.stderr.write(`  … ${text}\n`);

/** Tables whose size the report shows. */
const BIG_TABLES = [
  'auth.users',
  'user_sessions',
  'login_history',
  'organization_members',
  'user_onboarding_progress',
  'setup_checklist_progress',
];

async function sizes(db: Database): Promise<Record<string, string>> {
  const entries = await Promise.all(
    BIG_TABLES.map(async (table) => {
      const { rows } = await db.knex.raw<{ rows: { size: string }[] }>(
        'select pg_size_pretty(pg_total_relation_size(?::regclass)) as size',
        [table],
      );
      return [table, rows[0]!.size] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Every statement each operation sends, EXPLAINed; the cleanup's also with its seed function's. */
async function plans(db: Database, operations: readonly HotOperation[]) {
  const result: { name: string; statements: string[] }[] = [];
  for (const operation of operations) {
    await operation.prepare?.(db);
    const statements: Statement[] = await recordStatements(db, operation.run);
    if (operation.name === 'cleanup run') statements.push(...seedCleanupStatements());
    const scans = await explainAll(db, statements);
    result.push({
      name: operation.name,
      statements: statements.map((s, i) => `${describeScans(scans[i]!)}  ← ${s.sql.replace(/\s+/g, ' ').slice(0, 70)}`),
    });
  }
  return result;
}

async function main(): Promise<void> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    console.error(
      'bench:scale fills a PostgreSQL database: set BENCH_DATABASE_URL to an admin URL, e.g.\n' +
        '  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:scale\n' +
        'It creates a database of its own (acct_bench_…) and drops it at the end; BENCH_SCALE (default 1) sizes the fill.',
    );
    process.exitCode = 2;
    return;
  }
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const counts = countsAt(scale);

  const [emptyDb, filledDb] = await Promise.all([probedDatabase(adminUrl), probedDatabase(adminUrl)]);
  const { rows } = await emptyDb.db.knex.raw<{ rows: { shared_buffers: string }[] }>('show shared_buffers');
  console.log(machine({ version: emptyDb.serverVersion, sharedBuffers: rows[0]!.shared_buffers }, scale));

  progress(
    `filling: ${Object.entries(counts)
      .map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`)
      .join(', ')}`,
  );
  const steps = await fill(filledDb.db.knex, counts, (s) => progress(`${s.what}: ${s.seconds.toFixed(1)} s`));
  console.log(fillReport(steps, await sizes(filledDb.db)));

  progress('the cleanup job on the fill’s backlog');
  console.log(backlogReport(await cleanupBacklog(filledDb.db)));
  await vacuumAnalyze(filledDb.db.knex);
  await vacuumAnalyze(emptyDb.db.knex);

  progress('timing the hot operations on the empty and the filled database, in turns');
  const [empty, filled] = await measure([emptyDb, filledDb]);
  console.log(operationsReport(empty!, filled!));
  console.log(plansReport(await plans(filledDb.db, filledDb.operations)));
}

/** A fresh database, migrated, with the probe user (and, for the fill, nothing analyzed yet). */
async function probedDatabase(adminUrl: string) {
  const database = await createBenchDatabase(adminUrl);
  const db = await openDatabase({ url: database.url, poolMax: 4 });
  onCleanup('closing the database connections', () => db.close());
  progress(`database ${database.name}: migrating`);
  await migrateToLatest(db.knex);
  const operations = hotOperations(await createProbe(db.knex));
  return { db, operations, serverVersion: database.serverVersion };
}

// Ctrl-C: drop the database before leaving (later signals wait for that).
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: dropping the benchmark database\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
