/**
 * The administrators' API: paths, steps, checklist items, templates, the funnel.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { ErrorCatalogue } from './wire.js';

export const AdminErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type AdminRoutes = Record<never, never>;
