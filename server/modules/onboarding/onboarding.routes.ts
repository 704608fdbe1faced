/**
 * Onboarding routes for the signed-in user: read the walk (or the choices before it starts),
 * start it with a role and use case, save / complete / skip a step, and go back.
 */
import { Router } from 'express';
import { z } from 'zod';
import { ApiError, CommonErrors } from '../../http/errors';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { requestContext } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import { StepKey } from './paths';
import { actOnStep, getOnboarding, goBack, startOnboarding } from './progress';

const choice = z.string().trim().min(1).max(100).optional();
const StartBody = z.object({ role: choice, useCase: choice }).strict();
const StepBody = z.object({ data: z.unknown().optional() }).strict();
const Empty = z.object({}).strict();

export function onboardingRoutes(services: Services): Router {
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/onboarding', signedIn, async (req, res) => {
    res.json(await getOnboarding(services, sessionOf(req).userId));
  });

  router.post('/onboarding/start', signedIn, withBody(StartBody, async (body, req, res) => {
    res.json(await startOnboarding(services, sessionOf(req).userId, body));
  }));

  for (const action of ['save', 'complete', 'skip'] as const) {
    router.post(`/onboarding/steps/:key/${action}`, signedIn, withBody(StepBody, async (body, req, res) => {
      const key = StepKey.safeParse(req.params.key);
      if (!key.success) throw ApiError.of(CommonErrors, 'not_found');
      const { user } = sessionOf(req);
      res.json(await actOnStep(services, { id: user.id, email: user.email }, key.data, action, body.data, requestContext(req)));
    }));
  }

  router.post('/onboarding/back', signedIn, withBody(Empty, async (_body, req, res) => {
    res.json(await goBack(services, sessionOf(req).userId));
  }));

  return router;
}
