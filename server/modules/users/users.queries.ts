/**
 * The users module's queries — the only code of the module that touches Knex or SQL. Accounts as
 * the sign-in flows see them: look-ups by email (case-insensitively, through the `lower(email)`
 * unique index) and id on the service connection, creation, the user's own profile change
 * (through row-level security), and the public shape a user is shown in.
 */
import type { Knex } from 'knex';
import type { User } from '../../../contract/users';
import { iso } from '../../../contract/wire';
import { asUserWithin } from '../../db/as-user';
import type { UserRow } from '../../db/tables';

/** A user as the API shows it (contract/users.ts). */
export type PublicUser = User;

export function toPublicUser(
  row: Pick<
    UserRow,
    'id' | 'email' | 'email_verified_at' | 'display_name' | 'avatar_url' | 'bio' | 'app_role' | 'locale'
  > & {
    deletion_scheduled_for?: Date | null;
  },
): PublicUser {
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.email_verified_at !== null,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    bio: row.bio,
    role: row.app_role,
    locale: row.locale,
    ...(row.deletion_scheduled_for ? { deletionScheduledFor: iso(row.deletion_scheduled_for) } : {}),
  };
}

/**
 * When the user's account is to be deleted (an open request of the account-deletion module), as a
 * column of a query on `auth.users` aliased `alias`; one probe of its partial unique index.
 */
export const DELETION_SCHEDULED_FOR = (alias: string) =>
  `(select d.scheduled_for from account_deletion_requests d
     where d.user_id = ${alias}.id and d.cancelled_at is null and d.completed_at is null) as deletion_scheduled_for`;

/** A user row with the date its deletion is scheduled for, if it is (what a sign-in answer shows). */
export type UserRowWithDeletion = UserRow & { deletion_scheduled_for: Date | null };

type Db = Knex | Knex.Transaction;

export function findUserByEmail(db: Db, email: string): Promise<UserRowWithDeletion | undefined> {
  return db('auth.users as u')
    .whereRaw('lower(u.email) = lower(?)', [email])
    .first<UserRowWithDeletion | undefined>('u.*', db.raw(DELETION_SCHEDULED_FOR('u')));
}

export function findUserById(db: Db, id: string): Promise<UserRowWithDeletion | undefined> {
  return db('auth.users as u')
    .where('u.id', id)
    .first<UserRowWithDeletion | undefined>('u.*', db.raw(DELETION_SCHEDULED_FOR('u')));
}

export async function createUser(
  db: Db,
  user: {
    email: string;
    passwordHash: string | null;
    displayName?: string | null | undefined;
    emailVerified?: boolean;
    /** The language of the request (or link) that makes the account, when known. */
    locale?: string | null | undefined;
  },
): Promise<UserRow> {
  const [row] = await db('auth.users')
    .insert({
      email: user.email,
      password_hash: user.passwordHash,
      display_name: user.displayName ?? null,
      locale: user.locale ?? null,
      ...(user.emailVerified ? { email_verified_at: db.fn.now() } : {}),
    })
    .returning('*');
  return row!;
}

const UNIQUE_VIOLATION = '23505';

/**
 * The account of `email`, created (no password, unconfirmed) when there is none. In a savepoint:
 * another request may create the same account at the same moment, and the failed insert must
 * not abort the caller's transaction.
 */
export async function findOrCreateUser(
  trx: Knex.Transaction,
  email: string,
  locale: string | null = null,
): Promise<UserRow> {
  const existing = await findUserByEmail(trx, email);
  if (existing) return existing;
  try {
    return await trx.transaction((savepoint) => createUser(savepoint, { email, passwordHash: null, locale }));
  } catch (err) {
    const created =
      (err as { code?: unknown }).code === UNIQUE_VIOLATION ? await findUserByEmail(trx, email) : undefined;
    if (!created) throw err;
    return created;
  }
}

/**
 * Writes the user's password hash. With `replacing`, only while the stored hash is still that one
 * (a compare-and-swap), and says whether it was: a change checked against a password that another
 * request has replaced meanwhile must not win, nor a sign-in's rehash of the old password.
 */
export async function setPasswordHash(
  db: Db,
  userId: string,
  passwordHash: string,
  { replacing }: { replacing?: string } = {},
): Promise<boolean> {
  const row = db('auth.users').where({ id: userId });
  if (replacing !== undefined) row.where({ password_hash: replacing });
  return (await row.update({ password_hash: passwordHash })) > 0;
}

/**
 * Whether the user's password hash is still `passwordHash`, holding the row against a change
 * (`for share`) until `trx` ends: what a password sign-in makes in `trx` then either comes before a
 * concurrent change, which ends it with every other session, or is refused after it.
 */
export async function passwordStillIs(trx: Knex.Transaction, userId: string, passwordHash: string): Promise<boolean> {
  const row = await trx('auth.users').where({ id: userId, password_hash: passwordHash }).forShare().first('id');
  return row !== undefined;
}

/** The profile columns a user may change on their own row (the column grants allow only these). */
export type ProfileColumns = Partial<Pick<UserRow, 'display_name' | 'avatar_url' | 'bio' | 'locale'>>;

/** Writes `values` on the user's own row as that user (RLS-bound, inside `trx`), and reads it back. */
export async function updateOwnProfile(trx: Knex.Transaction, userId: string, values: ProfileColumns) {
  const row = await asUserWithin(trx, userId, async (t) => {
    if (Object.keys(values).length) await t('auth.users').where({ id: userId }).update(values);
    return t('auth.users')
      .where({ id: userId })
      .first('id', 'email', 'email_verified_at', 'display_name', 'avatar_url', 'bio', 'app_role', 'locale');
  });
  if (!row) throw new Error(`no user ${userId}`);
  return row;
}

/** The user's row, locked until `trx` ends. */
export async function lockUser(trx: Knex.Transaction, userId: string): Promise<UserRow> {
  const user = await trx('auth.users').where({ id: userId }).forUpdate().first();
  if (!user) throw new Error(`no user ${userId}`);
  return user;
}

/** Records the address as proven now, with the password and name the proof brings (address-proof.ts). */
export async function markAddressProven(
  trx: Knex.Transaction,
  userId: string,
  { passwordHash, displayName }: { passwordHash: string | null; displayName: string | null },
): Promise<UserRow> {
  const [proven] = await trx('auth.users')
    .where({ id: userId })
    .update({ email_verified_at: trx.fn.now(), password_hash: passwordHash, display_name: displayName })
    .returning('*');
  return proven!;
}

/**
 * Removes the user's passkeys and linked OAuth accounts, and retires their pending confirmation
 * links: what anyone could have set before the address was proven (address-proof.ts).
 */
export async function dropUnprovenCredentials(trx: Knex.Transaction, userId: string): Promise<void> {
  await trx('passkeys').where({ user_id: userId }).delete();
  await trx('oauth_accounts').where({ user_id: userId }).delete();
  await trx('auth.one_time_tokens')
    .where({ user_id: userId, purpose: 'email_verification' })
    .whereNull('used_at')
    .update({ used_at: trx.fn.now() });
}
