/**
 * Email verification: `POST /api/auth/verification/resend` mails a new link (same answer for any
 * address), and the link's landing page `/auth/verify-email` — a GET shows a confirm button and
 * consumes nothing (mail scanners follow links, docs/security.md B2); its POST confirms, atomically.
 * The rate limits, the look-up and the transaction are the service's (email-verification.service.ts).
 */
import { Router } from 'express';
import { ResendVerificationBody } from '../../../contract/auth';
import { html } from '../../http/hosted-page';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import { afterAnswer } from '../../jobs/detached-work';
import { messages } from '../../i18n';
import type { Services } from '../../services';
import { linkLandingPage } from '../one-time-tokens/link-landing-page';
import { allowedRedirect } from '../sessions/redirects';
import { requestContext } from '../sessions/request-context';
import {
  confirmEmail,
  findOpenVerificationLink,
  resendVerification,
  VERIFY_EMAIL_PATH,
} from './email-verification.service';

/** API part, mounted under /api. */
export function emailVerificationApiRoutes(services: Services): Router {
  const { config } = services;
  const router = Router();
  router.post(
    '/auth/verification/resend',
    afterAnswer,
    withBody(ResendVerificationBody, async (body, req, res) => {
      const redirectUrl = allowedRedirect(body.redirectUrl, config.redirectAllowlist);
      await resendVerification(services, { ...body, redirectUrl }, requestContext(req));
      reply(res, 'POST /api/auth/verification/resend', { status: 'verification_sent' }, 202);
    }),
  );
  return router;
}

/** The hosted landing page, mounted at the root. */
export function verifyEmailPage(services: Services): Router {
  const { config } = services;
  const router = Router();
  linkLandingPage(router, config, {
    path: VERIFY_EMAIL_PATH,
    find: (token) => findOpenVerificationLink(services, token),
    ask: (_link, lang) => {
      const t = messages(lang).pages.verifyEmail;
      return { title: t.title, intro: t.intro(config.productName), action: t.action };
    },
    act: (token) => confirmEmail(services, token),
    languageOf: (confirmed) => ('language' in confirmed ? confirmed.language : undefined),
    answer: (confirmed, lang) => {
      if ('handOverUrl' in confirmed) return { redirect: confirmed.handOverUrl };
      // Without a page to return to there is nobody to hand a session to: the user signs in there.
      const t = messages(lang).pages.verifyEmail;
      return { title: t.doneTitle, body: html`<h1>${t.doneTitle}</h1><p>${t.done(config.productName)}</p>` };
    },
  });
  return router;
}
