/**
 * The hot queries stay flat as the data grows because each reads the big tables through an index:
 * on a database filled by `npm run bench:scale`'s own fill (bench/scale/fill.ts) at a hundredth of
 * its size (ten thousand users, fifty thousand sessions, two hundred thousand login-history rows —
 * enough that the planner prefers an index wherever one serves) and analyzed, every statement each
 * hot operation really sends (bench/scale/operations.ts: the server's own functions, recorded as
 * they run) is EXPLAINed the way it ran — as the user under row-level security, or on the service
 * connection — and no plan may read a big table with a sequential scan. That includes the admin's
 * onboarding funnel, which counts every user's progress: it reads counters that a trigger keeps
 * (migration 20261205000100_onboarding_funnel_counts), never the progress table itself
 * (docs/performance.md "Data growth"). Every delete of the cleanup job, and those of the seed's
 * `cleanup_expired_sessions()`, must find its rows by an index on its time column.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { countsAt, fill } from '../../bench/scale/fill';
import { hotOperations, type HotOperation } from '../../bench/scale/operations';
import { describeScans, explainAll, recordStatements, seedCleanupStatements } from '../../bench/scale/plans';
import { createProbe } from '../../bench/scale/probe';
import { describeOnEachDatabase } from '../testing/databases';

/** Tables that grow with the users: a request reads only its user's rows, through an index. */
const BIG_TABLES = new Set([
  'users',
  'user_sessions',
  'login_history',
  'organization_members',
  'user_onboarding_progress',
  'setup_checklist_progress',
]);

/** The embedded database fills slower (WebAssembly): half the size there, still planned the same. */
const SCALE = { postgres: 0.01, pglite: 0.005 } as const;

/** `delete from <table> … where … <column> < now() …`: the table and the time column. */
const CLEANUP_DELETE = /^delete from "?(?:auth"?\.)?"?(\w+)"? .*?"?(\w+)"? < now\(\)/s;

describeOnEachDatabase('hot queries on a filled database', (getDb, kind) => {
  let operations: HotOperation[] = [];
  const operation = (name: string) => operations.find((o) => o.name === name)!;
  before(async () => {
    const { knex } = getDb();
    const probe = await createProbe(knex);
    await fill(knex, countsAt(SCALE[kind]));
    operations = hotOperations(probe);
  });

  it('read only their user’s rows of the big tables, through an index', { timeout: 60_000 }, async () => {
    const db = getDb();
    const findings: string[] = [];
    for (const { name, run } of operations.filter((o) => o.name !== 'cleanup run')) {
      const statements = await recordStatements(db, run);
      assert.ok(statements.length > 0, `${name}: no statement recorded`);
      (await explainAll(db, statements)).forEach((scans, i) => {
        if (scans.some((s) => s.node === 'Seq Scan' && BIG_TABLES.has(s.table)))
          findings.push(`${name}: ${describeScans(scans)}\n    ${statements[i]!.sql.replace(/\s+/g, ' ')}`);
      });
    }
    assert.deepEqual(findings, [], `sequential scans of big tables:\n  ${findings.join('\n  ')}`);
  });

  // The cleanup's tables are small at this fill (and stay small once it runs), so the planner may
  // rightly read them whole here; what must hold at any size is that an index on the time column
  // finds the rows, so the plans are made with sequential scans off.
  it('the cleanup finds what it deletes by an index on its time column', async () => {
    const db = getDb();
    const { prepare, run } = operation('cleanup run');
    await prepare?.(db);
    const statements = [...(await recordStatements(db, run)), ...seedCleanupStatements()];
    const deletes = statements.filter((s) => /^delete /.test(s.sql));
    assert.ok(deletes.length >= 10, `only ${deletes.length} deletes recorded`);
    const findings: string[] = [];
    (await explainAll(db, deletes, { seqScans: false })).forEach((scans, i) => {
      const [, table, column] = CLEANUP_DELETE.exec(deletes[i]!.sql) ?? [];
      assert.ok(table && column, `not a cleanup delete: ${deletes[i]!.sql}`);
      if (!scans.some((s) => s.table === table && s.condition?.includes(column)))
        findings.push(`${table} by ${column}: ${describeScans(scans)}`);
    });
    assert.deepEqual(findings, [], `deletes without an index on their time column:\n  ${findings.join('\n  ')}`);
  });
});
