/**
 * The signing-keys module's queries (`auth.signing_keys`) — the only code of the module that
 * touches Knex or SQL. A key is current until `rotated_at` is set.
 */
import type { Knex } from 'knex';
import type { SigningKeyRow } from '../../db/tables';

type Db = Knex | Knex.Transaction;

/** The id of a current key, if there is one. */
export async function currentKeyId(db: Db): Promise<string | undefined> {
  return (await db('auth.signing_keys').whereNull('rotated_at').first('kid'))?.kid;
}

/** The newest current key, the one that signs. */
export function newestCurrentKey(db: Db): Promise<SigningKeyRow | undefined> {
  return db('auth.signing_keys').whereNull('rotated_at').orderBy('created_at', 'desc').first();
}

/** Marks every current key rotated (a newer one is about to be inserted). */
export async function retireCurrentKeys(db: Db): Promise<void> {
  await db('auth.signing_keys').whereNull('rotated_at').update({ rotated_at: db.fn.now() });
}

export async function insertKey(
  db: Db,
  key: Pick<SigningKeyRow, 'kid' | 'algorithm' | 'private_jwk_encrypted'> & { public_jwk: string },
): Promise<void> {
  await db('auth.signing_keys').insert(key);
}

/** The current keys and those rotated within the last `retiredSeconds`, newest first. */
export function publishedKeys(db: Db, retiredSeconds: number): Promise<SigningKeyRow[]> {
  return db('auth.signing_keys')
    .whereNull('rotated_at')
    .orWhere('rotated_at', '>', db.raw('now() - make_interval(secs => ?)', [retiredSeconds]))
    .orderBy('created_at', 'desc');
}
