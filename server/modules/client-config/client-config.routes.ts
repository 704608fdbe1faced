/**
 * `GET /api/config`: the public settings the elements render from, so a site changes what its
 * sign-in form offers in the server's configuration, not in every page. Nothing secret here, so
 * any origin may read it (server/http/cors.ts makes it `Access-Control-Allow-Origin: *`): a page
 * that is not in ACCT_ALLOWED_ORIGINS learns so from `originAllowed`, and its elements say what to
 * fix instead of failing as if the server were down.
 */
import { Router } from 'express';
import type { ClientConfig } from '../../../contract/client-config';
import type { Config } from '../../config';
import { reply } from '../../http/reply';

/** The settings every origin gets alike. */
export function toClientConfig(config: Config): Omit<ClientConfig, 'originAllowed'> {
  return {
    productName: config.productName,
    methods: config.signInMethods,
    signUpEnabled: config.signUpEnabled,
    passwordMinLength: config.passwordMinLength,
    sessionTransport: config.session.transport,
    requireEmailVerification: config.requireEmailVerification,
    providers: config.oauthProviders.map(({ id, name }) => ({ id, name })),
    development: config.development,
    deletionGraceDays: config.deletionGraceDays,
    languages: config.languages,
  };
}

export function clientConfigRoutes(config: Config): Router {
  const body = toClientConfig(config);
  // The server's own origin may call the API too (the CSRF guard accepts it).
  const allowed = new Set([...config.allowedOrigins, new URL(config.publicUrl).origin]);
  const router = Router();
  router.get('/config', (req, res) => {
    const origin = req.headers.origin;
    const originAllowed = origin === undefined || allowed.has(origin);
    // Short public caching (the settings only change with a restart; CORS's `Vary: Origin` keeps
    // one origin's answer from another). Not for a refused origin: its owner is about to fix the
    // allowlist and reload, and must not be shown the old answer for another minute.
    res.set('Cache-Control', originAllowed ? 'public, max-age=60' : 'no-store');
    reply(res, 'GET /api/config', { ...body, originAllowed });
  });
  return router;
}
