/**
 * How the API's shapes are written down, once, for both sides (docs/architecture.md, "The wire
 * contract"). The server's routes are checked against these types at compile time and the
 * elements' `ApiClient.call()` is typed from them, so a shape cannot drift between the two.
 *
 * Rules of the wire:
 * - Bodies are JSON. **Dates cross the wire as ISO 8601 strings** (`Timestamp`), in UTC, as
 *   `Date.prototype.toISOString()` writes them; the server converts with `iso()` and the elements
 *   parse with `new Date(...)` where they need a date.
 * - A failure is `{ "error": { "code", "message", "fields"? } }` with a stable snake_case `code`
 *   from a catalogue (errors.ts), which the elements translate.
 *
 * This folder imports nothing from the server or the DOM (its own tsconfig checks that), and the
 * elements import its types only (`import type`), so none of it — zod included — reaches the
 * browser bundle except the few constants in constants.ts.
 */

/** An instant as an ISO 8601 string in UTC, e.g. `2026-12-03T15:31:48.000Z`. */
export type Timestamp = string;

/** `date` as it crosses the wire. */
export function iso(date: Date): Timestamp;
export function iso(date: Date | null): Timestamp | null;
export function iso(date: Date | null): Timestamp | null {
  return date ? date.toISOString() : null;
}

/**
 * One route of the API: what its JSON body, its query string and its answer look like. `never`
 * means the route takes no body (GET) or no query.
 */
export interface Route<Body = never, Response = unknown, Query = never> {
  body: Body;
  response: Response;
  query: Query;
}

/** An error code's HTTP status and default (English) message. */
export interface ErrorEntry {
  status: number;
  message: string;
}
export type ErrorCatalogue = Record<string, ErrorEntry>;

/**
 * The method and address of a call to `route` (`'DELETE /api/sessions/:id'`): path parameters
 * encoded, so an id from markup or from the server can only ever name a missing resource, never
 * another route; a query without its empty values. Shared by the elements' `ApiClient.call()` and
 * the tests' `TestClient.call()`, so both reach a route the same way.
 */
export function routeRequest(
  route: string,
  params: Record<string, string> = {},
  query: Record<string, unknown> = {},
): { method: string; path: string } {
  const space = route.indexOf(' ');
  let path = route
    .slice(space + 1)
    .replace(/:(\w+)/g, (_: string, name: string) => encodeURIComponent(params[name] ?? ''));
  const values = Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== '');
  // Encoded by hand: URLSearchParams is a DOM and Node global, and this folder assumes neither.
  const encoded = values.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  if (encoded.length) path += `?${encoded.join('&')}`;
  return { method: route.slice(0, space), path };
}

/** The path parameters of a route key, e.g. `{ id: string }` for `DELETE /api/sessions/:id`. */
export type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;
