/**
 * Sessions: the current session, the list of a user's sessions, ending them.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { ErrorCatalogue } from './wire.js';

export const SessionErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type SessionRoutes = Record<never, never>;
