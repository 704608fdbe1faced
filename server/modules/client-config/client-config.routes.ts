/**
 * `GET /api/config`: the public settings the elements render from, so a site changes what its
 * sign-in form offers in the server's configuration, not in every page. Nothing secret here, so
 * any origin may read it (server/http/cors.ts makes it `Access-Control-Allow-Origin: *`): a page
 * that is not in ACCT_ALLOWED_ORIGINS learns so from `originAllowed`, and its elements say what to
 * fix instead of failing as if the server were down.
 */
import { Router } from 'express';
import type { Config, SessionTransport, SignInMethod } from '../../config';

/** What `/api/config` answers; the elements' API client declares the same shape. */
export interface ClientConfig {
  productName: string;
  /** Enabled sign-in methods, in the order the form offers them. */
  methods: SignInMethod[];
  signUpEnabled: boolean;
  passwordMinLength: number;
  /** How the elements carry the session: a cookie the browser handles, or a bearer token they keep. */
  sessionTransport: SessionTransport;
  /** Whether a new account must confirm its email before signing in. */
  requireEmailVerification: boolean;
  /** Whether the asking page's origin may use the API (in ACCT_ALLOWED_ORIGINS); true when the request has no Origin. */
  originAllowed: boolean;
  /** The server runs in development mode (`npm start`): the elements may name the exact fix for a setup mistake. */
  development: boolean;
}

/** The settings every origin gets alike. */
export function toClientConfig(config: Config): Omit<ClientConfig, 'originAllowed'> {
  return {
    productName: config.productName,
    methods: config.signInMethods,
    signUpEnabled: config.signUpEnabled,
    passwordMinLength: config.passwordMinLength,
    sessionTransport: config.session.transport,
    requireEmailVerification: config.requireEmailVerification,
    development: config.development,
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
    res.set('Cache-Control', originAllowed ? 'public, max-age=60' : 'no-store').json({ ...body, originAllowed } satisfies ClientConfig);
  });
  return router;
}
