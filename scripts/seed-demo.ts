/**
 * `npm run demo:seed` (run by `npm start`): loads the demo's own data — templates for events,
 * tours, festivals and corporate work, and a second onboarding path — into the configured
 * database (DATABASE_URL, else the embedded one), migrating it first. Idempotent: only what is
 * missing is added, so it runs before every start. docs/architecture.md keeps this data out of the migrations.
 */
import { seedDemoData } from '../demo/seed-demo-data';
import { loadConfigOrExit } from '../server/config';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';

const config = loadConfigOrExit();
const db = await openDatabase(config.database);
try {
  await migrateToLatest(db.knex);
  await seedDemoData(db.knex);
} finally {
  await db.close();
}
