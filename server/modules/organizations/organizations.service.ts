/**
 * Organizations and their members: create (the creator is the first owner), list mine, read,
 * rename, list members, change a member's role, remove a member, leave. The rules:
 * - anything about an organization is 404 to a non-member (access.ts, docs/security.md F1);
 * - renaming and removing members takes an admin, changing roles an owner, and an admin cannot
 *   remove an owner;
 * - an organization always keeps an owner: the last one can be neither demoted, removed, nor leave.
 *   Every change to members runs in one transaction holding the organization's row lock, so two
 *   owners demoting each other at once cannot leave it without one.
 * A new organization is announced as the domain event `organization.created`, inside its
 * transaction (server/events/domain-events.ts).
 */
import type { Knex } from 'knex';
import {
  OrganizationErrors,
  type Member,
  type Organization,
  type OrganizationRole,
} from '../../../contract/organizations';
import { iso } from '../../../contract/wire';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { requireRole, type Actor } from './access';
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
  setRequireMfa,
  setMemberRole,
  type MemberRow,
  type SummaryRow,
} from './organizations.queries';
import { hasSecondFactor } from '../mfa/mfa.service';
import { insertWithSlug } from './slugs';

const toOrganization = (row: SummaryRow): Organization => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  role: row.role,
  memberCount: row.member_count,
  createdAt: iso(row.created_at),
  joinedAt: iso(row.joined_at),
  requireMfa: row.require_mfa,
});

const toMember = (row: MemberRow): Member => ({
  userId: row.user_id,
  email: row.email,
  displayName: row.display_name,
  avatarUrl: row.avatar_url,
  role: row.role,
  joinedAt: iso(row.created_at),
});

/** Creates an organization with its creator as owner; 409 `slug_taken` for a chosen slug in use. */
export async function createOrganization(
  { db, events }: Services,
  userId: string,
  input: { name: string; slug?: string | undefined },
): Promise<Organization> {
  return db.knex.transaction(async (trx) => {
    const org = await insertWithSlug(trx, { ...input, createdBy: userId });
    if (!org) throw ApiError.of(OrganizationErrors, 'slug_taken');
    await addMember(trx, { organizationId: org.id, userId, role: 'owner' });
    await events.publish(trx, { type: 'organization.created', userId, organizationId: org.id });
    await events.publish(trx, { type: 'organization.member_added', userId, organizationId: org.id, role: 'owner' });
    const created = iso(org.created_at);
    return {
      id: org.id,
      name: org.name,
      slug: org.slug,
      role: 'owner',
      memberCount: 1,
      createdAt: created,
      joinedAt: created,
      requireMfa: false,
    };
  });
}

export async function listOrganizations({ db }: Services, userId: string): Promise<Organization[]> {
  return (await organizationsOf(db.knex, userId)).map(toOrganization);
}

export async function getOrganization({ db }: Services, actor: Actor): Promise<Organization> {
  const org = await organizationFor(db.knex, actor.organizationId, actor.userId);
  if (!org) throw ApiError.of(OrganizationErrors, 'not_found');
  return toOrganization(org);
}

/** A new name and/or MFA policy; turning the policy on needs the actor's own second factor. */
export async function updateOrganization(
  { db }: Services,
  actor: Actor,
  change: { name?: string | undefined; requireMfa?: boolean | undefined },
): Promise<Organization> {
  return db.knex.transaction(async (trx) => {
    await requireRole(trx, actor, 'admin');
    if (change.name !== undefined) await updateName(trx, actor.organizationId, change.name);
    if (change.requireMfa !== undefined) {
      // Without this an admin could lock themselves (and every member) out of the organization.
      if (change.requireMfa && !(await hasSecondFactor(trx, actor.userId))) {
        throw ApiError.of(OrganizationErrors, 'mfa_required');
      }
      await setRequireMfa(trx, actor.organizationId, change.requireMfa);
    }
    return toOrganization((await organizationFor(trx, actor.organizationId, actor.userId))!);
  });
}

/** The members; the caller is authorized by the route (api-tokens/org-access.ts: a member or a token). */
export async function listMembers({ db }: Services, organizationId: string): Promise<Member[]> {
  return (await membersOf(db.knex, organizationId)).map(toMember);
}

/** 409 `last_owner` when `role` is the organization's only owner's (call under the organization's lock). */
async function assertNotLastOwner(
  trx: Knex.Transaction,
  organizationId: string,
  role: OrganizationRole,
): Promise<void> {
  if (role === 'owner' && (await countOwners(trx, organizationId)) <= 1)
    throw ApiError.of(OrganizationErrors, 'last_owner');
}

/** The target's role, 404 when they are not a member (of this organization: another's member is nobody here). */
async function targetRole(trx: Knex.Transaction, organizationId: string, userId: string): Promise<OrganizationRole> {
  const role = await memberRole(trx, organizationId, userId);
  if (!role) throw ApiError.of(OrganizationErrors, 'not_found');
  return role;
}

/** Owners only. Demoting the last owner (oneself included) is 409 `last_owner`. */
export async function changeMemberRole(
  { db }: Services,
  actor: Actor,
  userId: string,
  role: OrganizationRole,
): Promise<Member> {
  return db.knex.transaction(async (trx) => {
    await requireRole(trx, actor, 'owner', { lock: true });
    const current = await targetRole(trx, actor.organizationId, userId);
    if (role !== 'owner') await assertNotLastOwner(trx, actor.organizationId, current);
    await setMemberRole(trx, actor.organizationId, userId, role);
    return toMember((await memberOf(trx, actor.organizationId, userId))!);
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
    const role = await requireRole(trx, actor, 'member', { lock: true, withoutMfa: true });
    await assertNotLastOwner(trx, actor.organizationId, role);
    await deleteMember(trx, actor.organizationId, actor.userId);
  });
}
