/**
 * The details of the events elements fire, and their entries in the DOM's event map so that
 * `element.addEventListener('acct-error', e => e.detail.code)` is typed for TypeScript users.
 * Every acct event bubbles and is composed (it crosses shadow roots), and fires on user action only.
 */
import { ApiError } from './api-client.js';
import type { Passkey, User } from './api-types.js';
import { errorMessage, type Translation } from './i18n/index.js';

/** `acct-error`: something the user asked for failed. */
export interface AcctErrorDetail {
  /** Stable code: the server's (`invalid_credentials`…) or the client's (`network_error`). */
  code: string;
  /** HTTP status, or 0 when no answer arrived. */
  status: number;
  /** The localised message the element shows. */
  message: string;
}

/** `acct-signed-in`: the user signed in. Cancelable: `preventDefault()` keeps `<acct-login>` from following its `redirect`. */
export interface AcctSignedInDetail {
  user: User;
  /** How: `password`, `passkey` or `magic_link` (the server's names, as in the sessions list). */
  method: string;
}

/** `acct-signed-up`: an account was created. */
export interface AcctSignedUpDetail {
  /** The new user when signed in at once; null when the address must be confirmed first. */
  user: User | null;
  verificationRequired: boolean;
}

/** `acct-signed-out`: the user signed out on this page. */
export interface AcctSignedOutDetail {
  /** Who was signed in. */
  user: User | null;
}

/** `acct-session-revoked`: the user signed out another of their devices, or all of them. */
export interface AcctSessionRevokedDetail {
  /** The sessions ended: one id, or every other session's id when "Sign out all other devices" was used. */
  sessionIds: string[];
}

/** `acct-passkey-added`: the user registered a passkey. */
export interface AcctPasskeyAddedDetail {
  /** The new passkey, as `<acct-passkeys>` lists it. */
  passkey: Passkey;
}

/** `acct-passkey-removed`: the user removed one of their passkeys. */
export interface AcctPasskeyRemovedDetail {
  passkey: Passkey;
  /** How many other sessions that had signed in with it were ended. */
  sessionsEnded: number;
}

/** The `acct-error` detail for a failure, with the message in the element's language. */
export function errorDetail(t: Translation, error: unknown): AcctErrorDetail {
  return {
    code: error instanceof ApiError ? error.code : 'unknown',
    status: error instanceof ApiError ? error.status : 0,
    message: errorMessage(t, error),
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'acct-error': CustomEvent<AcctErrorDetail>;
    'acct-signed-in': CustomEvent<AcctSignedInDetail>;
    'acct-signed-up': CustomEvent<AcctSignedUpDetail>;
    'acct-signed-out': CustomEvent<AcctSignedOutDetail>;
    'acct-session-revoked': CustomEvent<AcctSessionRevokedDetail>;
    'acct-passkey-added': CustomEvent<AcctPasskeyAddedDetail>;
    'acct-passkey-removed': CustomEvent<AcctPasskeyRemovedDetail>;
    'acct-sign-in-requested': CustomEvent<Record<string, never>>;
  }
}
