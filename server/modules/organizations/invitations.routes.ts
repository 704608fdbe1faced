/**
 * Invitation routes under `/api/organizations/:id/invitations`: invite an address, list the open
 * invitations, revoke one, re-send one. Owners and admins only; the invitee accepts on the hosted
 * page (invitation.page.ts), not here.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { emailField, withBody } from '../../http/validate';
import type { Services } from '../../services';
import { returnAddress } from '../sessions/redirects';
import { requestContext } from '../sessions/request-context';
import { requireSession } from '../sessions/require-session';
import { actorOf, idOrNotFound } from './access';
import type { OrganizationHooks } from './hooks';
import { inviteMember, listInvitations, resendInvitation, revokeInvitation } from './invitations.service';

const InviteBody = z
  .object({
    email: emailField,
    role: z.enum(['admin', 'member'], 'invalid_role').default('member'),
    redirectUrl: z.string().max(2000).optional(),
  })
  .strict();
const Empty = z.object({}).strict();

export function invitationRoutes(services: Services, hooks: OrganizationHooks = {}): Router {
  const { config } = services;
  const signedIn = requireSession(services);
  const router = Router();

  /** Where the invitee returns after accepting: the page named, else the inviting page's origin, as magic links do. */
  const returnPage = (req: Request, requested: string | undefined) => returnAddress(requested, req.headers.origin, config.redirectAllowlist);

  router.post('/organizations/:id/invitations', signedIn, withBody(InviteBody, async (body, req, res) => {
    const input = { email: body.email, role: body.role, redirectUrl: returnPage(req, body.redirectUrl) };
    const { invitation, created } = await inviteMember(services, actorOf(req), input, requestContext(req), hooks);
    // 201 for a new invitation; 200 when the open one to this address was renewed and re-sent.
    res.status(created ? 201 : 200).json({ invitation });
  }));

  router.get('/organizations/:id/invitations', signedIn, async (req, res) => {
    res.json({ invitations: await listInvitations(services, actorOf(req)) });
  });

  router.delete('/organizations/:id/invitations/:invitationId', signedIn, async (req, res) => {
    const actor = actorOf(req);
    await revokeInvitation(services, actor, idOrNotFound(req.params.invitationId));
    res.json({ revoked: true });
  });

  router.post('/organizations/:id/invitations/:invitationId/resend', signedIn, withBody(Empty, async (_body, req, res) => {
    const actor = actorOf(req);
    res.json({ invitation: await resendInvitation(services, actor, idOrNotFound(req.params.invitationId), requestContext(req)) });
  }));

  return router;
}
