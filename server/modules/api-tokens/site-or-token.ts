/**
 * The gate of site-backend routes that an organization's API token may also call (today
 * `POST /api/checklist/events`): the site secret ACCT_SITE_SECRET still admits a site-wide call,
 * exactly as http/site-secret.ts does; a bearer that is not the site secret but claims to be an
 * API token must be one with `scope`, and is put on `req.apiToken` so the route can confine it to
 * its organization. The site secret is compared first, so a site secret that happened to start
 * with `acct_live_` would keep working.
 */
import type { RequestHandler } from 'express';
import type { ApiTokenScope } from '../../../contract/constants';
import type { ApiError } from '../../http/errors';
import { requireSiteSecret } from '../../http/site-secret';
import { constantTimeEqual } from '../../security/tokens';
import type { Services } from '../../services';
import { authenticateApiToken, bearerOf, presentsApiToken, requireScope } from './bearer-token';

export function siteSecretOrApiToken(
  services: Services,
  scope: ApiTokenScope,
  whenOff: () => ApiError,
): RequestHandler {
  const siteSecret = requireSiteSecret(services.config, whenOff);
  return async (req, res, next) => {
    const { siteSecret: secret } = services.config;
    const isSiteSecret = Boolean(secret) && constantTimeEqual(bearerOf(req) ?? '', secret!);
    if (isSiteSecret || !presentsApiToken(req)) return siteSecret(req, res, next);
    const token = await authenticateApiToken(services, req);
    requireScope(token, scope);
    req.apiToken = token;
    next();
  };
}
