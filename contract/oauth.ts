/**
 * OAuth / OpenID Connect sign-in (issue 10). Its routes are browser navigations, not JSON calls —
 * `GET /auth/oauth/:provider/start` and the provider's return to `/auth/oauth/:provider/callback`
 * end in a hand-over code (`POST /api/session/exchange`, contract/sessions.ts) — so this area has
 * no route map; what the elements need is the list of providers in `GET /api/config` and the
 * popup's message.
 */
import { z } from 'zod';
import { browserKeyField } from './fields.js';
import type { ErrorCatalogue } from './wire.js';

/** A provider a site offers, as `GET /api/config` lists it (its button). */
export interface OAuthProviderSummary {
  /** Lowercase id, as in `/auth/oauth/<id>/start`. */
  id: string;
  /** The name to show: "Google", or the operator's name for an OpenID Connect issuer. */
  name: string;
}

/** How the provider's answer comes back to the page that started the sign-in. */
export type OAuthMode = 'popup' | 'redirect';

/**
 * The query of `GET /auth/oauth/:provider/start`: how to come back (`mode`, default redirect),
 * the page to return to (`return_to`, on the redirect allowlist; default: the first allowed
 * origin), the browser key of the hand-over, and in popup mode the opener's `nonce`.
 */
export const OAuthStartQuery = z
  .object({
    mode: z.enum(['popup', 'redirect']).default('redirect'),
    return_to: z.string().max(2000).optional(),
    browserKey: browserKeyField,
    nonce: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,128}$/, 'invalid_nonce')
      .optional(),
  })
  .strict()
  .refine((q) => q.mode !== 'popup' || q.nonce !== undefined, { message: 'required', path: ['nonce'] });

/**
 * Why a sign-in with a provider failed, as a popup tells its opener (the full-page flow shows the
 * same reasons on acct's error page): the attempt was unknown, used or expired; the provider's
 * answer did not validate (or the user cancelled there); it gave no address; an account with that
 * address exists and must be linked while signed in (docs/security.md B6); sign-up is closed.
 */
export const OAuthErrors = {
  oauth_attempt: { status: 400, message: 'This sign-in attempt has expired or was already used.' },
  oauth_provider: { status: 400, message: 'The provider did not confirm the sign-in.' },
  oauth_no_email: { status: 400, message: 'The provider did not share an email address.' },
  oauth_account_exists: {
    status: 400,
    message: 'An account with this email address exists: sign in to it, then link the provider.',
  },
  oauth_sign_up_closed: { status: 400, message: 'New accounts cannot be created here.' },
} as const satisfies ErrorCatalogue;

export type OAuthErrorCode = keyof typeof OAuthErrors;

/**
 * What the popup posts to the window that opened it, to the origin of the page to return to: the
 * nonce the opener chose when it opened the popup, and either a hand-over code to exchange or the
 * code of the failure.
 */
export type OAuthPopupMessage = { type: 'acct-oauth'; nonce: string } & ({ code: string } | { error: OAuthErrorCode });
