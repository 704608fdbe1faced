/**
 * `GET /api/config`: the public settings the elements render from, so a site changes what its
 * sign-in form offers in the server's configuration, not in every page. Nothing secret here.
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
}

export function toClientConfig(config: Config): ClientConfig {
  return {
    productName: config.productName,
    methods: config.signInMethods,
    signUpEnabled: config.signUpEnabled,
    passwordMinLength: config.passwordMinLength,
    sessionTransport: config.session.transport,
    requireEmailVerification: config.requireEmailVerification,
  };
}

export function clientConfigRoutes(config: Config): Router {
  const body = toClientConfig(config);
  const router = Router();
  router.get('/config', (_req, res) => {
    // Short public caching: the settings only change with a restart.
    res.set('Cache-Control', 'public, max-age=60').json(body);
  });
  return router;
}
