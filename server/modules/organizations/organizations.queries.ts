/**
 * The SQL of organizations and their members — the only file of the module, with
 * invitations.queries.ts, that touches Knex. Every function takes the connection or transaction
 * to run on, so a service can keep a whole change in one transaction (and the embedded database,
 * with its single connection, never waits on itself). No access checks here: access.ts does them.
 */
import type { Knex } from 'knex';
import type { OrganizationRole, OrganizationRow } from '../../db/tables';

type Db = Knex | Knex.Transaction;

/** Locks the organization's row for the rest of the transaction; false when there is none. */
export async function lockOrganization(db: Db, organizationId: string): Promise<boolean> {
  return (await db('organizations').where({ id: organizationId }).forUpdate().first('id')) !== undefined;
}

export async function memberRole(
  db: Db,
  organizationId: string,
  userId: string,
): Promise<OrganizationRole | undefined> {
  const row = await db('organization_members')
    .where({ organization_id: organizationId, user_id: userId })
    .first('role');
  return row?.role;
}

/** Inserts an organization unless its slug is taken (then undefined: the caller picks another). */
export async function insertOrganization(
  db: Db,
  org: { name: string; slug: string; createdBy: string },
): Promise<OrganizationRow | undefined> {
  const [row] = await db('organizations')
    .insert({ name: org.name, slug: org.slug, created_by: org.createdBy })
    .onConflict('slug')
    .ignore()
    .returning('*');
  return row;
}

/** The slugs in use that are `base` or `base-<number>`. */
export async function slugsLike(db: Db, base: string): Promise<string[]> {
  // `base` holds only [a-z0-9-], so it needs no escaping inside LIKE.
  const rows = await db('organizations').where('slug', base).orWhere('slug', 'like', `${base}-%`).select('slug');
  return rows.map((r) => r.slug);
}

/** Adds a member; false (and nothing changed) when the user already is one, whatever their role. */
export async function addMember(
  db: Db,
  member: { organizationId: string; userId: string; role: OrganizationRole },
): Promise<boolean> {
  const rows = await db('organization_members')
    .insert({ organization_id: member.organizationId, user_id: member.userId, role: member.role })
    .onConflict(['organization_id', 'user_id'])
    .ignore()
    .returning('id');
  return rows.length > 0;
}

/** An organization with one member's role in it and the day they joined (organizations.service.ts makes it an `Organization`). */
export type SummaryRow = Pick<OrganizationRow, 'id' | 'name' | 'slug' | 'created_at'> & {
  role: OrganizationRole;
  require_mfa: boolean;
  member_count: number;
  joined_at: Date;
};

function summaries(db: Db) {
  return db('organization_members as m')
    .join('organizations as o', 'o.id', 'm.organization_id')
    .select<Array<SummaryRow>>(
      'o.id',
      'o.name',
      'o.slug',
      'o.created_at',
      'o.require_mfa',
      'm.role',
      'm.created_at as joined_at',
      db.raw('(select count(*)::int from organization_members c where c.organization_id = o.id) as member_count'),
    );
}

/** The organizations `userId` belongs to, oldest first. */
export function organizationsOf(db: Db, userId: string): Promise<SummaryRow[]> {
  return summaries(db)
    .where('m.user_id', userId)
    .orderBy([{ column: 'o.created_at' }, { column: 'o.id' }]);
}

/** One organization as `userId` sees it; undefined when they are not a member. */
export async function organizationFor(db: Db, organizationId: string, userId: string): Promise<SummaryRow | undefined> {
  return summaries(db).where({ 'm.user_id': userId, 'o.id': organizationId }).first();
}

export async function renameOrganization(db: Db, organizationId: string, name: string): Promise<void> {
  await db('organizations').where({ id: organizationId }).update({ name });
}

export async function setRequireMfa(db: Db, organizationId: string, requireMfa: boolean): Promise<void> {
  await db('organizations').where({ id: organizationId }).update({ require_mfa: requireMfa });
}

/** Whether the organization requires a second factor of its members (false when there is none). */
export async function requiresMfa(db: Db, organizationId: string): Promise<boolean> {
  const row = await db('organizations')
    .where({ id: organizationId })
    .first<{ require_mfa: boolean } | undefined>('require_mfa');
  return row?.require_mfa === true;
}

/** A member with their public profile (organizations.service.ts makes it a `Member`). */
export type MemberRow = {
  user_id: string;
  email: string;
  display_name: string | null;
  avatar_url: string | null;
  role: OrganizationRole;
  created_at: Date;
};

function members(db: Db, organizationId: string) {
  return db('organization_members as m')
    .join('auth.users as u', 'u.id', 'm.user_id')
    .where('m.organization_id', organizationId)
    .select<MemberRow[]>('m.user_id', 'u.email', 'u.display_name', 'u.avatar_url', 'm.role', 'm.created_at');
}

/** The members with their public profile, in the order they joined. */
export function membersOf(db: Db, organizationId: string): Promise<MemberRow[]> {
  return members(db, organizationId).orderBy([{ column: 'm.created_at' }, { column: 'm.id' }]);
}

export async function memberOf(db: Db, organizationId: string, userId: string): Promise<MemberRow | undefined> {
  return members(db, organizationId).where('m.user_id', userId).first();
}

export async function setMemberRole(
  db: Db,
  organizationId: string,
  userId: string,
  role: OrganizationRole,
): Promise<void> {
  await db('organization_members').where({ organization_id: organizationId, user_id: userId }).update({ role });
}

export async function removeMember(db: Db, organizationId: string, userId: string): Promise<void> {
  await db('organization_members').where({ organization_id: organizationId, user_id: userId }).delete();
}

export async function countOwners(db: Db, organizationId: string): Promise<number> {
  const row = await db('organization_members')
    .where({ organization_id: organizationId, role: 'owner' })
    .count<{ n: number }>({ n: '*' })
    .first();
  return Number(row?.n ?? 0);
}

/** Whether the account with this address (case-insensitively) is a member. */
export async function isMemberByEmail(db: Db, organizationId: string, email: string): Promise<boolean> {
  const row = await db('organization_members as m')
    .join('auth.users as u', 'u.id', 'm.user_id')
    .where('m.organization_id', organizationId)
    .whereRaw('lower(u.email) = lower(?)', [email])
    .first('m.id');
  return row !== undefined;
}
