/**
 * Template routes: the public gallery (cached briefly by the browser) and "use", which needs a
 * session.
 */
import { Router } from 'express';
import { z } from 'zod';
import { TemplateFilter } from '../../../contract/templates';
import { EmptyBody } from '../../../contract/onboarding';
import { ApiError, CommonErrors } from '../../http/errors';
import { reply } from '../../http/reply';
import { withBody, withQuery } from '../../http/validate';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';
import { listTemplates, useTemplate } from './templates.service';

const TemplateId = z.uuid();

export function templateRoutes(services: Services): Router {
  const router = Router();

  router.get(
    '/templates',
    withQuery(TemplateFilter, async (filter, _req, res) => {
      res.set('Cache-Control', 'private, max-age=30');
      reply(res, 'GET /api/templates', await listTemplates(services, filter));
    }),
  );

  router.post(
    '/templates/:id/use',
    requireSession(services),
    withBody(EmptyBody, async (_body, req, res) => {
      const id = TemplateId.safeParse(req.params.id);
      if (!id.success) throw ApiError.of(CommonErrors, 'not_found');
      reply(res, 'POST /api/templates/:id/use', {
        template: await useTemplate(services, sessionOf(req).userId, id.data),
      });
    }),
  );

  return router;
}
