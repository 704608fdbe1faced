/** Test helper: a signed-in client whose account holds the admin role. */
import type { RunningServer } from '../start';
import { signedUpClient } from './accounts';

export async function adminClient(server: RunningServer) {
  const account = await signedUpClient(server.services, server.url);
  await server.db.knex('auth.users').where({ email: account.email }).update({ app_role: 'admin' });
  return account;
}
