/**
 * OAuth / OpenID Connect sign-in (issue 10). Its routes are browser navigations, not JSON calls —
 * `GET /auth/oauth/:provider/start` and the provider's return to `/auth/oauth/:provider/callback`
 * end in a hand-over code (`POST /api/session/exchange`, contract/sessions.ts) — so this area has
 * no route map; what the elements need is the list of providers in `GET /api/config` and the
 * popup's message.
 */
import { z } from 'zod';
import { browserKeyField } from './fields.js';

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
 * What the popup posts to the window that opened it, to the origin of the page to return to: the
 * nonce the opener chose when it opened the popup, and a hand-over code to exchange.
 */
export interface OAuthPopupMessage {
  type: 'acct-oauth';
  nonce: string;
  code: string;
}
