/**
 * The email change (email-change.service.ts): `POST /api/me/email` under /api, and the hosted
 * landing pages of its two links — `/auth/confirm-email-change` (mailed to the new address) and
 * `/auth/undo-email-change` (mailed to the old one). Each page's GET shows a button and consumes
 * nothing (mail scanners follow links, docs/security.md B2); its POST acts.
 */
import { Router } from 'express';
import { EmptyBody } from '../../../contract/onboarding';
import { EmailChangeBody } from '../../../contract/users';
import { html } from '../../http/hosted-page';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import { afterAnswer } from '../../jobs/detached-work';
import { messages, type Language } from '../../i18n';
import type { Services } from '../../services';
import { linkLandingPage, type LandingAnswer } from '../one-time-tokens/link-landing-page';
import { allowedRedirect } from '../sessions/redirects';
import { requestContext } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import {
  cancelPendingEmailChange,
  CONFIRM_EMAIL_CHANGE_PATH,
  confirmEmailChange,
  findOpenLink,
  pendingEmailChange,
  requestEmailChange,
  UNDO_EMAIL_CHANGE_PATH,
  undoEmailChange,
} from './email-change.service';

/** API part, mounted under /api. */
export function emailChangeApiRoutes(services: Services): Router {
  const router = Router();
  const signedIn = requireSession(services);
  router.get('/me/email', signedIn, async (req, res) => {
    reply(res, 'GET /api/me/email', { pending: await pendingEmailChange(services, sessionOf(req).userId) });
  });
  router.delete(
    '/me/email',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      reply(res, 'DELETE /api/me/email', {
        cancelled: await cancelPendingEmailChange(services, sessionOf(req).userId),
      });
    }),
  );
  router.post(
    '/me/email',
    signedIn,
    afterAnswer,
    withBody(EmailChangeBody, async (body, req, res) => {
      const redirectUrl = allowedRedirect(body.redirectUrl, services.config.redirectAllowlist);
      await requestEmailChange(services, sessionOf(req), { email: body.email, redirectUrl }, requestContext(req));
      reply(res, 'POST /api/me/email', { status: 'confirmation_sent', email: body.email }, 202);
    }),
  );
  return router;
}

/** The two landing pages, mounted at the root. */
export function emailChangePages(services: Services): Router {
  const router = Router();
  landingPage(router, services, 'confirm', CONFIRM_EMAIL_CHANGE_PATH, confirmEmailChange);
  landingPage(router, services, 'undo', UNDO_EMAIL_CHANGE_PATH, undoEmailChange);
  return router;
}

function landingPage(
  router: Router,
  services: Services,
  kind: 'confirm' | 'undo',
  path: string,
  act: typeof confirmEmailChange,
): void {
  const { config } = services;
  const product = config.brand.productName;
  const texts = (lang: Language) =>
    kind === 'confirm' ? messages(lang).pages.emailChange : messages(lang).pages.emailChangeUndo;
  linkLandingPage(router, config, {
    path,
    find: (token) => findOpenLink(services, kind, token),
    ask: (link, lang) => {
      const t = texts(lang);
      return { title: t.title, intro: t.intro(link.email), action: t.action };
    },
    act: (token, req) => act(services, token, requestContext(req)),
    languageOf: (outcome) => outcome.language,
    answer: (outcome, lang): LandingAnswer => {
      const t = texts(lang);
      if (outcome.outcome === 'taken') {
        // The API's code for this case, for scripts and tests reading the page.
        const body = html`<h1>${t.takenTitle}</h1><p class="error" data-code="email_in_use">${t.taken}</p>`;
        return { status: 409, title: t.takenTitle, body };
      }
      const site = outcome.redirectUrl ?? config.redirectAllowlist[0];
      const back = messages(lang).pages.invalidLink.back(product);
      return {
        title: t.doneTitle,
        body: html`<h1>${t.doneTitle}</h1><p>${t.done(outcome.email, product)}</p>
${site ? html`<p><a href="${site}">${back}</a></p>` : ''}`,
      };
    },
  });
}
