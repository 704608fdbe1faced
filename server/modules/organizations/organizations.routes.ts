/**
 * Organization routes under `/api`: create and list mine, read and rename one, its members (list,
 * change a role, remove) and leaving it; the invitation routes come from invitations.routes.ts.
 * Each reads as validate → service → answer: the body is checked first (its errors say nothing
 * about the organization), then the service answers 404 to non-members and 403 to roles too low.
 * No route here is rate-limited: each needs a session, and none sends mail. Reading the members
 * also admits an API token of the organization with `members:read` (api-tokens/org-access.ts),
 * limited per token.
 */
import { Router } from 'express';
import {
  ChangeRoleBody,
  CreateOrganizationBody,
  EmptyBody,
  RenameOrganizationBody,
} from '../../../contract/organizations';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { authorizeOrganization } from '../api-tokens/org-access';
import { requireSession, sessionOf } from '../sessions/require-session';
import { actorOf, idOrNotFound } from './access';
import { invitationRoutes } from './invitations.routes';
import {
  changeMemberRole,
  createOrganization,
  getOrganization,
  leaveOrganization,
  listMembers,
  listOrganizations,
  removeMember,
  updateOrganization,
} from './organizations.service';

/** Every organization route, to mount under `/api`. */
export function organizationRoutes(services: Services): Router {
  const signedIn = requireSession(services);
  const router = Router();

  router.post(
    '/organizations',
    signedIn,
    withBody(CreateOrganizationBody, async (body, req, res) => {
      const organization = await createOrganization(services, sessionOf(req).userId, body);
      reply(res, 'POST /api/organizations', { organization }, 201);
    }),
  );

  router.get('/organizations', signedIn, async (req, res) => {
    reply(res, 'GET /api/organizations', { organizations: await listOrganizations(services, sessionOf(req).userId) });
  });

  router.get('/organizations/:id', signedIn, async (req, res) => {
    reply(res, 'GET /api/organizations/:id', { organization: await getOrganization(services, actorOf(req)) });
  });

  router.patch(
    '/organizations/:id',
    signedIn,
    withBody(RenameOrganizationBody, async (body, req, res) => {
      reply(res, 'PATCH /api/organizations/:id', {
        organization: await updateOrganization(services, actorOf(req), body),
      });
    }),
  );

  // A signed-in member, or an API token of this organization with `members:read`.
  router.get('/organizations/:id/members', async (req, res) => {
    const caller = await authorizeOrganization(services, req, req.params.id, { scope: 'members:read', role: 'member' });
    reply(res, 'GET /api/organizations/:id/members', { members: await listMembers(services, caller.organizationId) });
  });

  router.patch(
    '/organizations/:id/members/:userId',
    signedIn,
    withBody(ChangeRoleBody, async (body, req, res) => {
      const actor = actorOf(req);
      const member = await changeMemberRole(services, actor, idOrNotFound(req.params.userId), body.role);
      reply(res, 'PATCH /api/organizations/:id/members/:userId', { member });
    }),
  );

  router.delete('/organizations/:id/members/:userId', signedIn, async (req, res) => {
    const actor = actorOf(req);
    await removeMember(services, actor, idOrNotFound(req.params.userId));
    reply(res, 'DELETE /api/organizations/:id/members/:userId', { removed: true });
  });

  router.post(
    '/organizations/:id/leave',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      await leaveOrganization(services, actorOf(req));
      reply(res, 'POST /api/organizations/:id/leave', { left: true });
    }),
  );

  router.use(invitationRoutes(services));
  return router;
}
