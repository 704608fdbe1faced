/**
 * The signed-in user's own account: profile, name.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { ErrorCatalogue } from './wire.js';

/** The signed-in user, as every auth answer and `GET /api/me` return it. */
export interface User {
  id: string;
  email: string;
  emailVerified: boolean;
  displayName: string | null;
  avatarUrl: string | null;
  role: 'user' | 'admin';
}

export const UserErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type UserRoutes = Record<never, never>;
