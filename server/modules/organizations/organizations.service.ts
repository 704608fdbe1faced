/**
 * Organizations and their members: create (the creator is the first owner), list mine, read,
 * rename, list members, change a member's role, remove a member, leave. The rules:
 * - anything about an organization is 404 to a non-member (access.ts, SECURITY.md F1);
 * - renaming and removing members takes an admin, changing roles an owner, and an admin cannot
 *   remove an owner;
 * - an organization always keeps an owner: the last one can be neither demoted, removed, nor leave.
 *   Every change to members runs in one transaction holding the organization's row lock, so two
 *   owners demoting each other at once cannot leave it without one.
 */
import type { Knex } from 'knex';
import type { OrganizationRole } from '../../db/tables';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { OrganizationErrors, requireRole, type Actor } from './access';
import type { OrganizationHooks } from './hooks';
import {
  addMember,
  countOwners,
  memberOf,
  memberRole,
  membersOf,
  organizationFor,
  organizationsOf,
  removeMember as deleteMember,
  renameOrganization as updateName,
  setMemberRole,
  type MemberListing,
  type OrganizationSummary,
} from './organizations.queries';
import { insertWithSlug } from './slugs';

/** Creates an organization with its creator as owner; 409 `slug_taken` for a chosen slug in use. */
export async function createOrganization(
  { db }: Services,
  userId: string,
  input: { name: string; slug?: string | undefined },
  hooks: OrganizationHooks = {},
): Promise<OrganizationSummary> {
  return db.knex.transaction(async (trx) => {
    const org = await insertWithSlug(trx, { ...input, createdBy: userId });
    if (!org) throw ApiError.of(OrganizationErrors, 'slug_taken');
    await addMember(trx, { organizationId: org.id, userId, role: 'owner' });
    await hooks.onOrganizationCreated?.(trx, { organizationId: org.id, createdBy: userId });
    return { id: org.id, name: org.name, slug: org.slug, role: 'owner', memberCount: 1, createdAt: org.created_at, joinedAt: org.created_at };
  });
}

export function listOrganizations({ db }: Services, userId: string): Promise<OrganizationSummary[]> {
  return organizationsOf(db.knex, userId);
}

export async function getOrganization({ db }: Services, actor: Actor): Promise<OrganizationSummary> {
  const org = await organizationFor(db.knex, actor.organizationId, actor.userId);
  if (!org) throw ApiError.of(OrganizationErrors, 'not_found');
  return org;
}

export async function renameOrganization({ db }: Services, actor: Actor, name: string): Promise<OrganizationSummary> {
  return db.knex.transaction(async (trx) => {
    await requireRole(trx, actor, 'admin');
    await updateName(trx, actor.organizationId, name);
    return (await organizationFor(trx, actor.organizationId, actor.userId))!;
  });
}

export async function listMembers({ db }: Services, actor: Actor): Promise<MemberListing[]> {
  await requireRole(db.knex, actor);
  return membersOf(db.knex, actor.organizationId);
}

/** 409 `last_owner` when `role` is the organization's only owner's (call under the organization's lock). */
async function assertNotLastOwner(trx: Knex.Transaction, organizationId: string, role: OrganizationRole): Promise<void> {
  if (role === 'owner' && (await countOwners(trx, organizationId)) <= 1) throw ApiError.of(OrganizationErrors, 'last_owner');
}

/** The target's role, 404 when they are not a member (of this organization: another's member is nobody here). */
async function targetRole(trx: Knex.Transaction, organizationId: string, userId: string): Promise<OrganizationRole> {
  const role = await memberRole(trx, organizationId, userId);
  if (!role) throw ApiError.of(OrganizationErrors, 'not_found');
  return role;
}

/** Owners only. Demoting the last owner (oneself included) is 409 `last_owner`. */
export async function changeMemberRole({ db }: Services, actor: Actor, userId: string, role: OrganizationRole): Promise<MemberListing> {
  return db.knex.transaction(async (trx) => {
    await requireRole(trx, actor, 'owner', { lock: true });
    const current = await targetRole(trx, actor.organizationId, userId);
    if (role !== 'owner') await assertNotLastOwner(trx, actor.organizationId, current);
    await setMemberRole(trx, actor.organizationId, userId, role);
    return (await memberOf(trx, actor.organizationId, userId))!;
  });
}

/** Owners and admins; an admin cannot remove an owner, and nobody the last owner. */
export async function removeMember({ db }: Services, actor: Actor, userId: string): Promise<void> {
  await db.knex.transaction(async (trx) => {
    const actorRole = await requireRole(trx, actor, 'admin', { lock: true });
    const current = await targetRole(trx, actor.organizationId, userId);
    if (current === 'owner' && actorRole !== 'owner') throw ApiError.of(OrganizationErrors, 'forbidden_role');
    await assertNotLastOwner(trx, actor.organizationId, current);
    await deleteMember(trx, actor.organizationId, userId);
  });
}

/** Any member may leave, except the last owner. */
export async function leaveOrganization({ db }: Services, actor: Actor): Promise<void> {
  await db.knex.transaction(async (trx) => {
    const role = await requireRole(trx, actor, 'member', { lock: true });
    await assertNotLastOwner(trx, actor.organizationId, role);
    await deleteMember(trx, actor.organizationId, actor.userId);
  });
}
