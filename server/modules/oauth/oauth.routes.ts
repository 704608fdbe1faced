/**
 * OAuth / OpenID Connect sign-in, mounted at the root (browser navigations, not API calls):
 * `GET /auth/oauth/:provider/start` records an attempt and redirects to the provider;
 * `GET /auth/oauth/:provider/callback` is where the provider sends the browser back, and ends on
 * the return page with a hand-over code — in its fragment (redirect mode, like emailed links) or
 * posted to the opener by a tiny page (popup mode) — or on one error page, with no session.
 */
import { Router, type Request } from 'express';
import { OAuthStartQuery } from '../../../contract/oauth';
import { withQuery } from '../../http/validate';
import type { Services } from '../../services';
import { returnAddress } from '../sessions/redirects';
import { requestContext } from '../sessions/request-context';
import { oauthClients } from './oauth-clients';
import { sendOAuthFailedPage, sendPopupPage } from './oauth-pages';
import { finishSignIn, oauthPath, startSignIn } from './oauth.service';

export function oauthPages(services: Services): Router {
  const { config } = services;
  const clients = oauthClients(config.oauthProviders);
  const router = Router();
  const providerOf = (req: Request) => clients.provider(String(req.params.provider));

  router.get(
    oauthPath(':provider', 'start'),
    withQuery(OAuthStartQuery, async (query, req, res, next) => {
      const provider = providerOf(req);
      if (!provider) return next();
      // Like emailed links: the named page if allowed (else 400), else the first allowed origin.
      const returnTo = returnAddress(query.return_to, undefined, config.redirectAllowlist);
      const url = await startSignIn(
        services,
        clients,
        provider,
        { mode: query.mode, returnTo, clientNonce: query.nonce, browserKey: query.browserKey },
        requestContext(req),
      );
      res.set('Cache-Control', 'no-store').redirect(303, url);
    }),
  );

  router.get(oauthPath(':provider', 'callback'), async (req, res, next) => {
    const provider = providerOf(req);
    if (!provider) return next();
    const currentUrl = new URL(req.originalUrl, config.publicUrl);
    const result = await finishSignIn(services, clients, provider, currentUrl);
    res.set('Cache-Control', 'no-store');
    if (result.ok === 'link') return res.redirect(303, result.redirect);
    if (!result.ok) {
      return sendOAuthFailedPage(req, res, config, {
        reason: result.reason,
        providerName: provider.name,
        returnTo: result.returnTo,
      });
    }
    if (result.mode === 'redirect') return res.redirect(303, result.handOver);
    sendPopupPage(req, res, config, {
      targetOrigin: new URL(result.returnTo).origin,
      message: { type: 'acct-oauth', nonce: result.clientNonce ?? '', code: result.code },
    });
  });

  return router;
}
