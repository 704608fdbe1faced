/**
 * `npm run keys:rotate`: adds a new JWT signing key that signs from now on. The previous key stays
 * in the JWKS for an hour, so tokens it signed keep verifying until they expire; other server
 * processes switch within five minutes.
 */
import { loadConfigOrExit } from '../../config';
import { openDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { loadEnvelope } from '../../security/envelope';
import { SigningKeys } from './signing-keys';

const config = loadConfigOrExit();
const db = await openDatabase(config.database);
try {
  await migrateToLatest(db.knex);
  const keys = new SigningKeys(db.knex, await loadEnvelope(config.encryptionKeys, config.dataDir), config.publicUrl);
  console.log(`new signing key: ${await keys.rotate()}`);
} finally {
  await db.close();
}
