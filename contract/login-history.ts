/**
 * The user's login history.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { AuthMethod } from './sessions.js';
import type { ErrorCatalogue, Timestamp } from './wire.js';

export type LoginEventType = 'login_success' | 'login_failed' | 'logout' | 'password_reset' | 'password_changed';

/** One row of `GET /api/login-history`. */
export interface LoginEvent {
  id: string;
  eventType: LoginEventType | string;
  method: AuthMethod | string | null;
  success: boolean;
  failureReason: string | null;
  ipAddress: string | null;
  device: { type: string | null; name: string | null; browser: string | null; os: string | null } | null;
  location: { city: string | null; country: string | null } | null;
  createdAt: Timestamp;
}

/** One page of the login history; `nextCursor` is null on the last page. */
export interface LoginHistoryPage {
  events: LoginEvent[];
  nextCursor: string | null;
}

export const LoginHistoryErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type LoginHistoryRoutes = Record<never, never>;
