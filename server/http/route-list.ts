/**
 * The routes an app answers, read from Express's router stack instead of listed by hand — for the
 * API description (modules/openapi), which therefore cannot miss a route, and for the tests that
 * walk every route (CSRF, bad input, authorization). It understands what the app uses — string
 * paths, `:name` parameters and routers mounted at a string path — and throws on anything else (a
 * RegExp path, a wildcard), so a construct it cannot read fails loudly instead of hiding a route.
 * Each route also carries the zod schemas its handlers validate with (validate.ts tags them).
 */
import type { Express } from 'express';
import { requestSchemasOf, type RequestSchemas } from './validate';

/** One method on one path, e.g. `{ method: 'DELETE', path: '/api/sessions/:id' }`. */
export interface RouteInfo {
  method: string;
  path: string;
  /** The zod schemas its handlers parse the request with (validate.ts's withBody / withQuery). */
  schemas?: RequestSchemas;
}

/** Methods that change state: CSRF defences must hold for them (docs/security.md E1). */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What router@2 keeps on each layer (not part of Express's public types). */
interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean>; stack?: { method?: string; handle: unknown }[] };
  handle?: { stack?: LayerLike[] };
}

/** The request schemas of the handlers a route runs for `method` (lower-case, as router@2 keeps it). */
function schemasOf(route: NonNullable<LayerLike['route']>, method: string): RequestSchemas | undefined {
  const found: RequestSchemas = {};
  for (const layer of route.stack ?? []) {
    if (layer.method && layer.method !== method) continue;
    Object.assign(found, requestSchemasOf(layer.handle));
  }
  return found.body || found.query ? found : undefined;
}

const EVERY_METHOD = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function joinPaths(prefix: string, path: string): string {
  const joined = `${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

/** A layer's path as a list of plain string paths (Express accepts an array of them too). */
function stringPaths(path: unknown, where: string): string[] {
  const paths = Array.isArray(path) ? path.flat(Infinity) : [path];
  for (const p of paths) {
    if (typeof p !== 'string' || /[*{}()]/.test(p)) {
      throw new Error(`cannot enumerate the route at ${where}: path ${String(p)} is not a plain string path`);
    }
  }
  return paths as string[];
}

function walk(stack: readonly LayerLike[], prefix: string, out: RouteInfo[]): void {
  for (const layer of stack) {
    if (layer.route) {
      for (const path of stringPaths(layer.route.path, prefix)) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (!on) continue;
          const methods = method === '_all' ? EVERY_METHOD : [method.toUpperCase()];
          const schemas = schemasOf(layer.route, method);
          for (const m of methods)
            out.push({ method: m, path: joinPaths(prefix, path), ...(schemas ? { schemas } : {}) });
        }
      }
    } else if (layer.handle?.stack) {
      for (const mount of stringPaths(layer.rawPath, prefix)) walk(layer.handle.stack, joinPaths(prefix, mount), out);
    }
  }
}

/** Every route of an app, in registration order, without duplicates; HEAD (implied by GET) is left out. */
export function listRoutes(app: Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  walk((app.router as unknown as { stack: LayerLike[] }).stack, '/', out);
  const seen = new Set<string>();
  return out.filter((r) => r.method !== 'HEAD' && !seen.has(routeKey(r)) && seen.add(routeKey(r)));
}

/** `POST /api/auth/sign-up`: a route as one string, for tables keyed by route. */
export const routeKey = (r: RouteInfo) => `${r.method} ${r.path}`;
