/**
 * The landing page of an invitation link, `/auth/invitation`: the GET shows "Join <organization>
 * on <product>" with a Continue button and consumes nothing (mail scanners open links, SECURITY.md
 * B2); the POST accepts the invitation atomically and sends the browser back to the site with a
 * session code (sessions/hand-over.ts). Expired, revoked, accepted and unknown invitations all get
 * the one invalid-link page (B3).
 */
import { Router } from 'express';
import { hostedFormGuards } from '../../http/hosted-forms';
import { html, sendHostedPage } from '../../http/hosted-page';
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
    if (!invitation) return sendInvalidLinkPage(res, config);
    const title = `Join ${invitation.organizationName} on ${config.productName}`;
    sendHostedPage(res, {
      productName: config.productName,
      redirectOrigins: config.redirectAllowlist,
      title,
      body: html`<h1>${title}</h1>
<p>${invitation.inviterName ?? 'Someone'} invited <strong>${invitation.email}</strong> to join ${invitation.organizationName} as ${invitation.role === 'admin' ? 'an admin' : 'a member'}.</p>
<form method="post" action="${INVITATION_PATH}">
<input type="hidden" name="token" value="${token}">
<button type="submit">Continue</button>
</form>
<p class="hint">Continuing signs you in as ${invitation.email}. If you were not expecting this invitation, close this page: nothing happens without the button.</p>`,
    });
  });

  router.post(INVITATION_PATH, ...hostedFormGuards(config.publicUrl), async (req, res) => {
    const location = await acceptInvitation(services, req.body?.token);
    if (!location) return sendInvalidLinkPage(res, config);
    res.redirect(303, location);
  });

  return router;
}
