/**
 * `npm run migrate` / `npm run migrate:rollback [-- --all]`: Knex's migrator on the configured
 * database (`ACCT_MIGRATION_DATABASE_URL`, else `DATABASE_URL`, else the embedded one in
 * `ACCT_DATA_DIR`), reading `.env` like the server does.
 */
import { loadConfigOrExit } from '../config';
import { openDatabase } from './database';
import { migrateToLatest, rollback } from './migrate';

const [command, ...flags] = process.argv.slice(2);
if (command !== 'latest' && command !== 'rollback') {
  console.error('usage: migrate-cli.ts latest | rollback [--all]');
  process.exit(64);
}

const config = loadConfigOrExit();

const db = await openDatabase(
  config.migrationDatabaseUrl ? { url: config.migrationDatabaseUrl, poolMax: 2 } : config.database,
);
try {
  const names =
    command === 'latest' ? await migrateToLatest(db.knex) : await rollback(db.knex, flags.includes('--all'));
  const verb = command === 'latest' ? 'applied' : 'rolled back';
  console.log(
    names.length
      ? `${verb}:\n  ${names.join('\n  ')}`
      : `nothing to do (${command === 'latest' ? 'already up to date' : 'no migrations to roll back'})`,
  );
} catch (err) {
  console.error('migration failed:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.close();
}
