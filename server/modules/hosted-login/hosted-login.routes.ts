/**
 * `GET /login?return_to=…&browserKey=…`: acct's hosted sign-in page, for sites that prefer a
 * redirect to embedding (issue 10). It is `<acct-login>` itself, from the elements' bundle on our
 * own origin, in the operator's colours (http/hosted-assets.ts) and under the hosted pages' strict
 * CSP (http/hosted-page.ts; scripts and requests from our origin only). The user comes back to
 * `return_to` (on the redirect allowlist, else 400) signed in there, never here:
 * - a provider (full-page mode) starts with `return_to` as its return page, so its callback sends
 *   the browser straight back with `#acct_code=…`;
 * - a password or passkey sign-in is handed over (`POST /api/session/hand-over`): a code for the
 *   site page, bound to the site page's browser key (`browserKey` in this URL), and the hosted
 *   session ends;
 * - an emailed link (sign-in link, confirmation) is requested with the site page as its return
 *   page and the site page's key, like one asked for on the site.
 * docs/security.md ("The hosted sign-in page") says why.
 */
import { Router } from 'express';
import { HostedLoginQuery } from '../../../contract/sessions';
import { html, pageLanguage, sendHostedPage } from '../../http/hosted-page';
import { withQuery } from '../../http/validate';
import { messages } from '../../i18n';
import type { Services } from '../../services';
import { returnAddress } from '../sessions/redirects';

export function hostedLoginPage({ config }: Services): Router {
  const router = Router();
  router.get(
    '/login',
    withQuery(HostedLoginQuery, (query, req, res) => {
      const returnTo = returnAddress(query.return_to, undefined, config.redirectAllowlist, 'return_to');
      const lang = pageLanguage(req, config);
      const t = messages(lang).pages.login;
      sendHostedPage(res, {
        brand: config.brand,
        lang,
        title: t.title,
        scripts: ['/acct.js'],
        body: html`<acct-login server="${config.publicUrl}" lang="${lang}" redirect="${returnTo}" oauth-mode="redirect" hand-over-key="${query.browserKey ?? ''}"></acct-login>
<noscript><p class="error">${t.noScript}</p></noscript>`,
      });
    }),
  );
  return router;
}
