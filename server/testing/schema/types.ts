/**
 * The shape both sides of the schema conformance check share: `expected-schema.ts` writes the
 * seed down in it, and `catalog.ts` reads a live database into it, so that `compare.ts` can name
 * every object that differs. Types, defaults and expressions are spelled the way PostgreSQL's
 * catalog prints them (format_type, pg_get_expr, pg_get_constraintdef), because that is the one
 * spelling both PostgreSQL and PGlite report the same way whatever the migration wrote.
 */

/** A table name as written in SQL: bare for `public`, schema-qualified otherwise (`auth.users`). */
export type TableName = string;

export interface ColumnSpec {
  /** format_type() spelling, e.g. `character varying(255)`, `timestamp with time zone`, `integer[]`. */
  type: string;
  nullable: boolean;
  /** pg_get_expr() of the default, e.g. `now()`, `'instant'::character varying`; null when none. */
  default: string | null;
}

/** ON DELETE actions as the SQL standard names them. */
export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

export interface ForeignKeySpec {
  columns: string[];
  references: { table: TableName; columns: string[] };
  onDelete: ReferentialAction;
}

export interface TableSpec {
  /** In the table's column order: the comparison checks the order as well. */
  columns: Record<string, ColumnSpec>;
  primaryKey: string[];
  /** Unique constraints by their columns (the seed does not name them). */
  unique: string[][];
  foreignKeys: ForeignKeySpec[];
  /** Check constraints: name → pg_get_constraintdef(). Absent means the table has none. */
  checks?: Record<string, string>;
  rowLevelSecurity: boolean;
}

/** An index that does not back a constraint (those are checked as primary key / unique). */
export interface IndexSpec {
  table: TableName;
  /** Key columns in order, as pg_get_indexdef prints each one, with ` DESC` where descending. */
  columns: string[];
  unique: boolean;
  /** The partial-index predicate as pg_get_expr prints it, e.g. `(revoked_at IS NULL)`. */
  where: string | null;
}

export type PolicyCommand = 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

export interface PolicySpec {
  table: TableName;
  command: PolicyCommand;
  permissive: boolean;
  roles: string[];
  /** The USING expression as pg_policies prints it. */
  using: string | null;
  withCheck: string | null;
}

export interface FunctionSpec {
  /** format_type() of the return type: `trigger`, `void`, `uuid`. */
  returns: string;
  language: string;
  volatility: 'VOLATILE' | 'STABLE' | 'IMMUTABLE';
  /**
   * The body's statements in order, without plpgsql's BEGIN/END. Compared case- and
   * whitespace-insensitively (see `normalizeSql`), so the seed's upper-case SQL can be written
   * down verbatim.
   */
  statements: string[];
}

export interface TriggerSpec {
  table: TableName;
  timing: 'BEFORE' | 'AFTER' | 'INSTEAD OF';
  events: Array<'INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE'>;
  level: 'ROW' | 'STATEMENT';
  /** The function it executes, e.g. `update_updated_at()`. */
  function: string;
}

/** A row as JSON values: the comparison ignores generated ids and timestamps. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Row = Record<string, JsonValue>;

/** Rows the migrations must insert, per table, in the order `catalog.ts` reads them back. */
export interface SeedRows {
  /** Every onboarding path, ordered by name; `id`, `created_at`, `updated_at` left out. */
  onboarding_paths: Row[];
  /** Every checklist item, ordered by sort_order then key; `id` left out. */
  setup_checklist_items: Row[];
}

export interface SchemaSpec {
  tables: Record<TableName, TableSpec>;
  /** Keyed by index name (unique per schema; every acct index has a distinct name). */
  indexes: Record<string, IndexSpec>;
  /** Keyed by policy name (every acct policy has a distinct name). */
  policies: Record<string, PolicySpec>;
  /** Keyed by qualified signature, e.g. `cleanup_expired_sessions()`, `auth.uid()`. */
  functions: Record<string, FunctionSpec>;
  /** Keyed by trigger name (every acct trigger has a distinct name). */
  triggers: Record<string, TriggerSpec>;
  seedRows: SeedRows;
}
