/**
 * The session store's public types (session-store.ts): its status, why it changed, why it is
 * signed out, where the page came back from, and what it needs from the element that starts it.
 */
import type { ApiError } from './api-client.js';
import type { User } from '../../../contract/users.js';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out' | 'error';

/**
 * What made the store change; elements that only care about some causes can tell them apart.
 * `revoked` and `expired`: the session ended without this page ending it (see `SignedOutReason`).
 */
export type ChangeCause =
  'load' | 'sign-in' | 'sign-up' | 'exchange' | 'sign-out' | 'refresh' | 'remote' | 'revoked' | 'expired';

/**
 * Why the page is signed out when the user did not sign out here: `revoked` — the session was
 * ended elsewhere (signed out from another device, a password changed there); `expired` — it ran
 * out, or the page was away too long to tell which.
 */
export type SignedOutReason = 'revoked' | 'expired';

export type StoreListener = (cause: ChangeCause) => void;

/** The emailed link the page was opened from, after the store tried to exchange its code. */
export interface ReturnedFrom {
  /** `email_verification`, `password_reset` or `magic_link`. */
  flow: string;
  /** How the exchange signed the user in; null when it failed. */
  method: string | null;
  /** Why the exchange failed (e.g. `invalid_code`); null when it worked. */
  error: ApiError | null;
}

export interface SignUpResult {
  /** The new user when the account is usable at once; null when its address must be confirmed first. */
  user: User | null;
  verificationRequired: boolean;
}

/** The element that started the store: its language and colour scheme are the hand-over prompt's. */
export interface Presenter {
  readonly lang: string;
  readonly theme: string;
}
