/**
 * `GET /account` (issue 10, hosted pages): the signed-in user's account on acct's own origin, for
 * sites that prefer a link to embedding — `<acct-sessions>`, `<acct-passkeys>` (when passkeys are
 * on), `<acct-connected-accounts>` and `<acct-login-history>`, in the operator's brand like the
 * other hosted pages (http/hosted-page.ts). The session is acct's own, on this origin.
 *
 * Signed out, the page shows only its heading and `<acct-login>`; once the user signed in, the
 * account elements and not the form. The elements follow the page's session store and have the
 * custom state `signed-out` while nobody is signed in (docs/elements/theming.md), which the hosted
 * stylesheet (http/hosted-assets.ts) hides them by and shows the form by — so the page needs no
 * script of its own: its CSP allows `/acct.js` from this origin and connections to it, nothing
 * inline. The form is beside the elements rather than in `<acct-sessions>`' `signed-out` slot,
 * where it would sit in a card headed "Where you are signed in".
 *
 * `?return_to=` names the site's page for a "Back to <site>" link; only an address on the redirect
 * allowlist (sessions/redirects.ts), else 400 like any redirect.
 */
import { Router } from 'express';
import { z } from 'zod';
import { html, pageLanguage, sendHostedPage } from '../../http/hosted-page';
import { withQuery } from '../../http/validate';
import { messages } from '../../i18n';
import type { Services } from '../../services';
import { allowedRedirect } from '../sessions/redirects';

const AccountPageQuery = z.object({ return_to: z.string().max(2000).optional() }).strict();

export function accountPage({ config }: Services): Router {
  const router = Router();
  router.get(
    '/account',
    withQuery(AccountPageQuery, (query, req, res) => {
      const lang = pageLanguage(req, config);
      const t = messages(lang).pages.account;
      const returnTo = allowedRedirect(query.return_to, config.redirectAllowlist, 'return_to');
      const passkeys = config.signInMethods.includes('passkey') ? html`<acct-passkeys></acct-passkeys>` : '';
      sendHostedPage(res, {
        brand: config.brand,
        lang,
        title: t.title,
        scripts: ['/acct.js'],
        wide: true,
        body: html`<h1>${t.title}</h1>
${returnTo ? html`<p><a href="${returnTo}">${t.back(new URL(returnTo).host)}</a></p>` : ''}
<acct-sessions></acct-sessions>
<acct-login></acct-login>
${passkeys}
<acct-connected-accounts></acct-connected-accounts>
<acct-login-history></acct-login-history>`,
      });
    }),
  );
  return router;
}
