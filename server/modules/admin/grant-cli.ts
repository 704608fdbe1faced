/**
 * `npm run admin:grant -- <email>` (or `-- --revoke <email>`): makes an account an administrator
 * of acct (onboarding paths, checklist items, templates, funnel), or takes the role away.
 */
import { loadConfigOrExit } from '../../config';
import { openDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { setAppRole } from './admin.queries';

const args = process.argv.slice(2);
const revoke = args.includes('--revoke');
const email = args.find((a) => !a.startsWith('--'));
if (!email) {
  console.error('usage: npm run admin:grant -- [--revoke] <email>');
  process.exit(64);
}
const db = await openDatabase(loadConfigOrExit().database);
try {
  await migrateToLatest(db.knex);
  if (!(await setAppRole(db.knex, email, revoke ? 'user' : 'admin'))) {
    console.error(`no account with the email ${email}`);
    process.exitCode = 1;
  } else {
    console.log(`${email} is ${revoke ? 'no longer' : 'now'} an administrator`);
  }
} finally {
  await db.close();
}
