/**
 * Invitation routes under `/api/organizations/:id/invitations`: invite an address, list the open
 * invitations, revoke one, re-send one. Owners and admins only; the invitee accepts on the hosted
 * page (invitation.page.ts), not here. The two routes that mail are rate-limited by the service,
 * after its role checks (invitations.service.ts), so that a refused request spends no limit.
 */
import { Router, type Request } from 'express';
import { EmptyBody, InviteBody } from '../../../contract/organizations';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { returnAddress } from '../sessions/redirects';
import { requestContext } from '../sessions/request-context';
import { requireSession } from '../sessions/require-session';
import { actorOf, idOrNotFound } from './access';
import { inviteMember, listInvitations, resendInvitation, revokeInvitation } from './invitations.service';

export function invitationRoutes(services: Services): Router {
  const { config } = services;
  const signedIn = requireSession(services);
  const router = Router();

  /** Where the invitee returns after accepting: the page named, else the inviting page's origin, as magic links do. */
  const returnPage = (req: Request, requested: string | undefined) =>
    returnAddress(requested, req.headers.origin, config.redirectAllowlist);

  router.post(
    '/organizations/:id/invitations',
    signedIn,
    withBody(InviteBody, async (body, req, res) => {
      const input = { email: body.email, role: body.role, redirectUrl: returnPage(req, body.redirectUrl) };
      const { invitation, created } = await inviteMember(services, actorOf(req), input, requestContext(req));
      // 201 for a new invitation; 200 when the open one to this address was renewed and re-sent.
      reply(res, 'POST /api/organizations/:id/invitations', { invitation }, created ? 201 : 200);
    }),
  );

  router.get('/organizations/:id/invitations', signedIn, async (req, res) => {
    reply(res, 'GET /api/organizations/:id/invitations', {
      invitations: await listInvitations(services, actorOf(req)),
    });
  });

  router.delete('/organizations/:id/invitations/:invitationId', signedIn, async (req, res) => {
    const actor = actorOf(req);
    await revokeInvitation(services, actor, idOrNotFound(req.params.invitationId));
    reply(res, 'DELETE /api/organizations/:id/invitations/:invitationId', { revoked: true });
  });

  router.post(
    '/organizations/:id/invitations/:invitationId/resend',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      const actor = actorOf(req);
      const invitation = await resendInvitation(
        services,
        actor,
        idOrNotFound(req.params.invitationId),
        requestContext(req),
      );
      reply(res, 'POST /api/organizations/:id/invitations/:invitationId/resend', { invitation });
    }),
  );

  return router;
}
