/**
 * Compares an expected schema with one read from a live database and lists every difference as
 * one readable line naming the object, e.g.
 *   table user_sessions: column ip_address: type is "text", expected "inet"
 *   index idx_login_history_user: missing
 * An empty list means the database conforms. Objects present in only one of the two are reported
 * both ways, so a stray table or index fails the check as surely as a missing one.
 */
import type { ForeignKeySpec, FunctionSpec, Row, SchemaSpec, SeedRows, TableSpec } from './types';

/** Lower case, single spaces: how function statements are compared (the seed writes upper case). */
export function normalizeSql(sql: string): string {
  return sql.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const show = (value: unknown) => (value === undefined ? 'absent' : canonical(value));
const list = (columns: string[]) => `(${columns.join(', ')})`;

/** One line when a value differs. */
const valueDiff = (label: string, want: unknown, have: unknown): string[] =>
  same(want, have) ? [] : [`${label}: is ${show(have)}, expected ${show(want)}`];

/** One line per field of `expected` whose value differs in `actual`. */
function fieldDiffs<T extends object>(label: string, expected: T, actual: T): string[] {
  return Object.keys(expected).flatMap((field) => {
    const want = (expected as Record<string, unknown>)[field];
    const have = (actual as Record<string, unknown>)[field];
    return same(want, have) ? [] : [`${label}: ${field} is ${show(have)}, expected ${show(want)}`];
  });
}

/** Reports keys present on one side only, and hands the shared ones to `compareOne`. */
function compareKeyed<T>(
  label: (name: string) => string,
  expected: Record<string, T>,
  actual: Record<string, T>,
  compareOne: (label: string, expected: T, actual: T) => string[],
): string[] {
  const diffs: string[] = [];
  for (const [name, want] of Object.entries(expected)) {
    const have = actual[name];
    diffs.push(...(have === undefined ? [`${label(name)}: missing`] : compareOne(label(name), want, have)));
  }
  for (const name of Object.keys(actual)) {
    if (!(name in expected)) diffs.push(`${label(name)}: not expected`);
  }
  return diffs;
}

/** Turns a list into a record keyed by `key`, to compare lists whose order does not matter. */
const byKey = <T>(items: T[], key: (item: T) => string): Record<string, T> =>
  Object.fromEntries(items.map((item) => [key(item), item]));

const describeForeignKey = (fk: ForeignKeySpec) =>
  `${fk.references.table}${list(fk.references.columns)} ON DELETE ${fk.onDelete}`;

function compareTable(label: string, expected: TableSpec, actual: TableSpec): string[] {
  const diffs = compareKeyed((c) => `${label}: column ${c}`, expected.columns, actual.columns, fieldDiffs);
  const wantOrder = Object.keys(expected.columns);
  const haveOrder = Object.keys(actual.columns);
  // Only worth saying when the columns are the same ones, or it repeats the lines above.
  if (same([...wantOrder].sort(), [...haveOrder].sort()) && !same(wantOrder, haveOrder)) {
    diffs.push(`${label}: columns are in the order ${list(haveOrder)}, expected ${list(wantOrder)}`);
  }
  if (!same(expected.primaryKey, actual.primaryKey)) {
    diffs.push(`${label}: primary key is ${list(actual.primaryKey)}, expected ${list(expected.primaryKey)}`);
  }
  diffs.push(
    ...compareKeyed(
      (u) => `${label}: unique ${u}`,
      byKey(expected.unique, list),
      byKey(actual.unique, list),
      () => [],
    ),
    ...compareKeyed(
      (columns) => `${label}: foreign key ${columns}`,
      byKey(expected.foreignKeys, (fk) => list(fk.columns)),
      byKey(actual.foreignKeys, (fk) => list(fk.columns)),
      (fkLabel, want, have) =>
        same(want, have)
          ? []
          : [`${fkLabel}: references ${describeForeignKey(have)}, expected ${describeForeignKey(want)}`],
    ),
    ...compareKeyed((name) => `${label}: check ${name}`, expected.checks ?? {}, actual.checks ?? {}, valueDiff),
  );
  if (expected.rowLevelSecurity !== actual.rowLevelSecurity) {
    const state = (on: boolean) => (on ? 'enabled' : 'disabled');
    diffs.push(
      `${label}: row level security is ${state(actual.rowLevelSecurity)}, expected ${state(expected.rowLevelSecurity)}`,
    );
  }
  return diffs;
}

const normalizedFunction = (f: FunctionSpec): FunctionSpec => ({ ...f, statements: f.statements.map(normalizeSql) });

/** Seed rows are compared in order, each named by its `key` or `name` column. */
function compareRows(table: string, want: Row[], have: Row[]): string[] {
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(want.length, have.length); i++) {
    const expectedRow = want[i];
    const actualRow = have[i];
    const named = (expectedRow ?? actualRow)!;
    const label = `seed row ${i + 1} of ${table} (${show(named.key ?? named.name ?? null)})`;
    if (!actualRow) diffs.push(`${label}: missing`);
    else if (!expectedRow) diffs.push(`${label}: not expected`);
    else diffs.push(...compareKeyed((column) => `${label}: column ${column}`, expectedRow, actualRow, valueDiff));
  }
  return diffs;
}

/** Every difference between `expected` and `actual`, one line each; empty when they agree. */
export function compareSchema(expected: SchemaSpec, actual: SchemaSpec): string[] {
  return [
    ...compareKeyed((t) => `table ${t}`, expected.tables, actual.tables, compareTable),
    ...compareKeyed((i) => `index ${i}`, expected.indexes, actual.indexes, fieldDiffs),
    ...compareKeyed((p) => `policy ${p}`, expected.policies, actual.policies, fieldDiffs),
    ...compareKeyed(
      (f) => `function ${f}`,
      expected.functions,
      actual.functions,
      (label, want, have) => fieldDiffs(label, normalizedFunction(want), normalizedFunction(have)),
    ),
    ...compareKeyed((t) => `trigger ${t}`, expected.triggers, actual.triggers, fieldDiffs),
    ...(Object.keys(expected.seedRows) as Array<keyof SeedRows>).flatMap((table) =>
      compareRows(table, expected.seedRows[table], actual.seedRows[table]),
    ),
  ];
}
