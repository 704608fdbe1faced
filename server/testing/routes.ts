/**
 * The routes an acct app answers, read from Express's router stack instead of listed by hand, so
 * the tests that walk every route (CSRF, bad input, authorization) also cover a route added
 * later. It understands what the app uses — string paths, `:name` parameters and routers mounted
 * at a string path — and throws on anything else (a RegExp path, a wildcard), so a construct it
 * cannot read fails the tests loudly instead of silently hiding a route.
 */
import type { Express } from 'express';
import { createApp } from '../app';
import type { Services } from '../services';

/** One method on one path, e.g. `{ method: 'DELETE', path: '/api/sessions/:id' }`. */
export interface RouteInfo {
  method: string;
  path: string;
}

/** Methods that change state: CSRF defences must hold for them (docs/security.md E1). */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What router@2 keeps on each layer (not part of Express's public types). */
interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
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
          for (const m of methods) out.push({ method: m, path: joinPaths(prefix, path) });
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

/** `POST /api/auth/sign-up`: a route as one string, for tables keyed by route. */
export const routeKey = (r: RouteInfo) => `${r.method} ${r.path}`;

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
