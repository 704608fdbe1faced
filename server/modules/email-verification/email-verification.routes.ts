/**
 * Email verification: `POST /api/auth/verification/resend` mails a new link (same answer for any
 * address), and the link's landing page `/auth/verify-email` — a GET shows a confirm button and
 * consumes nothing (mail scanners follow links, docs/security.md B2); its POST confirms, atomically.
 * The rate limits, the look-up and the transaction are the service's (email-verification.service.ts).
 */
import { Router } from 'express';
import { ResendVerificationBody } from '../../../contract/auth';
import { hostedFormGuards } from '../../http/hosted-forms';
import { html, pageLanguage, sendHostedPage } from '../../http/hosted-page';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import { afterAnswer } from '../../jobs/detached-work';
import { messages } from '../../i18n';
import type { Services } from '../../services';
import { sendInvalidLinkPage } from '../one-time-tokens/invalid-link-page';
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
  const page = { brand: config.brand, redirectOrigins: config.redirectAllowlist };
  const router = Router();

  router.get(VERIFY_EMAIL_PATH, async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const link = await findOpenVerificationLink(services, token);
    if (!link) return sendInvalidLinkPage(req, res, config);
    const lang = pageLanguage(req, config, link.language);
    const t = messages(lang).pages.verifyEmail;
    sendHostedPage(res, {
      ...page,
      lang,
      title: t.title,
      body: html`<h1>${t.title}</h1>
<p>${t.intro(config.productName)}</p>
<form method="post" action="${VERIFY_EMAIL_PATH}">
<input type="hidden" name="token" value="${token}">
<button type="submit">${t.action}</button>
</form>`,
    });
  });

  router.post(VERIFY_EMAIL_PATH, ...hostedFormGuards(config.publicUrl), async (req, res) => {
    const confirmed = await confirmEmail(services, req.body?.token);
    if (!confirmed) return sendInvalidLinkPage(req, res, config);
    if ('handOverUrl' in confirmed) return void res.redirect(303, confirmed.handOverUrl);
    // Without a page to return to there is nobody to hand a session to: the user signs in there.
    const lang = pageLanguage(req, config, confirmed.language);
    const t = messages(lang).pages.verifyEmail;
    sendHostedPage(res, {
      ...page,
      lang,
      title: t.doneTitle,
      body: html`<h1>${t.doneTitle}</h1><p>${t.done(config.productName)}</p>`,
    });
  });

  return router;
}
