/**
 * Passkeys: registering, signing in, naming and removing them.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { ErrorCatalogue } from './wire.js';

export const PasskeyErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type PasskeyRoutes = Record<never, never>;
