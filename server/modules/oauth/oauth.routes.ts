/**
 * OAuth / OpenID Connect sign-in, mounted at the root (browser navigations, not API calls):
 * `GET /auth/oauth/:provider/start` records an attempt and redirects to the provider;
 * `GET /auth/oauth/:provider/callback` is where the provider sends the browser back, and ends on
 * the return page with a hand-over code — in its fragment (redirect mode, like emailed links) or
 * posted to the opener by a tiny page (popup mode) — or on one error page, with no session.
 * `POST /auth/oauth/:provider/callback` is the same return as a form POST (`response_mode=form_post`,
 * Apple).
 */
import express, { Router, type Request, type Response } from 'express';
import { OAuthStartQuery } from '../../../contract/oauth';
import { withQuery } from '../../http/validate';
import type { Services } from '../../services';
import { returnAddress } from '../sessions/redirects';
import { requestContext } from '../sessions/request-context';
import { OAuthClients } from './oauth-clients';
import { sendOAuthFailedPage, sendPopupPage } from './oauth-pages';
import { finishSignIn, oauthPath, startSignIn } from './oauth.service';

export function oauthPages(services: Services): Router {
  const { config } = services;
  const clients = new OAuthClients(config.oauthProviders, services.oauthFetch);
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

  /** Ends the sign-in on the return page with the hand-over code, or on the error page. */
  async function finish(req: Request, res: Response, currentUrl: URL, posted: { user?: string } = {}) {
    const provider = providerOf(req)!;
    const result = await finishSignIn(services, clients, provider, currentUrl, requestContext(req), posted);
    res.set('Cache-Control', 'no-store');
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
  }

  router.get(oauthPath(':provider', 'callback'), async (req, res, next) => {
    if (!providerOf(req)) return next();
    await finish(req, res, new URL(req.originalUrl, config.publicUrl));
  });

  // response_mode=form_post: the provider's page posts the result here, cross-site, as a form.
  // No CSRF check applies or could (the csrf guard covers /api; this POST comes from the
  // provider's origin by design): what protects it is the attempt's `state`, single-use and bound
  // to the attempt, exactly as for the GET callback (docs/security.md B5).
  router.post(
    oauthPath(':provider', 'callback'),
    express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }),
    async (req, res, next) => {
      if (!providerOf(req)) return next();
      const body = (req.body ?? {}) as Record<string, unknown>;
      const currentUrl = new URL(oauthPath(providerOf(req)!.id, 'callback'), config.publicUrl);
      for (const [name, value] of Object.entries(body)) {
        if (name !== 'user' && typeof value === 'string') currentUrl.searchParams.set(name, value);
      }
      await finish(req, res, currentUrl, { user: typeof body.user === 'string' ? body.user : undefined });
    },
  );

  return router;
}
