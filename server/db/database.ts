/**
 * Opens the one database acct keeps everything in: a PostgreSQL server when `DATABASE_URL` is set,
 * otherwise an embedded PostgreSQL (PGlite through knex-pglite) persisted in `ACCT_DATA_DIR`, so
 * that `npm start` needs nothing installed. Both run the same migrations and the same SQL.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import type { Logger } from '../http/logging';

export type DatabaseKind = 'postgres' | 'pglite';

/** Where the data lives: a server URL, or a folder for the embedded database (`memory://` keeps it in memory). */
export type DatabaseTarget = { url: string; poolMax?: number } | { dataDir: string };

export interface Database {
  /** The service connection: privileged work only. User-owned rows go through `asUser`. */
  knex: Knex;
  kind: DatabaseKind;
  /**
   * Runs one statement (`$1`-style parameters) straight on a pooled connection, skipping Knex's
   * query builder: a named prepared statement on PostgreSQL, so the server plans it once per
   * connection. For hot paths only (the session check on every request); never inside a
   * transaction on the embedded database, whose single connection the transaction holds.
   */
  prepared<Row>(name: string, sql: string, params: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

interface RawConnection {
  query(
    query: string | { name: string; text: string; values: unknown[] },
    values?: unknown[],
  ): Promise<{ rows: unknown[] }>;
}

/** Borrows a connection from Knex's pool for one statement. */
function preparedOn(knex: Knex, kind: DatabaseKind): Database['prepared'] {
  const client = knex.client as {
    acquireConnection(): Promise<RawConnection>;
    releaseConnection(c: RawConnection): Promise<void>;
  };
  return async <Row>(name: string, text: string, values: unknown[]) => {
    const connection = await client.acquireConnection();
    try {
      // PGlite prepares every query it runs; only node-postgres needs the name.
      const result =
        kind === 'postgres' ? await connection.query({ name, text, values }) : await connection.query(text, values);
      return result.rows as Row[];
    } finally {
      await client.releaseConnection(connection);
    }
  };
}

/**
 * node-postgres returns int8 (`bigint`, `count(*)`) as strings while PGlite returns numbers; we
 * parse them as numbers on both, since every int8 acct stores (sizes, counts) is far below 2^53.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

// knex-pglite's typings describe a config object, not the dialect class it really exports.
type DialectClass = new (config: Knex.Config) => { processResponse(obj: object, runner: unknown): unknown };
const PgLiteBase = ClientPgLite as unknown as DialectClass;

/**
 * knex-pglite names a delete's command after knex's method, `DEL`, where knex's PostgreSQL
 * dialect expects `DELETE`; knex then returns the raw driver answer instead of the row count.
 * Renaming the method before it is upper-cased restores `.del()`'s count and `.returning()`.
 */
class PgLiteClient extends PgLiteBase {
  override processResponse(obj: { method?: string }, runner: unknown): unknown {
    return super.processResponse(obj.method === 'del' ? { ...obj, method: 'delete' } : obj, runner);
  }
}

/** Where knex's own warnings go (the server's logger); without one, the console. */
export type DatabaseLogger = Pick<Logger, 'warn' | 'debug'>;

/**
 * Knex's own warnings — "Acquire connection error: …" while the database is down, say — which it
 * prints to the console with a stack by default: one log line each, the first line of the message.
 */
function knexLog(logger: DatabaseLogger | undefined): Knex.Logger {
  const firstLine = (message: unknown) => (message instanceof Error ? message.message : String(message)).split('\n')[0];
  const warn = (message: unknown) => {
    if (logger) logger.warn({ source: 'knex' }, firstLine(message));
    else console.warn(`knex: ${firstLine(message)}`);
  };
  return {
    warn,
    error: warn,
    deprecate: (method: string, alternative: string) => warn(`${method} is deprecated, use ${alternative}`),
    debug: (message: unknown) => logger?.debug({ source: 'knex' }, firstLine(message)),
  };
}

export async function openDatabase(
  target: DatabaseTarget,
  { logger }: { logger?: DatabaseLogger } = {},
): Promise<Database> {
  if ('url' in target) {
    const knex = knexFactory({
      log: knexLog(logger),
      client: 'pg',
      connection: { connectionString: target.url, types: pgTypes } as Knex.PgConnectionConfig,
      pool: { min: 0, max: target.poolMax ?? 10 },
    });
    return { knex, kind: 'postgres', prepared: preparedOn(knex, 'postgres'), close: () => knex.destroy() };
  }

  const inMemory = target.dataDir.startsWith('memory://');
  const dataDir = inMemory ? target.dataDir : resolve(target.dataDir);
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const knex = knexFactory({
    log: knexLog(logger),
    client: PgLiteClient as unknown as typeof Knex.Client,
    connection: inMemory ? {} : { filename: dataDir },
  });
  return { knex, kind: 'pglite', prepared: preparedOn(knex, 'pglite'), close: () => knex.destroy() };
}
