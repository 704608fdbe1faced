/**
 * Who may do what in an organization. The organization tables have no row-level security, so
 * every check is here, on the service connection: a caller who is not a member gets 404
 * `not_found` for anything about the organization — exactly what a nonexistent one answers, so
 * ids cannot be probed (docs/security.md F1) — and a member whose role is too low gets 403
 * `forbidden_role`; in an organization that requires a second factor, a member without one gets
 * 403 `mfa_required`. Malformed ids are 404 before any query sees them.
 */
import type { Request } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { OrganizationRole } from '../../db/tables';
import { OrganizationErrors } from '../../../contract/organizations';
import { ApiError } from '../../http/errors';
import { sessionOf } from '../sessions/require-session';
import { hasSecondFactor } from '../mfa/mfa.service';
import { lockOrganization, memberRole, requiresMfa } from './organizations.queries';

/** A higher rank may do everything a lower one may. */
const RANK: Record<OrganizationRole, number> = { owner: 3, admin: 2, member: 1 };

/** Whether `role` may do what `atLeast` may. */
export const isAtLeast = (role: OrganizationRole, atLeast: OrganizationRole): boolean => RANK[role] >= RANK[atLeast];

const Uuid = z.uuid();

/** A path parameter as an id, or 404: `'nope'` must not reach PostgreSQL's uuid parser as a 500. */
export function idOrNotFound(raw: unknown): string {
  const id = Uuid.safeParse(raw);
  if (!id.success) throw ApiError.of(OrganizationErrors, 'not_found');
  return id.data;
}

/** The caller as an organization route sees them. */
export interface Actor {
  userId: string;
  organizationId: string;
}

/** The signed-in caller and the organization the path's `:id` names (404 when malformed). */
export function actorOf(req: Request): Actor {
  return { userId: sessionOf(req).userId, organizationId: idOrNotFound(req.params.id) };
}

/**
 * The caller's role in the organization, at least `atLeast`: 404 for a non-member, 403 below it.
 * With `lock`, the organization row is locked first (FOR UPDATE) and the role read by a second
 * statement, so that it reflects every membership change committed while we waited: changes to
 * members and invitations all take this lock, which is what keeps "the last owner" true under
 * concurrent demotions and removals.
 */
export async function requireRole(
  db: Knex | Knex.Transaction,
  actor: Actor,
  atLeast: OrganizationRole = 'member',
  { lock = false, withoutMfa = false }: { lock?: boolean; withoutMfa?: boolean } = {},
): Promise<OrganizationRole> {
  if (lock && !(await lockOrganization(db, actor.organizationId))) throw ApiError.of(OrganizationErrors, 'not_found');
  const role = await memberRole(db, actor.organizationId, actor.userId);
  if (!role) throw ApiError.of(OrganizationErrors, 'not_found');
  if (!isAtLeast(role, atLeast)) throw ApiError.of(OrganizationErrors, 'forbidden_role');
  // The organization's policy (docs/security.md M7): a member without a second factor is a member
  // (they may see the organization and leave it) but reaches none of its resources.
  if (!withoutMfa && (await requiresMfa(db, actor.organizationId)) && !(await hasSecondFactor(db, actor.userId))) {
    throw ApiError.of(OrganizationErrors, 'mfa_required');
  }
  return role;
}
