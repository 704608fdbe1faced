/**
 * API-token management under `/api/organizations/:id/api-tokens`: list, create, revoke, for the
 * organization's signed-in owners and admins only — an API token never manages tokens (it has no
 * session, so it gets 401). Non-members get 404, members below admin 403 (organizations/access.ts).
 * Creating and revoking a token are sensitive changes: after the role check (so that a stranger
 * still learns nothing), they need a recent proof of identity (docs/security.md F3).
 */
import { Router } from 'express';
import { CreateApiTokenBody } from '../../../contract/api-tokens';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { actorOf, idOrNotFound, requireRole } from '../organizations/access';
import { requireRecentSignIn } from '../sessions/recent-sign-in';
import { requireSession, sessionOf } from '../sessions/require-session';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service';

export function apiTokenRoutes(services: Services): Router {
  const signedIn = requireSession(services);
  const router = Router();
  const asAdmin = async (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    await requireRole(services.db.knex, actor, 'admin');
    return actor;
  };
  const asRecentAdmin = async (req: Parameters<typeof actorOf>[0]) => {
    const actor = await asAdmin(req);
    requireRecentSignIn(sessionOf(req));
    return actor;
  };

  router.get('/organizations/:id/api-tokens', signedIn, async (req, res) => {
    const actor = await asAdmin(req);
    reply(res, 'GET /api/organizations/:id/api-tokens', {
      tokens: await listApiTokens(services, actor.organizationId),
    });
  });

  router.post(
    '/organizations/:id/api-tokens',
    signedIn,
    withBody(CreateApiTokenBody, async (body, req, res) => {
      const actor = await asRecentAdmin(req);
      const created = await createApiToken(services, actor.organizationId, actor.userId, body);
      reply(res, 'POST /api/organizations/:id/api-tokens', created, 201);
    }),
  );

  router.delete('/organizations/:id/api-tokens/:tokenId', signedIn, async (req, res) => {
    const actor = await asRecentAdmin(req);
    await revokeApiToken(services, actor.organizationId, idOrNotFound(req.params.tokenId));
    reply(res, 'DELETE /api/organizations/:id/api-tokens/:tokenId', { revoked: true });
  });

  return router;
}
