/**
 * The routes of an acct app for the tests that walk every route (CSRF, bad input, authorization),
 * read from Express's router stack (server/http/route-list.ts), so a route added later is covered.
 */
import { createApp } from '../app';
import { listRoutes, STATE_CHANGING_METHODS, type RouteInfo } from '../http/route-list';
import type { Services } from '../services';

export { listRoutes, routeKey, STATE_CHANGING_METHODS, type RouteInfo } from '../http/route-list';

/** The API routes (`/api/…`) of the app built from these services, exactly as the server runs it. */
export function listApiRoutes(services: Services): RouteInfo[] {
  return listRoutes(createApp(services)).filter((r) => r.path.startsWith('/api/'));
}

/** The routes outside `/api` that change state: the hosted pages' form posts. */
export function listHostedFormRoutes(services: Services): RouteInfo[] {
  return listRoutes(createApp(services)).filter(
    (r) => !r.path.startsWith('/api/') && STATE_CHANGING_METHODS.has(r.method),
  );
}

/** The path with each `:name` replaced by `params[name]` (URL-encoded), or by `fallback` when not given. */
export function fillPath(
  path: string,
  params: Record<string, string> = {},
  fallback?: (name: string) => string,
): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params[name] ?? fallback?.(name);
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}
