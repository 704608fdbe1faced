/**
 * The recent-proof rule (docs/security.md F3): a sensitive change — how an account signs in
 * (passkeys, provider accounts), its address, API tokens, its deletion — needs the session's last
 * proof of identity to be at most ten minutes old: its sign-in, or a re-authentication
 * (`POST /api/auth/reauthenticate`, server/modules/reauthentication), so that a stolen or
 * forgotten session cannot make such changes on its own, and its user need not sign out to.
 */
import { RecentProofErrors } from '../../../contract/errors';
import { ApiError } from '../../http/errors';
import type { ActiveSession } from './sessions.queries';

/** Sensitive changes need a proof at most this old. */
export const RECENT_SIGN_IN_SECONDS = 600;

/** When the session's last proof stops counting as recent. */
export function recentUntil(session: Pick<ActiveSession, 'provenAt'>): Date {
  return new Date(session.provenAt.getTime() + RECENT_SIGN_IN_SECONDS * 1000);
}

/** Throws 403 `reauthentication_required` when the session's last proof is older than that. */
export function requireRecentSignIn(session: Pick<ActiveSession, 'provenAt'>): void {
  if (Date.now() > recentUntil(session).getTime()) {
    throw ApiError.of(RecentProofErrors, 'reauthentication_required');
  }
}
