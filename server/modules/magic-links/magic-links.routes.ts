/**
 * Magic links: `POST /api/auth/magic-link` mails one (same answer for any address), the asking
 * page polls `GET /api/auth/magic-link/:id/status`, and the emailed URL opens the hosted page
 * `/auth/magic-link`, whose GET consumes nothing (mail scanners, docs/security.md B2) and whose
 * "Continue" POST consumes the link and hands a session to the page that asked.
 */
import { Router } from 'express';
import { z } from 'zod';
import { MagicLinkBody } from '../../../contract/auth';
import { hostedFormGuards } from '../../http/hosted-forms';
import { html, pageLanguage, sendHostedPage } from '../../http/hosted-page';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import { messages } from '../../i18n';
import type { Services } from '../../services';
import { sendInvalidLinkPage } from '../one-time-tokens/invalid-link-page';
import { returnAddress } from '../sessions/redirects';
import { requestContext } from '../sessions/request-context';
import {
  consumeMagicLink,
  findOpenMagicLink,
  MAGIC_LINK_PATH,
  magicLinkStatus,
  requestMagicLink,
} from './magic-links.service';

/** Anything but a link id is a link that will never be used: `pending`, like any other. */
const LinkId = z.uuid();

export function magicLinkApiRoutes(services: Services): Router {
  const { config } = services;
  const router = Router();

  router.post(
    '/auth/magic-link',
    withBody(MagicLinkBody, async (body, req, res) => {
      const redirectUrl = returnAddress(body.redirectUrl, req.headers.origin, config.redirectAllowlist);
      const id = await requestMagicLink(
        services,
        { email: body.email, redirectUrl, browserKey: body.browserKey },
        requestContext(req),
      );
      const sent = { status: 'link_sent', linkId: id, expiresInSeconds: config.magicLinkTtlSeconds } as const;
      reply(res, 'POST /api/auth/magic-link', sent, 202);
    }),
  );

  router.get('/auth/magic-link/:id/status', async (req, res) => {
    const id = LinkId.safeParse(req.params.id);
    reply(res, 'GET /api/auth/magic-link/:id/status', {
      status: id.success ? await magicLinkStatus(services, id.data) : 'pending',
    });
  });

  return router;
}

/** The hosted landing page, mounted at the root. */
export function magicLinkPage(services: Services): Router {
  const { config } = services;
  const router = Router();

  router.get(MAGIC_LINK_PATH, async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const link = await findOpenMagicLink(services, token);
    if (!link) return sendInvalidLinkPage(req, res, config);
    const lang = pageLanguage(req, config, link.language);
    const t = messages(lang).pages.magicLink;
    sendHostedPage(res, {
      brand: config.brand,
      lang,
      redirectOrigins: config.redirectAllowlist,
      title: t.title(config.productName),
      body: html`<h1>${t.title(config.productName)}</h1>
<p>${t.intro}</p>
<form method="post" action="${MAGIC_LINK_PATH}">
<input type="hidden" name="token" value="${token}">
<button type="submit">${t.action}</button>
</form>
<p class="hint">${t.hint}</p>`,
    });
  });

  router.post(MAGIC_LINK_PATH, ...hostedFormGuards(config.publicUrl), async (req, res) => {
    const url = await consumeMagicLink(services, req.body?.token);
    if (!url) return sendInvalidLinkPage(req, res, config);
    res.redirect(303, url);
  });

  return router;
}
