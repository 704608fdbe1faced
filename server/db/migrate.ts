/**
 * Knex's own migrator over `migrations/`, used at start-up, by `npm run migrate` and in tests.
 * The files are TypeScript; they load because every entry point runs under tsx. After every run,
 * the job runner's queues are declared (each is a table: server/jobs/job-runner.ts) and the
 * server's group role is granted what it needs on whatever tables now exist (service-role.ts).
 */
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { declareJobQueues } from '../jobs/job-runner';
import { JOBS } from '../jobs/registry';
import { oneProcessAtATime } from './one-at-a-time';
import { grantServiceRole } from './service-role';

/** Knex's bookkeeping table (and `<name>_lock`). */
export const MIGRATIONS_TABLE = 'knex_migrations';

export const migrationConfig: Knex.MigratorConfig = {
  directory: fileURLToPath(new URL('../../migrations', import.meta.url)),
  loadExtensions: ['.ts'],
  tableName: MIGRATIONS_TABLE,
};

/** Migrates to the newest version; returns the names of the migrations it ran. */
export async function migrateToLatest(knex: Knex): Promise<string[]> {
  // Server processes started together migrate in turn: the first runs what is new, the others find nothing.
  return oneProcessAtATime(knex, 'acct:migrate', async () => {
    const [, ran] = (await knex.migrate.latest(migrationConfig)) as [number, string[]];
    await declareJobQueues(knex, JOBS);
    await grantServiceRole(knex, MIGRATIONS_TABLE);
    return ran;
  });
}

/** Rolls back the last batch, or every migration with `all`. Returns what it undid. */
export async function rollback(knex: Knex, all = false): Promise<string[]> {
  const [, undone] = (await knex.migrate.rollback(migrationConfig, all)) as [number, string[]];
  return undone;
}
