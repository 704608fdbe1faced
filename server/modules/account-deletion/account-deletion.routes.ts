/**
 * Account deletion routes: the signed-in user's scheduled deletion (`/api/me/deletion`: read,
 * asked for, cancelled) and the hosted page of the mailed cancel link — a GET shows the date and a
 * button and consumes nothing (mail scanners follow links, docs/security.md B2); its POST cancels.
 * Asking sends a mail, so it spends the mail rate limits too.
 */
import { Router } from 'express';
import { RequestDeletionBody } from '../../../contract/account-deletion';
import { html } from '../../http/hosted-page';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import { messages } from '../../i18n';
import type { Services } from '../../services';
import { linkLandingPage } from '../one-time-tokens/link-landing-page';
import { mailLimits } from '../rate-limit/policies';
import { enforceLimits } from '../rate-limit/rate-limit';
import { requestContext } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import { clearSession } from '../sessions/session-transport';
import {
  CANCEL_DELETION_PATH,
  cancelByLink,
  cancelDeletion,
  deletionStatus,
  openCancelLink,
  requestDeletion,
} from './account-deletion.service';

/** API part, mounted under /api. */
export function accountDeletionRoutes(services: Services): Router {
  const { config, db } = services;
  const transport = { transport: config.session.transport, publicUrl: config.publicUrl };
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/me/deletion', signedIn, async (req, res) => {
    reply(res, 'GET /api/me/deletion', { deletion: await deletionStatus(services, sessionOf(req).userId) });
  });

  router.post(
    '/me/deletion',
    signedIn,
    withBody(RequestDeletionBody, async (body, req, res) => {
      const session = sessionOf(req);
      const context = requestContext(req);
      await enforceLimits(db.knex, mailLimits(config.rateLimits, context.ip, session.user.email));
      const deletion = await requestDeletion(services, session, body, context);
      clearSession(res, transport);
      reply(res, 'POST /api/me/deletion', { deletion }, 201);
    }),
  );

  router.delete('/me/deletion', signedIn, async (req, res) => {
    await cancelDeletion(services, sessionOf(req).userId, requestContext(req));
    reply(res, 'DELETE /api/me/deletion', { cancelled: true });
  });

  return router;
}

/** The cancel link's hosted page, mounted at the root. */
export function cancelDeletionPage(services: Services): Router {
  const { config } = services;
  const product = config.brand.productName;
  const router = Router();
  linkLandingPage(router, config, {
    path: CANCEL_DELETION_PATH,
    find: (token) => openCancelLink(services, token),
    ask: (link, lang) => {
      const t = messages(lang).pages.cancelDeletion;
      const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(link.scheduledFor);
      return { title: t.title, intro: t.intro(product, date), action: t.action };
    },
    act: (token) => cancelByLink(services, token),
    languageOf: (cancelled) => cancelled.language,
    answer: (_cancelled, lang) => {
      const t = messages(lang).pages.cancelDeletion;
      return { title: t.doneTitle, body: html`<h1>${t.doneTitle}</h1><p>${t.done(product)}</p>` };
    },
  });
  return router;
}
