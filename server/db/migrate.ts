/**
 * Knex's own migrator over `migrations/`, used at start-up, by `npm run migrate` and in tests.
 * The files are TypeScript; they load because every entry point runs under tsx.
 */
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';

export const migrationConfig: Knex.MigratorConfig = {
  directory: fileURLToPath(new URL('../../migrations', import.meta.url)),
  loadExtensions: ['.ts'],
  tableName: 'knex_migrations',
};

/** Migrates to the newest version; returns the names of the migrations it ran. */
export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const [, ran] = (await knex.migrate.latest(migrationConfig)) as [number, string[]];
  return ran;
}

/** Rolls back the last batch, or every migration with `all`. Returns what it undid. */
export async function rollback(knex: Knex, all = false): Promise<string[]> {
  const [, undone] = (await knex.migrate.rollback(migrationConfig, all)) as [number, string[]];
  return undone;
}
