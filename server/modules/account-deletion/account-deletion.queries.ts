/**
 * The account-deletion module's SQL. The user's own request (`account_deletion_requests`) is read,
 * written and cancelled as that user (`asUser`, row-level security); the periodic search for due
 * requests and the deletion itself run on the service connection, as jobs do
 * (docs/architecture.md §5). At most one open request per user: a partial unique index
 * (migrations/20260806000100_account_deletion.ts).
 */
import type { Knex } from 'knex';
import { asUserWithin } from '../../db/as-user';
import type { AccountDeletionRequestRow } from '../../db/tables';

type Db = Knex | Knex.Transaction;

/** An open request (neither cancelled nor completed), as this module reads it. */
export type DeletionRequestRow = Pick<AccountDeletionRequestRow, 'id' | 'user_id' | 'scheduled_for' | 'created_at'>;

const COLUMNS = ['id', 'user_id', 'scheduled_for', 'created_at'] as const;

const open = (db: Db) => db('account_deletion_requests').whereNull('cancelled_at').whereNull('completed_at');

/** The user's open request, if any (as the user). */
export function findOpenRequest(trx: Knex.Transaction, userId: string): Promise<DeletionRequestRow | undefined> {
  return asUserWithin(trx, userId, (t) => open(t).first(...COLUMNS));
}

const UNIQUE_VIOLATION = '23505';

/**
 * Records the request as the user; undefined when one is open already (the unique index decides,
 * so two requests racing make one). In a savepoint: the failed insert must not doom `trx`.
 */
export async function insertRequest(
  trx: Knex.Transaction,
  request: { userId: string; reason: string | null; feedback: string | null; graceDays: number },
): Promise<DeletionRequestRow | undefined> {
  try {
    return await trx.transaction((savepoint) =>
      asUserWithin(savepoint, request.userId, async (t) => {
        const [row] = await t('account_deletion_requests')
          .insert({
            user_id: request.userId,
            reason: request.reason,
            feedback: request.feedback,
            scheduled_for: t.raw('now() + make_interval(days => ?)', [request.graceDays]),
          })
          .returning([...COLUMNS]);
        return row;
      }),
    );
  } catch (err) {
    if ((err as { code?: unknown }).code === UNIQUE_VIOLATION) return undefined;
    throw err;
  }
}

/** Cancels the user's open request (as the user); false when there was none. */
export async function cancelOpenRequest(trx: Knex.Transaction, userId: string): Promise<boolean> {
  const cancelled = await asUserWithin(trx, userId, (t) => open(t).update({ cancelled_at: t.fn.now() }));
  return cancelled > 0;
}

/** Open requests due at `now`, oldest first (service connection: the periodic job). */
export function findDueRequests(db: Db, now: Date, limit: number): Promise<Pick<DeletionRequestRow, 'id'>[]> {
  return open(db).where('scheduled_for', '<=', now).orderBy('scheduled_for').limit(limit).select('id');
}

/**
 * Locks the request for its deletion if it is still open and due at `now`, with its user's
 * address and language (read before the user is deleted); undefined otherwise — cancelled, done
 * already (the request went with the user), not due.
 */
export function lockDueRequest(
  trx: Knex.Transaction,
  requestId: string,
  now: Date,
): Promise<{ user_id: string; email: string; locale: string | null } | undefined> {
  return trx('account_deletion_requests as d')
    .join('auth.users as u', 'u.id', 'd.user_id')
    .where('d.id', requestId)
    .whereNull('d.cancelled_at')
    .whereNull('d.completed_at')
    .where('d.scheduled_for', '<=', now)
    .forUpdate()
    .first<{ user_id: string; email: string; locale: string | null } | undefined>('d.user_id', 'u.email', 'u.locale');
}

/** The organizations where the user is the only owner, locked (their ownership is about to change). */
function soleOwnedOrganizations(trx: Knex.Transaction, userId: string): Promise<{ id: string }[]> {
  return trx('organization_members as m')
    .where({ 'm.user_id': userId, 'm.role': 'owner' })
    .whereNotExists(
      trx('organization_members as o')
        .whereRaw('o.organization_id = m.organization_id')
        .where('o.role', 'owner')
        .whereNot('o.user_id', userId)
        .select(trx.raw('1')),
    )
    .forUpdate()
    .select('m.organization_id as id');
}

/** Who takes an organization over: the longest-standing admin, else the longest-standing member; undefined when nobody else is in it. */
function successor(trx: Knex.Transaction, organizationId: string, leaving: string): Promise<string | undefined> {
  return trx('organization_members')
    .where({ organization_id: organizationId })
    .whereNot({ user_id: leaving })
    .orderByRaw(`case role when 'admin' then 0 else 1 end`)
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .first('user_id')
    .then((row: { user_id: string } | undefined) => row?.user_id);
}

async function makeOwner(trx: Knex.Transaction, organizationId: string, userId: string): Promise<void> {
  await trx('organization_members')
    .where({ organization_id: organizationId, user_id: userId })
    .update({ role: 'owner' });
}

async function deleteOrganization(trx: Knex.Transaction, organizationId: string): Promise<void> {
  await trx('organizations').where({ id: organizationId }).delete();
}

/**
 * Before the user's account goes: each organization they own alone goes to its longest-standing
 * admin, else its longest-standing member; one with nobody else in it is deleted (an organization
 * always keeps an owner).
 */
export async function handOffOrganizations(trx: Knex.Transaction, userId: string): Promise<void> {
  for (const { id } of await soleOwnedOrganizations(trx, userId)) {
    const next = await successor(trx, id, userId);
    if (next) await makeOwner(trx, id, next);
    else await deleteOrganization(trx, id);
  }
}

/** Deletes the user: the schema's foreign keys cascade (or set null where a row outlives its author). */
export async function deleteUser(trx: Knex.Transaction, userId: string): Promise<void> {
  await trx('auth.users').where({ id: userId }).delete();
}

/** Uses up the user's open cancel links (the request they cancel is gone or cancelled). */
export async function retireCancelLinks(db: Db, userId: string): Promise<void> {
  await db('auth.one_time_tokens')
    .where({ user_id: userId, purpose: 'deletion_cancel' })
    .whereNull('used_at')
    .update({ used_at: db.fn.now() });
}
