/**
 * Connected accounts: the sign-in providers (Google, GitHub, an OpenID Connect issuer…) a user
 * has linked, listed, linked and unlinked by that user.

 * Linking while signed in (docs/security.md B6): `POST /api/connected-accounts/link` answers the
 * provider's address for a link attempt bound to the signed-in user; the provider sends the
 * browser back to `returnTo` with `#acct_link=<code>` (or `#acct_link_error=<error code>`), and
 * the page redeems the code with `POST /api/connected-accounts/link/complete` as the same user.
 *
 * Unlinking never removes the last way to sign in. So that the element can say *why* a row
 * cannot be unlinked rather than just disable its button, the list carries the user's other ways
 * to sign in (`otherSignInMethods`); the server decides again, inside the unlinking transaction.
 */
import { z } from 'zod';
import { CommonErrors } from './errors.js';
import { PasskeyErrors } from './passkeys.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/**
 * A way to sign in other than a linked account, as the server counts it: a password (set, on a
 * proven address), a passkey, or magic links (enabled on this server, to a proven address).
 */
export type OtherSignInMethod = 'password' | 'passkey' | 'magic_link';

/** One linked provider account. */
export interface ConnectedAccount {
  id: string;
  /** The provider's id as configured (`google`, `github`, an OIDC provider's id…). */
  provider: string;
  /** Its name, as on the sign-in buttons: the brand (`GitHub`) or the configured `_NAME`. */
  providerName: string;
  /** The address the provider gave, if any. */
  email: string | null;
  /** When it was linked. */
  createdAt: Timestamp;
  /** The last successful sign-in with this provider (login history), or null. */
  lastUsedAt: Timestamp | null;
}

/** `GET /api/connected-accounts`. */
export interface ConnectedAccountList {
  /** Oldest first. */
  accounts: ConnectedAccount[];
  /** The user's ways to sign in besides these accounts; when empty, the only account cannot be unlinked. */
  otherSignInMethods: OtherSignInMethod[];
}

/** `DELETE /api/connected-accounts/:id`: unlinked; no session ends. */
export interface ConnectedAccountUnlinked {
  unlinked: true;
}

/** `POST /api/connected-accounts/link`: which provider, and the page to come back to (allowlisted; default: the first allowed origin). */
export const LinkAccountBody = z
  .object({
    provider: z.string().min(1).max(40),
    returnTo: z.string().max(2000).optional(),
  })
  .strict();

/** Where to send the browser: the provider's sign-in page, for a link attempt of ten minutes at most. */
export interface LinkAccountStarted {
  url: string;
}

/** `POST /api/connected-accounts/link/complete`: the code from `#acct_link=…`. */
export const CompleteLinkBody = z
  .object({ code: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'invalid_code') })
  .strict();

export { LINK_FRAGMENT } from './constants.js';

export const ConnectedAccountErrors = {
  not_found: CommonErrors.not_found,
  last_sign_in_method: PasskeyErrors.last_sign_in_method,
  unknown_provider: { status: 400, message: 'This sign-in provider is not offered here.' },
  already_linked: {
    status: 409,
    message: 'This provider account is already linked to another account. Sign in with it to use that account.',
  },
  link_failed: { status: 400, message: 'Linking did not complete. Try again.' },
  link_expired: { status: 400, message: 'This link request expired or was already used. Try again.' },
  reauthentication_required: PasskeyErrors.reauthentication_required,
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface ConnectedAccountRoutes {
  'GET /api/connected-accounts': Route<never, ConnectedAccountList>;
  'DELETE /api/connected-accounts/:id': Route<never, ConnectedAccountUnlinked>;
  'POST /api/connected-accounts/link': Route<z.input<typeof LinkAccountBody>, LinkAccountStarted>;
  'POST /api/connected-accounts/link/complete': Route<z.input<typeof CompleteLinkBody>, { account: ConnectedAccount }>;
}
