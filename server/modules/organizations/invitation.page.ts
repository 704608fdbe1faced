/**
 * The landing page of an invitation link, `/auth/invitation`: the GET shows "Join <organization>
 * on <product>" with a Continue button and consumes nothing (mail scanners open links, docs/security.md
 * B2); the POST accepts the invitation atomically and sends the browser back to the site with a
 * session code (sessions/hand-over.ts). Expired, revoked, accepted and unknown invitations all get
 * the one invalid-link page (B3).
 */
import { Router } from 'express';
import { hostedFormGuards } from '../../http/hosted-forms';
import { html, pageLanguage, sendHostedPage } from '../../http/hosted-page';
import { messages } from '../../i18n';
import type { Services } from '../../services';
import { sendInvalidLinkPage } from '../one-time-tokens/invalid-link-page';
import { acceptInvitation, INVITATION_PATH, invitationForPage } from './invitations.service';

/** The hosted page, mounted at the root. */
export function invitationPage(services: Services): Router {
  const { config } = services;
  const router = Router();

  router.get(INVITATION_PATH, async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const invitation = await invitationForPage(services, token);
    if (!invitation) return sendInvalidLinkPage(req, res, config);
    const lang = pageLanguage(req, config, invitation.language);
    const t = messages(lang).pages.invitation;
    const title = t.title(invitation.organizationName, config.productName);
    const invited = t.invited({
      inviter: invitation.inviterName,
      // An address reads left to right in every language (an Arabic page would reorder `1234@…`).
      email: html`<strong dir="ltr">${invitation.email}</strong>`,
      organization: invitation.organizationName,
      role: invitation.role,
    });
    sendHostedPage(res, {
      brand: config.brand,
      lang,
      redirectOrigins: config.redirectAllowlist,
      title,
      body: html`<h1>${title}</h1>
<p>${invited}</p>
<form method="post" action="${INVITATION_PATH}">
<input type="hidden" name="token" value="${token}">
<button type="submit">${t.action}</button>
</form>
<p class="hint">${t.hint(invitation.email)}</p>`,
    });
  });

  router.post(INVITATION_PATH, ...hostedFormGuards(config.publicUrl), async (req, res) => {
    const location = await acceptInvitation(services, req.body?.token);
    if (!location) return sendInvalidLinkPage(req, res, config);
    res.redirect(303, location);
  });

  return router;
}
