/**
 * How pg-boss reaches acct's database: through a Knex connection (the service pool, or a caller's
 * transaction), so that the job runner works the same on PostgreSQL and on the embedded database,
 * whose only connection Knex owns — pg-boss's own pool could not open a second one (timgit/pg-boss
 * issue #563 runs pg-boss on PGlite the same way). Knex's transaction client hands out the
 * transaction's connection, so a job sent with `db: trx` commits or rolls back with the caller's work.
 */
import type { Knex } from 'knex';
import type PgBoss from 'pg-boss';

/** pg-boss's schema, installed by migration 20260801000100_job_runner. */
export const JOB_SCHEMA = 'pgboss';

interface Connection {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] } | { rows: unknown[] }[]>;
  /** PGlite only: several statements in one string (pg-boss's installer and maintenance send such). */
  exec?(text: string): Promise<{ rows: unknown[] }[]>;
}

interface ConnectionPool {
  acquireConnection(): Promise<Connection>;
  releaseConnection(connection: Connection): Promise<void>;
}

export function pgBossDb(db: Knex | Knex.Transaction): PgBoss.Db {
  const pool = db.client as ConnectionPool;
  const ownsConnection = !('isTransaction' in db && db.isTransaction);
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const connection = await pool.acquireConnection();
      try {
        // PGlite prepares every query, and a prepared statement holds one command: pg-boss's
        // multi-statement scripts (always without parameters) go through exec instead.
        const result =
          values.length === 0 && connection.exec ? await connection.exec(text) : await connection.query(text, values);
        // A multi-statement script answers once per statement; pg-boss reads none of them.
        return Array.isArray(result) ? (result.at(-1) ?? { rows: [] }) : result;
      } catch (err) {
        // pg-boss's scripts open their own transaction (BEGIN … COMMIT); one that failed half-way
        // leaves it open and aborted, and the pooled connection — the embedded database's only
        // one — would refuse everything after. Never a caller's transaction: that is the caller's.
        if (ownsConnection && values.length === 0) await connection.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        await pool.releaseConnection(connection);
      }
    },
  };
}
