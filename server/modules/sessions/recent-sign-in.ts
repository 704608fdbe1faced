/**
 * The recent-sign-in rule (docs/security.md F3): changing how an account signs in — adding or
 * removing a passkey, linking a provider account — needs a sign-in at most ten minutes old, so
 * that a stolen or forgotten session cannot add a way in of its own.
 */
import { PasskeyErrors } from '../../../contract/passkeys';
import { ApiError } from '../../http/errors';
import type { ActiveSession } from './sessions.queries';

/** Sensitive changes need a sign-in at most this old. */
export const RECENT_SIGN_IN_SECONDS = 600;

/** Throws 403 `reauthentication_required` when the session's sign-in is older than that. */
export function requireRecentSignIn(session: Pick<ActiveSession, 'createdAt'>): void {
  if (Date.now() - session.createdAt.getTime() > RECENT_SIGN_IN_SECONDS * 1000) {
    throw ApiError.of(PasskeyErrors, 'reauthentication_required');
  }
}
