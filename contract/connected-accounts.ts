/**
 * Connected accounts: the sign-in providers (Google, GitHub, an OpenID Connect issuer…) a user
 * has linked, listed and unlinked by that user. Linking itself is the OAuth flow's (oauth.ts).
 *
 * Unlinking never removes the last way to sign in. So that the element can say *why* a row
 * cannot be unlinked rather than just disable its button, the list carries the user's other ways
 * to sign in (`otherSignInMethods`); the server decides again, inside the unlinking transaction.
 */
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
  /** The provider's id as configured (`google`, `github`, an OIDC provider's id…); the element shows its brand name. */
  provider: string;
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

export const ConnectedAccountErrors = {
  not_found: CommonErrors.not_found,
  last_sign_in_method: PasskeyErrors.last_sign_in_method,
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface ConnectedAccountRoutes {
  'GET /api/connected-accounts': Route<never, ConnectedAccountList>;
  'DELETE /api/connected-accounts/:id': Route<never, ConnectedAccountUnlinked>;
}
