/**
 * Password routes: sign-up, sign-in, forgotten password, change password. Each reads as
 * validate → service → answer; the rate limits live in the service, because where they come in the
 * sequence is part of the enumeration rules (docs/security.md A3, A4), and the routes whose answer must
 * not tell known addresses apart run `afterAnswer` (jobs/detached-work.ts).
 */
import { Router } from 'express';
import { ChangePasswordBody, ForgotPasswordBody, SignInBody, SignUpBody } from '../../../contract/auth';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import { afterAnswer } from '../../jobs/detached-work';
import type { Services } from '../../services';
import { allowedRedirect } from '../sessions/redirects';
import { requestContext } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import { issueSession, transportOf } from '../sessions/session-transport';
import { changePassword, requestPasswordReset, signInWithPassword, signUp } from './passwords.service';

export function passwordRoutes(services: Services): Router {
  const { config } = services;
  const transport = transportOf(config);
  const returnTo = (url: string | undefined) => allowedRedirect(url, config.redirectAllowlist);
  const router = Router();

  router.post(
    '/auth/sign-up',
    afterAnswer,
    withBody(SignUpBody, async (body, req, res) => {
      const result = await signUp(services, { ...body, redirectUrl: returnTo(body.redirectUrl) }, requestContext(req));
      if (result.status === 'verification_sent') {
        reply(res, 'POST /api/auth/sign-up', { status: 'verification_sent' }, 202);
      } else {
        reply(res, 'POST /api/auth/sign-up', {
          user: result.user,
          session: issueSession(res, transport, result.session),
        });
      }
    }),
  );

  router.post(
    '/auth/sign-in',
    afterAnswer,
    withBody(SignInBody, async (body, req, res) => {
      const input = { ...body, redirectUrl: returnTo(body.redirectUrl) };
      const result = await signInWithPassword(services, input, requestContext(req));
      if (result.status === 'mfa_required') return reply(res, 'POST /api/auth/sign-in', result);
      reply(res, 'POST /api/auth/sign-in', {
        user: result.user,
        session: issueSession(res, transport, result.session),
      });
    }),
  );

  router.post(
    '/auth/password/forgot',
    afterAnswer,
    withBody(ForgotPasswordBody, async (body, req, res) => {
      await requestPasswordReset(services, { ...body, redirectUrl: returnTo(body.redirectUrl) }, requestContext(req));
      reply(res, 'POST /api/auth/password/forgot', { status: 'reset_sent' }, 202);
    }),
  );

  router.post(
    '/auth/password/change',
    requireSession(services),
    withBody(ChangePasswordBody, async (body, req, res) => {
      const ended = await changePassword(services, sessionOf(req), body, requestContext(req));
      reply(res, 'POST /api/auth/password/change', { otherSessionsEnded: ended });
    }),
  );

  return router;
}
