/**
 * The one authorization of organization routes that accept both people and API tokens.
 * `authorizeOrganization(services, req, organizationId, { scope, role })` answers who acted:
 * - a request presenting an API token (`Authorization: Bearer acct_live_…`) is judged as a token
 *   only — never as a session: it must be well-formed, active, belong to THAT organization (else
 *   404 `not_found`, exactly as for a non-member, docs/security.md F1) and hold `scope` (else 403
 *   `api_token_scope`);
 * - any other request must carry a session (401 `not_signed_in`) of a member whose role is at
 *   least `role` (organizations/access.ts: 404 for a non-member, 403 `forbidden_role` below it).
 * The organization id is validated first (404 when malformed, before any query).
 *
 * Routes using it must not also use `requireSession`: a token request has no session.
 */
import type { Request } from 'express';
import { ApiTokenErrors } from '../../../contract/api-tokens';
import type { ApiTokenScope } from '../../../contract/constants';
import type { OrganizationRole } from '../../db/tables';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { idOrNotFound, requireRole } from '../organizations/access';
import { SessionErrors } from '../../../contract/sessions';
import { readSessionToken, sessionCookieName, transportOf } from '../sessions/session-transport';
import { authenticate } from '../sessions/sessions.queries';
import { authenticateApiToken, presentsApiToken, requireScope } from './bearer-token';

/** Who acted on an organization route: a member with their role, or one of its API tokens. */
export type OrganizationCaller =
  | { kind: 'member'; organizationId: string; userId: string; role: OrganizationRole }
  | { kind: 'token'; organizationId: string; tokenId: string; scopes: ApiTokenScope[] };

/** What a route needs: the token scope that admits a token, the role that admits a person. */
export interface OrganizationRequirement {
  scope: ApiTokenScope;
  role: OrganizationRole;
}

/**
 * Authorizes a request on the organization `organizationId` (raw, e.g. `req.params.id`) for a
 * token holding `scope` or a signed-in member of at least `role`; returns who acted, or throws
 * the ApiError to answer. Example:
 *
 *     const caller = await authorizeOrganization(services, req, req.params.id, {
 *       scope: 'webhooks:manage',
 *       role: 'admin',
 *     });
 */
export async function authorizeOrganization(
  services: Services,
  req: Request,
  organizationId: unknown,
  { scope, role }: OrganizationRequirement,
): Promise<OrganizationCaller> {
  const id = idOrNotFound(organizationId);
  if (presentsApiToken(req)) {
    const token = await authenticateApiToken(services, req);
    if (token.organizationId !== id) throw ApiError.of(ApiTokenErrors, 'not_found');
    requireScope(token, scope);
    return { kind: 'token', organizationId: id, tokenId: token.tokenId, scopes: token.scopes };
  }
  const session =
    req.auth ??
    (await authenticate(
      services.db,
      readSessionToken(req, sessionCookieName(transportOf(services.config))),
      services.config.session,
    ));
  if (!session) throw ApiError.of(SessionErrors, 'not_signed_in');
  const userId = session.userId;
  const memberRole = await requireRole(services.db.knex, { userId, organizationId: id }, role);
  return { kind: 'member', organizationId: id, userId, role: memberRole };
}
