/**
 * What `npm run bench:scale` prints: the machine, the fill (rows and seconds per table, sizes on
 * disk), the cleanup's first run on the fill's backlog, then one table of every hot operation on
 * the empty and on the filled database — median and p99, the ratio of the medians and the
 * verdict against the bound (flat: within 2× of the empty figure) — and how the planner
 * reads each table for each operation at full size. Reported, never asserted: a measurement.
 */
import os from 'node:os';
import { alignedTable as table, machineDescription } from '../text-table';
import type { FillStep } from './fill';
import type { BacklogRun, OperationResult } from './measure';

/** The bound: an operation stays flat when the filled median is within this of the empty one. */
export const FLAT_BOUND = 2;

function ms(n: number): string {
  if (n < 10) return n.toFixed(2);
  return n < 1000 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US');
}
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

export function machine(postgres: { version: string; sharedBuffers: string }, scale: number): string {
  return [
    `acct scale benchmark, ${new Date().toISOString()}, BENCH_SCALE=${scale}`,
    `machine   ${machineDescription()}, Node ${process.version}`,
    `database  PostgreSQL ${postgres.version} (shared_buffers ${postgres.sharedBuffers}) on the same machine; ` +
      `one operation at a time, on the server's own code and connection pool`,
    // Other processes' load skews every figure; a quiet machine starts near 0.
    `load      average (1 min) ${os.loadavg()[0]!.toFixed(2)} at the start`,
  ].join('\n');
}

export function fillReport(steps: readonly FillStep[], sizes: Record<string, string>): string {
  const total = steps.reduce((sum, s) => sum + s.seconds, 0);
  const rows = table(
    [
      ['', 'rows', 'seconds', 'rows/s'],
      ...steps.map((s) => [
        s.what,
        s.rows ? thousands(s.rows) : '',
        s.seconds.toFixed(1),
        s.rows ? thousands(s.rows / s.seconds) : '',
      ]),
      ['total', '', total.toFixed(1), ''],
    ],
    1,
  );
  const onDisk = Object.entries(sizes).map(([t, size]) => `${t} ${size}`);
  return ['── fill', ...rows.map((r) => `  ${r}`), `  on disk (with indexes): ${onDisk.join(', ')}`].join('\n');
}

export function backlogReport(run: BacklogRun): string {
  const deleted = Object.entries(run.deleted).map(([t, n]) => `${t} ${thousands(n)}`);
  return [
    '── cleanup, first run on the fill’s backlog',
    `  ${run.seconds.toFixed(1)} s, ${thousands(run.statements)} statements, longest ${ms(run.longestStatementMs)} ms (${run.longestStatement}…); deleted: ${deleted.join(', ')}`,
  ].join('\n');
}

export function operationsReport(empty: readonly OperationResult[], filled: readonly OperationResult[]): string {
  const rows = empty.map((e, i) => {
    const f = filled[i]!;
    const ratio = f.figures.p50Ms / e.figures.p50Ms;
    return [
      e.name,
      e.what,
      String(f.figures.ok),
      ms(e.figures.p50Ms),
      ms(e.figures.p99Ms),
      ms(f.figures.p50Ms),
      ms(f.figures.p99Ms),
      `${ratio.toFixed(2)}×`,
      ratio <= FLAT_BOUND ? 'flat' : `NOT flat (> ${FLAT_BOUND}×)`,
    ];
  });
  const lines = table([['', '', 'calls', 'empty p50', 'p99', 'filled p50', 'p99', 'p50 ratio', 'verdict'], ...rows], 2);
  return [
    '── hot operations, ms (empty: migrated + the probe user; filled: the same plus the fill)',
    ...lines.map((l) => `  ${l}`),
  ].join('\n');
}

export function plansReport(plans: readonly { name: string; statements: string[] }[]): string {
  return [
    '── plans on the filled database (EXPLAIN of every statement each operation sends)',
    ...plans.flatMap((p) => [`  ${p.name}`, ...p.statements.map((s) => `    ${s}`)]),
  ].join('\n');
}
