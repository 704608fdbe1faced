/**
 * Signing up and in: passwords, magic links, email verification, the hand-over exchange.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { ErrorCatalogue } from './wire.js';

export const AuthErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type AuthRoutes = Record<never, never>;
