/**
 * Provider tokens for the site's backend (server/modules/provider-tokens): when acct keeps the
 * tokens of OAuth sign-ins (`ACCT_OAUTH_STORE_TOKENS`), the site's backend — authenticated by
 * `Authorization: Bearer <ACCT_SITE_SECRET>`, never a browser — asks for a user's current access
 * token at a provider, refreshed by acct when it expires within a minute.
 */
import type { z } from 'zod';
import type { EmptyBody } from './onboarding.js';
import { SiteSecretErrors } from './errors.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/** The answer of `POST /api/server/users/:userId/provider-tokens/:provider`. */
export interface ProviderAccessToken {
  /** The access token to call the provider's API with (`Authorization: Bearer …`). */
  accessToken: string;
  /** When it expires, if the provider said; acct refreshes it when less than a minute is left. */
  expiresAt: Timestamp | null;
  /** The scopes the provider granted, space-separated as in OAuth (`openid email profile …`). */
  scope: string;
}

export const ProviderTokenErrors = {
  site_secret_required: SiteSecretErrors.site_secret_required,
  provider_tokens_disabled: {
    status: 403,
    message: 'Provider tokens are not kept: set ACCT_OAUTH_STORE_TOKENS=true (and ACCT_SITE_SECRET).',
  },
  provider_not_configured: { status: 404, message: 'No provider with this id is configured.' },
  provider_account_not_linked: { status: 404, message: 'This user has no account at this provider.' },
  provider_tokens_not_stored: {
    status: 409,
    message: 'No tokens are stored for this account yet: the user must sign in with the provider again.',
  },
  provider_tokens_unreadable: {
    status: 409,
    message:
      'The stored tokens do not decrypt (sealed for another row, or under a retired key): the user must sign in with the provider again.',
  },
  provider_refresh_unavailable: {
    status: 409,
    message:
      'The access token expired and the provider gave no refresh token (ask for offline access in the provider’s _SCOPES setting); the user must sign in again.',
  },
  provider_refresh_failed: {
    status: 502,
    message: 'The provider refused to refresh the token (revoked or expired): the user must sign in again.',
  },
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface ProviderTokenRoutes {
  'POST /api/server/users/:userId/provider-tokens/:provider': Route<z.input<typeof EmptyBody>, ProviderAccessToken>;
}
