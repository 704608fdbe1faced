/**
 * Password routes: sign-up, sign-in, forgotten password, change password. Each reads as
 * validate → service → answer; rate limits and enumeration rules live in the service, and the
 * routes whose answer must not tell known addresses apart run `afterAnswer` (jobs/detached-work.ts).
 */
import { Router } from 'express';
import { z } from 'zod';
import { emailField, withBody } from '../../http/validate';
import { afterAnswer } from '../../jobs/detached-work';
import type { Services } from '../../services';
import { browserKeyField } from '../sessions/browser-binding';
import { allowedRedirect } from '../sessions/redirects';
import { requestContext } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import { issueSession } from '../sessions/session-transport';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import { changePassword, requestPasswordReset, signInWithPassword, signUp } from './passwords.service';

const password = z.string('required').min(1, 'required').max(PASSWORD_MAX_LENGTH * 4, 'password_too_long');
const redirectUrl = z.string().max(2000).optional();

const browserKey = browserKeyField;

const SignUpBody = z
  .object({ email: emailField, password, displayName: z.string().trim().min(1).max(255).optional(), redirectUrl, browserKey })
  .strict();
const SignInBody = z.object({ email: emailField, password, redirectUrl, browserKey }).strict();
const ForgotBody = z.object({ email: emailField, redirectUrl, browserKey }).strict();
const ChangeBody = z.object({ currentPassword: password, newPassword: password }).strict();

export function passwordRoutes(services: Services): Router {
  const { config } = services;
  const transport = { transport: config.session.transport, publicUrl: config.publicUrl };
  const router = Router();

  router.post(
    '/auth/sign-up',
    afterAnswer,
    withBody(SignUpBody, async (body, req, res) => {
      const result = await signUp(services, { ...body, redirectUrl: allowedRedirect(body.redirectUrl, config.redirectAllowlist) }, requestContext(req));
      if (result.status === 'verification_sent') {
        res.status(202).json({ status: 'verification_sent' });
      } else {
        res.json({ user: result.user, session: issueSession(res, transport, result.session) });
      }
    }),
  );

  router.post(
    '/auth/sign-in',
    afterAnswer,
    withBody(SignInBody, async (body, req, res) => {
      const { user, session } = await signInWithPassword(
        services,
        { ...body, redirectUrl: allowedRedirect(body.redirectUrl, config.redirectAllowlist) },
        requestContext(req),
      );
      res.json({ user, session: issueSession(res, transport, session) });
    }),
  );

  router.post(
    '/auth/password/forgot',
    afterAnswer,
    withBody(ForgotBody, async (body, req, res) => {
      await requestPasswordReset(services, { ...body, redirectUrl: allowedRedirect(body.redirectUrl, config.redirectAllowlist) }, requestContext(req));
      res.status(202).json({ status: 'reset_sent' });
    }),
  );

  router.post(
    '/auth/password/change',
    requireSession(services),
    withBody(ChangeBody, async (body, req, res) => {
      const ended = await changePassword(services, sessionOf(req), body, requestContext(req));
      res.json({ otherSessionsEnded: ended });
    }),
  );

  return router;
}
