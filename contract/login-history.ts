/**
 * The user's login history (server/modules/login-history/).
 */
import { z } from 'zod';
import type { AuthMethod, DeviceType } from './sessions.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/** `GET /api/login-history?limit=&cursor=`: a page size, and where the previous page ended. */
export const LoginHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export type LoginEventType =
  | 'login_success'
  | 'login_failed'
  /** A first factor was right; the second is asked for (its `method` is the first factor's). */
  | 'second_factor_required'
  | 'logout'
  | 'password_reset'
  | 'password_changed'
  | 'email_changed'
  | 'email_change_undone'
  | 'reauthenticated'
  | 'reauthentication_failed';

/** One row of `GET /api/login-history`. */
export interface LoginEvent {
  id: string;
  eventType: LoginEventType;
  method: AuthMethod | null;
  success: boolean;
  failureReason: string | null;
  ipAddress: string | null;
  device: { type: DeviceType | null; name: string | null; browser: string | null; os: string | null } | null;
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
export interface LoginHistoryRoutes {
  'GET /api/login-history': Route<never, LoginHistoryPage, { cursor?: string; limit?: number }>;
}
