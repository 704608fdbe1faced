/**
 * The guard of a password sign-in's last write (its session, or its pending second step): the
 * password it checked must still be the account's. A change or reset committed while the sign-in
 * was checking has already ended every other session; a session made after it with the replaced
 * password would escape that (docs/security.md C3). The row stays held until the write commits,
 * so a change that starts later waits for it and then ends it like any other session.
 */
import type { Knex } from 'knex';
import { AuthErrors } from '../../../contract/auth';
import { ApiError } from '../../http/errors';
import { passwordStillIs } from '../users/users.queries';

/** Refuses, like a wrong password, a sign-in whose password was replaced while it was checked. */
export async function assertPasswordUnchanged(
  trx: Knex.Transaction,
  userId: string,
  passwordHash: string | undefined,
): Promise<void> {
  if (passwordHash !== undefined && !(await passwordStillIs(trx, userId, passwordHash))) {
    throw ApiError.of(AuthErrors, 'invalid_credentials');
  }
}
