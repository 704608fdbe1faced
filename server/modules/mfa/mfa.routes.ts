/**
 * Second-factor routes: the signed-in user's authenticator under `/api/mfa` (status, enrol,
 * confirm, new recovery codes, turn off), and the second step of a sign-in,
 * `POST /api/auth/mfa/verify`. Each reads as validate → service (which rate-limits code
 * attempts and checks the recent sign-in) → answer.
 */
import { Router } from 'express';
import { ConfirmTotpBody, VerifySecondFactorBody } from '../../../contract/mfa';
import { EmptyBody } from '../../../contract/sessions';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { requestContext } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import { issueSession } from '../sessions/session-transport';
import { confirmTotpEnrolment, disableMfa, enrolTotp, mfaStatus, regenerateRecoveryCodes } from './mfa.service';
import { verifySecondFactor, type SecondFactorProof } from './second-factor';

export function mfaRoutes(services: Services): Router {
  const { config } = services;
  const transport = { transport: config.session.transport, publicUrl: config.publicUrl };
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/mfa', signedIn, async (req, res) => {
    reply(res, 'GET /api/mfa', await mfaStatus(services, sessionOf(req).userId));
  });

  router.post(
    '/mfa/totp/enrol',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      reply(res, 'POST /api/mfa/totp/enrol', await enrolTotp(services, sessionOf(req)));
    }),
  );

  router.post(
    '/mfa/totp/confirm',
    signedIn,
    withBody(ConfirmTotpBody, async (body, req, res) => {
      const confirmed = await confirmTotpEnrolment(services, sessionOf(req), body.code, requestContext(req).ip);
      reply(res, 'POST /api/mfa/totp/confirm', confirmed);
    }),
  );

  router.post(
    '/mfa/recovery-codes',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      reply(res, 'POST /api/mfa/recovery-codes', await regenerateRecoveryCodes(services, sessionOf(req)));
    }),
  );

  router.post(
    '/mfa/disable',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      reply(res, 'POST /api/mfa/disable', await disableMfa(services, sessionOf(req)));
    }),
  );

  router.post(
    '/auth/mfa/verify',
    withBody(VerifySecondFactorBody, async ({ mfaToken, code, recoveryCode }, req, res) => {
      const proof: SecondFactorProof = code !== undefined ? { code } : { recoveryCode: recoveryCode! };
      const { user, session } = await verifySecondFactor(services, { mfaToken, ...proof }, requestContext(req));
      reply(res, 'POST /api/auth/mfa/verify', { user, session: issueSession(res, transport, session) });
    }),
  );

  return router;
}
