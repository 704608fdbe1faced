/**
 * Organization routes under `/api`: create and list mine, read and rename one, its members (list,
 * change a role, remove) and leaving it; the invitation routes come from invitations.routes.ts.
 * Each reads as validate → service → answer: the body is checked first (its errors say nothing
 * about the organization), then the service answers 404 to non-members and 403 to roles too low.
 */
import { Router } from 'express';
import { z } from 'zod';
import { nameField, withBody } from '../../http/validate';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';
import { actorOf, idOrNotFound } from './access';
import { domainEventHooks, type OrganizationHooks } from './hooks';
import { invitationRoutes } from './invitations.routes';
import {
  changeMemberRole,
  createOrganization,
  getOrganization,
  leaveOrganization,
  listMembers,
  listOrganizations,
  removeMember,
  renameOrganization,
} from './organizations.service';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slugs';

const name = nameField(255);
const slug = z.string().max(SLUG_MAX_LENGTH, 'too_long').regex(SLUG_PATTERN, 'invalid_slug');

const CreateBody = z.object({ name, slug: slug.optional() }).strict();
const RenameBody = z.object({ name }).strict();
const RoleBody = z.object({ role: z.enum(['owner', 'admin', 'member'], 'invalid_role') }).strict();
const Empty = z.object({}).strict();

/**
 * Every organization route, to mount under `/api`. `hooks` run inside the transactions of the
 * changes they report; by default they publish domain events (see hooks.ts).
 */
export function organizationRoutes(services: Services, hooks: OrganizationHooks = domainEventHooks(services.events)): Router {
  const signedIn = requireSession(services);
  const router = Router();

  router.post('/organizations', signedIn, withBody(CreateBody, async (body, req, res) => {
    res.status(201).json({ organization: await createOrganization(services, sessionOf(req).userId, body, hooks) });
  }));

  router.get('/organizations', signedIn, async (req, res) => {
    res.json({ organizations: await listOrganizations(services, sessionOf(req).userId) });
  });

  router.get('/organizations/:id', signedIn, async (req, res) => {
    res.json({ organization: await getOrganization(services, actorOf(req)) });
  });

  router.patch('/organizations/:id', signedIn, withBody(RenameBody, async (body, req, res) => {
    res.json({ organization: await renameOrganization(services, actorOf(req), body.name) });
  }));

  router.get('/organizations/:id/members', signedIn, async (req, res) => {
    res.json({ members: await listMembers(services, actorOf(req)) });
  });

  router.patch('/organizations/:id/members/:userId', signedIn, withBody(RoleBody, async (body, req, res) => {
    const actor = actorOf(req);
    res.json({ member: await changeMemberRole(services, actor, idOrNotFound(req.params.userId), body.role) });
  }));

  router.delete('/organizations/:id/members/:userId', signedIn, async (req, res) => {
    const actor = actorOf(req);
    await removeMember(services, actor, idOrNotFound(req.params.userId));
    res.json({ removed: true });
  });

  router.post('/organizations/:id/leave', signedIn, withBody(Empty, async (_body, req, res) => {
    await leaveOrganization(services, actorOf(req));
    res.json({ left: true });
  }));

  router.use(invitationRoutes(services, hooks));
  return router;
}
