/**
 * Fresh databases for tests: an in-memory embedded PostgreSQL always, and a real PostgreSQL too
 * when `TEST_DATABASE_URL` names a server (an admin connection, e.g.
 * `postgres://postgres@127.0.0.1:5432/postgres`). Each real database gets a unique name and is
 * dropped afterwards; the databases already on the server are never touched.
 */
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import knexFactory from 'knex';
import { openDatabase, type Database, type DatabaseKind } from '../db/database';
import { migrateToLatest } from '../db/migrate';

export interface TestDatabase extends Database {
  /** For PostgreSQL, the connection URL of this test's own database. */
  url?: string;
  /** Closes the connection and, for PostgreSQL, drops the database. */
  drop(): Promise<void>;
}

/** How long a test's statement may wait on a lock (PostgreSQL), so a lock wait fails the test. */
export const TEST_LOCK_TIMEOUT = '30s';

/** The database kinds this run covers: always the embedded one, PostgreSQL when given. */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

/** Creates an empty database (migrated unless `migrate: false`). */
export async function createTestDatabase(kind: DatabaseKind, { migrate = true } = {}): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    if (migrate) await migrateToLatest(db.knex);
    return { ...db, drop: db.close };
  }

  const name = `acct_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: adminUrl(), pool: { min: 0, max: 1 } });
  try {
    await admin.raw('create database ??', [name]);
    // A test whose statement waits on a lock that another connection holds fails instead of
    // hanging the run: the embedded database has one connection and never shows such a wait.
    // Generous, because migrations create cluster-wide roles that parallel test files contend
    // for. (Not idle_in_transaction_session_timeout: it also cut a migrator's transaction.)
    await admin.raw(`alter database ?? set lock_timeout = '${TEST_LOCK_TIMEOUT}'`, [name]);
  } finally {
    await admin.destroy();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolMax: 20 });
  const drop = async () => {
    await db.close();
    const cleaner = knexFactory({ client: 'pg', connection: adminUrl(), pool: { min: 0, max: 1 } });
    try {
      await cleaner.raw('drop database if exists ?? with (force)', [name]);
    } finally {
      await cleaner.destroy();
    }
  };
  try {
    if (migrate) await migrateToLatest(db.knex);
  } catch (err) {
    await drop();
    throw err;
  }
  return { ...db, url: url.toString(), drop };
}

/**
 * Declares a `describe` block per database kind, each with its own fresh database. The callback
 * gets a getter, because the database only exists once the block's `before` hook has run.
 */
export function describeOnEachDatabase(
  title: string,
  body: (getDb: () => TestDatabase, kind: DatabaseKind) => void,
  options: { migrate?: boolean } = {},
): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${title} (${kind})`, () => {
      let db: TestDatabase | undefined;
      before(async () => {
        db = await createTestDatabase(kind, options);
      });
      body(() => {
        if (!db) throw new Error('the test database is not ready yet');
        return db;
      }, kind);
      // Registered after the body's hooks, so it runs after them: node:test runs `after` hooks in
      // the order they were declared, and the servers the body started must stop before their
      // database goes.
      after(async () => {
        await db?.drop();
      });
    });
  }
}
