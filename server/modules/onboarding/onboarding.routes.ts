/**
 * Onboarding routes for the signed-in user: read the walk (or the choices before it starts),
 * start it with a role and use case, save / complete / skip a step, and go back.
 */
import { Router } from 'express';
import { EmptyBody, StartOnboardingBody, StepActionBody, StepKey } from '../../../contract/onboarding';
import { ApiError, CommonErrors } from '../../http/errors';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { onboardingIn } from '../../i18n/seeded-texts';
import { requestContext, requestLanguage } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import { actOnStep, getOnboarding, goBack, startOnboarding } from './onboarding.service';

/** A step key from the path: a malformed one names no step. */
function stepKeyOf(raw: unknown): string {
  const key = StepKey.safeParse(raw);
  if (!key.success) throw ApiError.of(CommonErrors, 'not_found');
  return key.data;
}

export function onboardingRoutes(services: Services): Router {
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/onboarding', signedIn, async (req, res) => {
    reply(
      res,
      'GET /api/onboarding',
      onboardingIn(await getOnboarding(services, sessionOf(req).userId), requestLanguage(req)),
    );
  });

  router.post(
    '/onboarding/start',
    signedIn,
    withBody(StartOnboardingBody, async (body, req, res) => {
      const started = await startOnboarding(services, sessionOf(req).userId, body);
      reply(res, 'POST /api/onboarding/start', onboardingIn(started, requestLanguage(req)));
    }),
  );

  for (const action of ['save', 'complete', 'skip'] as const) {
    router.post(
      `/onboarding/steps/:key/${action}`,
      signedIn,
      withBody(StepActionBody, async (body, req, res) => {
        const key = stepKeyOf(req.params.key);
        const { user } = sessionOf(req);
        const walk = await actOnStep(
          services,
          { id: user.id, email: user.email },
          key,
          action,
          body.data,
          requestContext(req),
        );
        reply(res, `POST /api/onboarding/steps/:key/${action}`, onboardingIn(walk, requestLanguage(req)));
      }),
    );
  }

  router.post(
    '/onboarding/back',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      reply(
        res,
        'POST /api/onboarding/back',
        onboardingIn(await goBack(services, sessionOf(req).userId), requestLanguage(req)),
      );
    }),
  );

  return router;
}
