/**
 * Small builders for writing the expected schema down, so that each seed column reads as one
 * line: `device_type: column(varchar(50))`. Types and defaults come out spelled the way the
 * PostgreSQL catalog prints them (`VARCHAR(50)` → `character varying(50)`, `TIMESTAMPTZ` →
 * `timestamp with time zone`, `DEFAULT 'instant'` → `'instant'::character varying`).
 */
import type { ColumnSpec, ForeignKeySpec, IndexSpec, ReferentialAction, TableName } from './types';

export const UUID = 'uuid';
export const TEXT = 'text';
export const BOOLEAN = 'boolean';
export const INTEGER = 'integer';
export const BIGINT = 'bigint';
export const JSONB = 'jsonb';
export const INET = 'inet';
export const BYTEA = 'bytea';
export const TIMESTAMPTZ = 'timestamp with time zone';
export const TIME = 'time without time zone';
export const varchar = (length: number) => `character varying(${length})`;

/** `DEFAULT NOW()` as the catalog prints it. */
export const NOW = 'now()';
/** A string default on a varchar column, e.g. `DEFAULT 'instant'`. */
export const varcharDefault = (value: string) => `'${value}'::character varying`;
/** A jsonb literal default, e.g. `DEFAULT '[]'::jsonb`. */
export const jsonbDefault = (json: string) => `'${json}'::jsonb`;

export interface ColumnOptions {
  notNull?: boolean;
  /** The default as the catalog prints it (see the helpers above). */
  default?: string;
}

/** A column; nullable and without default unless the options say otherwise, as in SQL. */
export function column(type: string, { notNull = false, default: defaultValue }: ColumnOptions = {}): ColumnSpec {
  return { type, nullable: !notNull, default: defaultValue ?? null };
}

export const NOT_NULL: ColumnOptions = { notNull: true };

/** `id UUID PRIMARY KEY DEFAULT gen_random_uuid()`, the first column of nearly every table. */
export const ID = column(UUID, { notNull: true, default: 'gen_random_uuid()' });

/** `TIMESTAMPTZ DEFAULT NOW()`: created_at, updated_at and their kin. */
export const TIMESTAMPTZ_NOW = column(TIMESTAMPTZ, { default: NOW });

/** `<column> REFERENCES <table>(<target>) ON DELETE <action>`; no ON DELETE means NO ACTION. */
export function references(
  columnName: string,
  table: TableName,
  target = 'id',
  onDelete: ReferentialAction = 'NO ACTION',
): ForeignKeySpec {
  return { columns: [columnName], references: { table, columns: [target] }, onDelete };
}

/** `user_id … REFERENCES auth.users(id) ON DELETE CASCADE`, the seed's owner column. */
export const USER_CASCADE = references('user_id', 'auth.users', 'id', 'CASCADE');

/**
 * An index: key columns as pg_get_indexdef prints them (`created_at DESC`, `lower(email::text)`),
 * and a partial index's predicate as pg_get_expr prints it (`(revoked_at IS NULL)`).
 */
export function index(
  table: TableName,
  columns: string[],
  { unique = false, where = null }: { unique?: boolean; where?: string | null } = {},
): IndexSpec {
  return { table, columns, unique, where };
}

/** `CHECK (column IN (…))` on a varchar column, as pg_get_constraintdef prints it. */
export const inCheck = (column: string, values: string[]) =>
  `CHECK (((${column})::text = ANY ((ARRAY[${values.map((v) => `'${v}'::character varying`).join(', ')}])::text[])))`;
