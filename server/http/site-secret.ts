/**
 * The gate of the routes for the site's backend (server-to-server calls, never a browser):
 * `Authorization: Bearer <ACCT_SITE_SECRET>`, compared in constant time. When the secret is not
 * set those routes are off, and each area says so with its own error (`whenOff`).
 */
import type { RequestHandler } from 'express';
import { SiteSecretErrors } from '../../contract/errors';
import type { Config } from '../config';
import { constantTimeEqual } from '../security/tokens';
import { ApiError } from './errors';

export function requireSiteSecret(config: Config, whenOff: () => ApiError): RequestHandler {
  return (req, _res, next) => {
    if (!config.siteSecret) throw whenOff();
    const given = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : '';
    if (!constantTimeEqual(given, config.siteSecret)) throw ApiError.of(SiteSecretErrors, 'site_secret_required');
    next();
  };
}
