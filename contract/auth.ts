/**
 * Signing up and in: passwords, magic links, email verification, the hand-over exchange.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { AuthMethod, Session } from './sessions.js';
import type { User } from './users.js';
import type { ErrorCatalogue } from './wire.js';

/** `POST /api/auth/sign-in`, `/sign-up` (without verification) and `/api/session/exchange`. */
export interface SignedIn {
  user: User;
  session: Session;
  /** Only on the exchange: how the emailed flow signed the user in. */
  method?: AuthMethod | string;
}

/** `POST /api/auth/magic-link`: the same answer for any address, so it says nothing about accounts. */
export interface MagicLinkSent {
  status: 'link_sent';
  /** What to poll at `GET /api/auth/magic-link/:linkId/status`. */
  linkId: string;
  /** How long the link works; polling past that is pointless. */
  expiresInSeconds: number;
}

/** `GET /api/auth/magic-link/:linkId/status`: only whether the link was used, and nothing about who. */
export type MagicLinkStatus = 'pending' | 'used';

export const AuthErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type AuthRoutes = Record<never, never>;
