/**
 * Sessions: the current session, the list of a user's sessions, ending them.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { ErrorCatalogue, Timestamp } from './wire.js';

/** The current session. `token` only comes with the bearer transport, and only on sign-in, exchange and refresh. */
export interface Session {
  id: string;
  expiresAt: Timestamp;
  token?: string;
}

/** How a session was started (the sessions list's and the login history's `method`). */
export type AuthMethod = 'password' | 'magic_link' | 'passkey' | 'oauth';

/** One row of `GET /api/sessions`. */
export interface DeviceSession {
  id: string;
  current: boolean;
  deviceType: 'desktop' | 'mobile' | 'tablet' | null;
  deviceName: string | null;
  browser: string | null;
  os: string | null;
  ipAddress: string | null;
  city: string | null;
  country: string | null;
  method: AuthMethod | string | null;
  createdAt: Timestamp;
  lastActiveAt: Timestamp;
}

export const SessionErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type SessionRoutes = Record<never, never>;
