/**
 * How the benchmarks print: the machine they ran on in one line, and tables of figures whose text
 * columns are left-aligned and number columns right-aligned (`npm run bench`, `npm run bench:scale`).
 */
import os from 'node:os';

/** CPU, cores, memory and system, e.g. "AMD EPYC, 2 cores, 23.5 GiB, Linux 6.1". */
export function machineDescription(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}`;
}

/** Left-aligns the first `textColumns` columns and right-aligns the rest. */
export function alignedTable(rows: readonly string[][], textColumns: number): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column < textColumns ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}
