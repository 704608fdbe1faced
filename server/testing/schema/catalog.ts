/**
 * Reads the live schema of a database into the shape of `types.ts`, from pg_catalog only, so the
 * answer is the same on PostgreSQL and on PGlite (which is PostgreSQL compiled to WebAssembly and
 * has the same catalog). Knex's own bookkeeping tables are left out; everything else in the
 * `public` and `auth` schemas is reported, so that objects nobody expected show up too.
 *
 * Arrays leave the database as json (json_agg / to_json): node-postgres and PGlite parse json
 * alike, whereas they disagree on less common array types such as name[].
 */
import type { Knex } from 'knex';
import { migrationConfig } from '../../db/migrate';
import type {
  ColumnSpec,
  ForeignKeySpec,
  FunctionSpec,
  IndexSpec,
  PolicyCommand,
  PolicySpec,
  ReferentialAction,
  Row,
  SchemaSpec,
  TableSpec,
  TriggerSpec,
} from './types';

/** The schemas acct creates objects in. */
export const ACCT_SCHEMAS = ['public', 'auth'] as const;

/** Knex's bookkeeping: the migrations table and its lock. */
const MIGRATIONS_TABLE = migrationConfig.tableName ?? 'knex_migrations';
const KNEX_TABLES = [MIGRATIONS_TABLE, `${MIGRATIONS_TABLE}_lock`];

/** A SQL list of string literals; only ever given the constants above, never input. */
const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const SCHEMAS = inList(ACCT_SCHEMAS);

/** SQL for a relation's name as `TableName` spells it: bare in public, qualified elsewhere. */
const qualified = (ns: string, name: string) =>
  `case when ${ns}.nspname = 'public' then ${name} else ${ns}.nspname || '.' || ${name} end`;

/** The relations acct owns: ordinary and partitioned tables in its schemas, minus knex's. */
const OWN_TABLES = `
  select c.oid, ${qualified('n', 'c.relname')} as name, c.relrowsecurity
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname in (${SCHEMAS}) and c.relname not in (${inList(KNEX_TABLES)})`;

/** Column names of `attnums` (an int2[] of `rel`) in order, as a json array. */
const columnNames = (rel: string, attnums: string) => `(
  select json_agg(a.attname order by k.ord)
  from unnest(${attnums}) with ordinality as k(attnum, ord)
  join pg_attribute a on a.attrelid = ${rel} and a.attnum = k.attnum)`;

const ON_DELETE: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

const VOLATILITY: Record<string, FunctionSpec['volatility']> = { v: 'VOLATILE', s: 'STABLE', i: 'IMMUTABLE' };

/** pg_trigger.tgtype bits (src/include/catalog/pg_trigger.h). */
const TRIGGER_BITS = { row: 1, before: 2, insert: 4, delete: 8, update: 16, truncate: 32, instead: 64 };

async function rows<T>(knex: Knex, sql: string): Promise<T[]> {
  const result = (await knex.raw(sql)) as { rows: T[] };
  return result.rows;
}

async function readTables(knex: Knex): Promise<Record<string, TableSpec>> {
  const tables: Record<string, TableSpec> = {};
  for (const t of await rows<{ name: string; relrowsecurity: boolean }>(knex, `${OWN_TABLES} order by name`)) {
    tables[t.name] = {
      columns: {},
      primaryKey: [],
      unique: [],
      foreignKeys: [],
      checks: {},
      rowLevelSecurity: t.relrowsecurity,
    };
  }

  const columns = await rows<{ table: string; name: string } & ColumnSpec>(
    knex,
    `select t.name as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
            not a.attnotnull as nullable, pg_get_expr(d.adbin, d.adrelid) as default
     from (${OWN_TABLES}) t
     join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
     left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     order by t.name, a.attnum`,
  );
  for (const { table, name, ...column } of columns) tables[table]!.columns[name] = column;

  // p, u, f, c only: PostgreSQL 18 also lists NOT NULL as constraints, which `nullable` covers.
  const constraints = await rows<{
    table: string;
    name: string;
    type: 'p' | 'u' | 'f' | 'c';
    columns: string[];
    foreign_table: string | null;
    foreign_columns: string[] | null;
    on_delete: string;
    definition: string;
  }>(
    knex,
    `select t.name as table, con.conname as name, con.contype as type,
            ${columnNames('con.conrelid', 'con.conkey')} as columns,
            ${qualified('fn', 'fc.relname')} as foreign_table,
            ${columnNames('con.confrelid', 'con.confkey')} as foreign_columns,
            con.confdeltype as on_delete, pg_get_constraintdef(con.oid) as definition
     from (${OWN_TABLES}) t
     join pg_constraint con on con.conrelid = t.oid and con.contype in ('p', 'u', 'f', 'c')
     left join pg_class fc on fc.oid = con.confrelid
     left join pg_namespace fn on fn.oid = fc.relnamespace
     order by t.name, con.conname`,
  );
  for (const con of constraints) {
    const table = tables[con.table]!;
    if (con.type === 'p') table.primaryKey = con.columns;
    else if (con.type === 'u') table.unique.push(con.columns);
    else if (con.type === 'c') table.checks![con.name] = con.definition;
    else {
      const foreignKey: ForeignKeySpec = {
        columns: con.columns,
        references: { table: con.foreign_table!, columns: con.foreign_columns! },
        onDelete: ON_DELETE[con.on_delete]!,
      };
      table.foreignKeys.push(foreignKey);
    }
  }
  return tables;
}

async function readIndexes(knex: Knex): Promise<Record<string, IndexSpec>> {
  // Indexes that back a primary key or unique constraint are left out: the table's constraints
  // describe them. indoption bit 0 is DESC, bit 1 NULLS FIRST (src/include/catalog/pg_index.h).
  const found = await rows<{ name: string } & IndexSpec>(
    knex,
    `select i.relname as name, t.name as table, ix.indisunique as unique,
            pg_get_expr(ix.indpred, ix.indrelid) as where,
            (select json_agg(pg_get_indexdef(ix.indexrelid, k, true)
                             || case when ix.indoption[k - 1] & 1 = 1 then ' DESC' else '' end
                             || case when ix.indoption[k - 1] & 3 = 2 then ' NULLS FIRST'
                                     when ix.indoption[k - 1] & 3 = 1 then ' NULLS LAST' else '' end
                             order by k)
             from generate_series(1, ix.indnkeyatts) as k) as columns
     from (${OWN_TABLES}) t
     join pg_index ix on ix.indrelid = t.oid
     join pg_class i on i.oid = ix.indexrelid
     where not exists (select 1 from pg_constraint con
                       where con.conindid = ix.indexrelid and con.conrelid = ix.indrelid
                         and con.contype in ('p', 'u', 'x'))
     order by i.relname`,
  );
  return Object.fromEntries(found.map(({ name, ...index }) => [name, index]));
}

async function readPolicies(knex: Knex): Promise<Record<string, PolicySpec>> {
  const found = await rows<{
    name: string;
    table: string;
    command: PolicyCommand;
    permissive: string;
    roles: string[];
    using: string | null;
    with_check: string | null;
  }>(
    knex,
    `select p.policyname as name,
            case when p.schemaname = 'public' then p.tablename else p.schemaname || '.' || p.tablename end as table,
            p.cmd as command, p.permissive, to_json(p.roles) as roles, p.qual as using, p.with_check
     from pg_policies p
     where p.schemaname in (${SCHEMAS})
     order by p.policyname`,
  );
  return Object.fromEntries(
    found.map((p) => [
      p.name,
      {
        table: p.table,
        command: p.command,
        permissive: p.permissive === 'PERMISSIVE',
        roles: p.roles,
        using: p.using,
        withCheck: p.with_check,
      },
    ]),
  );
}

/**
 * A function body as statements: plpgsql's outer BEGIN … END removed, split at semicolons. Good
 * enough for acct's functions, which have no DECLARE block and no semicolon inside a literal.
 */
export function splitStatements(source: string): string[] {
  const body = source
    .trim()
    .replace(/^begin\b/i, '')
    .replace(/\bend\s*;?$/i, '');
  return body
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

async function readFunctions(knex: Knex): Promise<Record<string, FunctionSpec>> {
  // Functions that belong to an extension (deptype 'e') are the extension's, not acct's.
  const found = await rows<{ name: string; returns: string; language: string; volatility: string; source: string }>(
    knex,
    `select ${qualified('n', 'p.proname')} || '(' || pg_get_function_identity_arguments(p.oid) || ')' as name,
            format_type(p.prorettype, null) as returns, l.lanname as language,
            p.provolatile as volatility, p.prosrc as source
     from pg_proc p
     join pg_namespace n on n.oid = p.pronamespace
     join pg_language l on l.oid = p.prolang
     where n.nspname in (${SCHEMAS}) and p.prokind = 'f'
       and not exists (select 1 from pg_depend d
                       where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
     order by name`,
  );
  return Object.fromEntries(
    found.map((f) => [
      f.name,
      {
        returns: f.returns,
        language: f.language,
        volatility: VOLATILITY[f.volatility]!,
        statements: splitStatements(f.source),
      },
    ]),
  );
}

async function readTriggers(knex: Knex): Promise<Record<string, TriggerSpec>> {
  const found = await rows<{ name: string; table: string; type: number; function: string }>(
    knex,
    `select tg.tgname as name, t.name as table, tg.tgtype as type,
            ${qualified('pn', 'p.proname')} || '(' || pg_get_function_identity_arguments(p.oid) || ')' as function
     from (${OWN_TABLES}) t
     join pg_trigger tg on tg.tgrelid = t.oid and not tg.tgisinternal
     join pg_proc p on p.oid = tg.tgfoid
     join pg_namespace pn on pn.oid = p.pronamespace
     order by tg.tgname`,
  );
  return Object.fromEntries(
    found.map(({ name, table, type, function: fn }) => {
      const has = (bit: number) => (type & bit) !== 0;
      const events: TriggerSpec['events'] = [];
      if (has(TRIGGER_BITS.insert)) events.push('INSERT');
      if (has(TRIGGER_BITS.update)) events.push('UPDATE');
      if (has(TRIGGER_BITS.delete)) events.push('DELETE');
      if (has(TRIGGER_BITS.truncate)) events.push('TRUNCATE');
      let timing: TriggerSpec['timing'] = 'AFTER';
      if (has(TRIGGER_BITS.instead)) timing = 'INSTEAD OF';
      else if (has(TRIGGER_BITS.before)) timing = 'BEFORE';
      return [name, { table, timing, events, level: has(TRIGGER_BITS.row) ? 'ROW' : 'STATEMENT', function: fn }];
    }),
  );
}

/** Reads every row of `table` in `orderBy` order, without the generated `omit` columns. */
async function readRows(knex: Knex, table: string, orderBy: string[], omit: string[]): Promise<Row[]> {
  const found = (await knex(table).select('*').orderBy(orderBy)) as Row[];
  return found.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !omit.includes(column))));
}

/**
 * Reads the live schema. Pass a transaction to read inside it (on PGlite, inside an open
 * transaction, it must be the transaction). The seed tables' rows are read whole, so compare a
 * database that holds no other data in them.
 */
export async function readSchema(knex: Knex): Promise<SchemaSpec> {
  const tables = await readTables(knex);
  // A table the migrations failed to create is reported by the table comparison; do not fail here.
  const rowsOf = (table: string, orderBy: string[], omit: string[]) =>
    table in tables ? readRows(knex, table, orderBy, omit) : Promise.resolve([]);
  return {
    tables,
    indexes: await readIndexes(knex),
    policies: await readPolicies(knex),
    functions: await readFunctions(knex),
    triggers: await readTriggers(knex),
    seedRows: {
      onboarding_paths: await rowsOf('onboarding_paths', ['name'], ['id', 'created_at', 'updated_at']),
      setup_checklist_items: await rowsOf('setup_checklist_items', ['sort_order', 'key'], ['id']),
    },
  };
}
