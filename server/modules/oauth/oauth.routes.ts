/**
 * OAuth / OpenID Connect sign-in, mounted at the root (browser navigations, not API calls):
 * `GET /auth/oauth/:provider/start` records an attempt and redirects to the provider;
 * `GET /auth/oauth/:provider/callback` is where the provider sends the browser back, and ends on
 * the return page with a hand-over code — in its fragment (redirect mode, like emailed links) or
 * posted to the opener by a tiny page (popup mode) — or, with no session, on one error page (or,
 * in popup mode, the failure's code posted to the opener the same way).
 * `POST /auth/oauth/:provider/callback` is the same return as a form POST (`response_mode=form_post`,
 * Apple).
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { OAuthStartQuery } from '../../../contract/oauth';
import { withQuery } from '../../http/validate';
import { pageLanguage } from '../../http/hosted-page';
import type { Services } from '../../services';
import { returnAddress } from '../sessions/redirects';
import { requestContext } from '../sessions/request-context';
import { oauthClients } from './oauth-clients';
import { failureText, sendOAuthFailedPage, sendPopupPage } from './oauth-pages';
import { finishSignIn, oauthPath, startSignIn } from './oauth.service';

export function oauthPages(services: Services): Router {
  const { config } = services;
  const clients = oauthClients(services);
  const router = Router();
  const providerOf = (req: Request) => clients.provider(String(req.params.provider));

  router.get(
    oauthPath(':provider', 'start'),
    withQuery(OAuthStartQuery, async (query, req, res, next) => {
      const provider = providerOf(req);
      if (!provider) return next();
      // Like emailed links: the named page if allowed (else 400), else the first allowed origin.
      const returnTo = returnAddress(query.return_to, undefined, config.redirectAllowlist, 'return_to');
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

  /**
   * The provider's return, by GET (query) or by form POST (response_mode=form_post, Apple). A
   * form POST comes cross-site by design (the provider's page submits it): no CSRF origin check
   * applies (the csrf guard covers /api) or could; the attempt's single-use `state` protects it,
   * exactly as it does the GET (docs/security.md B5).
   */
  async function callback(req: Request, res: Response, next: NextFunction) {
    const provider = providerOf(req);
    if (!provider) return next();
    const { currentUrl, posted } = callbackParameters(req, config.publicUrl);
    const result = await finishSignIn(services, clients, provider, currentUrl, requestContext(req), posted);
    res.set('Cache-Control', 'no-store');
    if (result.ok === 'link') return res.redirect(303, result.redirect);
    if (!result.ok && result.attempt?.mode === 'popup' && result.returnTo) {
      // The opener shows the failure in its own words (translated by code) once the popup closes.
      return sendPopupPage(req, res, config, {
        targetOrigin: new URL(result.returnTo).origin,
        message: { type: 'acct-oauth', nonce: result.attempt.clientNonce ?? '', error: `oauth_${result.reason}` },
        withoutOpener: { explain: failureText(pageLanguage(req, config), result.reason, provider.name) },
      });
    }
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
      withoutOpener: { continueTo: result.handOver },
    });
  }
  router.get(oauthPath(':provider', 'callback'), callback);
  router.post(
    oauthPath(':provider', 'callback'),
    express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }),
    callback,
  );

  return router;
}

/**
 * The callback's parameters as openid-client reads them, in a URL: the query of a GET, or the
 * fields of a form POST; Apple's `user` field (not a protocol parameter) apart.
 */
function callbackParameters(req: Request, publicUrl: string): { currentUrl: URL; posted: { user?: string } } {
  const currentUrl = new URL(req.originalUrl, publicUrl);
  if (req.method !== 'POST') return { currentUrl, posted: {} };
  currentUrl.search = '';
  const body = (req.body ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(body)) {
    if (name !== 'user' && typeof value === 'string') currentUrl.searchParams.set(name, value);
  }
  return { currentUrl, posted: typeof body.user === 'string' ? { user: body.user } : {} };
}
