/**
 * A small typed client for the acct server's JSON API. Every request is JSON and can be aborted.
 * The session travels either as the server's cookie (`credentials: 'include'`, since the server is
 * usually on another origin) or, with the bearer transport, as `Authorization: Bearer` from the
 * session store's token. Every request says the page's language in `Accept-Language` (the
 * asking element's `lang`, else `<html lang>`, else the browser's), so that the mail a request
 * sends is in the language the user reads the page in. Failures come out as one `ApiError` whose
 * `code` is the server's stable error code (or `network_error` / `unexpected_response` for
 * failures that never produced one), so the elements translate errors by code. A sensitive
 * change refused for want of a recent proof (`reauthentication_required`) is not a failure yet:
 * the `reauthenticate` hook asks the user to prove it is them, and the request is retried once.
 */

import {
  SESSION_TRANSPORTS,
  SIGN_IN_METHODS,
  type SessionTransport,
  type SignInMethod,
} from '../../../contract/constants.js';
import type { BodyOf, PathOf, QueryOf, ResponseOf, RouteKey } from '../../../contract/routes.js';
import { routeRequest, type PathParams } from '../../../contract/wire.js';

export { SIGN_IN_METHODS, type SessionTransport, type SignInMethod };

/**
 * What `call(route, input)` needs for a route: its path parameters, its JSON body and its query,
 * each required only when the route has one (and the body only when it has a required field).
 */
export type CallInput<K extends RouteKey> = (keyof PathParams<PathOf<K>> extends never
  ? { params?: undefined }
  : { params: PathParams<PathOf<K>> }) &
  ([BodyOf<K>] extends [never]
    ? { body?: undefined }
    : Record<never, never> extends BodyOf<K>
      ? { body?: BodyOf<K> }
      : { body: BodyOf<K> }) &
  ([QueryOf<K>] extends [never] ? { query?: undefined } : { query?: QueryOf<K> });

export type { ClientConfig } from '../../../contract/client-config.js';
import type { ClientConfig } from '../../../contract/client-config.js';

/** A failed request: the server's `{error:{code,message,fields?}}`, or a failure on the way. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** Stable snake_case code, e.g. `not_found`, `network_error`. */
    readonly code: string,
    /** HTTP status, or 0 when no answer arrived. */
    readonly status: number,
    message: string,
    /** Per-field problems for a 400 `invalid_request`. */
    readonly fields?: Record<string, string>,
    /** Seconds to wait before trying again (a 429's `Retry-After`). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Lets the request outlive the page (`fetch`'s `keepalive`): for a last save as the user leaves. */
  keepalive?: boolean;
  /** The asking element's language (its `lang`), for `Accept-Language`; empty: the page's. */
  lang?: string;
  /** Without the session (no cookie, no token): for public answers any page may read, such as `/api/config`. */
  anonymous?: boolean;
  /** False: a 403 `reauthentication_required` is thrown as it is, without asking the user to prove it is them (a retry's). */
  reauthenticate?: boolean;
}

export interface ApiClientOptions {
  /** The bearer token to send, read before every request; null sends the cookie instead. */
  token?: () => string | null;
  /** Told about every failure the server answered (not aborts, not network errors), e.g. to notice a revoked session. */
  onError?: (error: ApiError) => void;
  /**
   * Asked when the server answers 403 `reauthentication_required` (docs/security.md F3): resolves
   * true once the user proved it is them again (the session store's re-authentication dialog), and
   * the request is then sent once more; false leaves the original refusal to the caller.
   */
  reauthenticate?: (lang: string | undefined) => Promise<boolean>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as JSON, or undefined when it is empty or not JSON (a proxy's HTML error page…). */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The language for `Accept-Language`: `lang`, else `<html lang>`, else the browser's. Only a
 * well-formed BCP 47 tag is sent: any other text in a header could make fetch throw, and a value
 * outside the CORS-safelisted characters would cost a preflight.
 */
export function requestLanguage(lang?: string): string | undefined {
  const wellFormed = (tag: string | undefined) =>
    tag && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag.trim()) ? tag.trim() : undefined;
  return wellFormed(lang) ?? wellFormed(document.documentElement.lang) ?? wellFormed(navigator.language);
}

/** `Retry-After` in seconds: either a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : undefined;
}

function errorFromAnswer(response: Response, body: unknown): ApiError {
  const status = response.status;
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string') {
    const fields = isObject(error.fields) ? (error.fields as Record<string, string>) : undefined;
    const message = typeof error.message === 'string' ? error.message : error.code;
    return new ApiError(error.code, status, message, fields, retryAfterSeconds(response.headers.get('Retry-After')));
  }
  // No acct error body: something in between answered (a gateway, a proxy).
  return new ApiError(status >= 500 ? 'internal_error' : 'unexpected_response', status, `HTTP ${status}`);
}

export class ApiClient {
  /** @param baseUrl the server's base URL without a trailing slash, e.g. `https://auth.example.com`. */
  constructor(
    readonly baseUrl: string,
    private readonly options: ApiClientOptions = {},
  ) {}

  /** The untyped request under `call()`: only for an address outside the contract (an older server's, a test's). */
  async request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const { signal, keepalive, lang, anonymous = false } = options;
    const headers: Record<string, string> = { Accept: 'application/json' };
    const language = requestLanguage(lang);
    if (language) headers['Accept-Language'] = language;
    // Every state-changing request carries a JSON body, even an empty `{}`: the server's CSRF
    // defence accepts only JSON there (a form post cannot send application/json cross-origin
    // without a preflight that the CORS allowlist refuses).
    const json = method === 'GET' ? undefined : JSON.stringify(body ?? {});
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    const token = anonymous ? null : (this.options.token?.() ?? null);
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    let payload: unknown;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        // With a bearer token the cookie has no business travelling; without one the session is
        // the cookie. An anonymous request sends neither: the server answers it to any origin.
        credentials: token || anonymous ? 'omit' : 'include',
        ...(json === undefined ? {} : { body: json }),
        ...(signal ? { signal } : {}),
        ...(keepalive ? { keepalive } : {}),
      });
      payload = await readJson(response);
    } catch (err) {
      // An abort is the caller's own doing (a newer request replaced this one), not a failure to
      // show: pass it on unchanged so @lit/task and callers can tell the two apart.
      if (signal?.aborted) throw signal.reason ?? err;
      // fetch rejects with a bare TypeError for DNS, refused connections, TLS and CORS refusals alike.
      throw new ApiError('network_error', 0, 'The server could not be reached.');
    }
    if (!response.ok) {
      const error = errorFromAnswer(response, payload);
      this.options.onError?.(error);
      if (
        error.code === 'reauthentication_required' &&
        options.reauthenticate !== false &&
        this.options.reauthenticate
      ) {
        // The user proves it in place, and the change they asked for goes through after all: once.
        if (await this.options.reauthenticate(lang))
          return this.request<T>(method, path, body, { ...options, reauthenticate: false });
      }
      throw error;
    }
    if (payload === undefined) throw new ApiError('unexpected_response', response.status, 'The answer is not JSON.');
    return payload as T;
  }

  /**
   * One route of the wire contract, typed from contract/routes.ts: `call('DELETE /api/sessions/:id',
   * { params: { id } })`. Path parameters are encoded, so an id from markup or the server can only
   * ever name a missing resource, never another route; a query drops empty values.
   */
  call<K extends RouteKey>(
    route: K,
    ...[input, options]: Record<never, never> extends CallInput<K>
      ? [input?: CallInput<K>, options?: RequestOptions]
      : [input: CallInput<K>, options?: RequestOptions]
  ): Promise<ResponseOf<K>> {
    const { method, path } = routeRequest(
      route,
      input?.params as Record<string, string> | undefined,
      input?.query as Record<string, unknown> | undefined,
    );
    return this.request<ResponseOf<K>>(method as Method, path, input?.body, options);
  }

  /**
   * A file the server streams (a data export's archive) at `path` (with its query) on this server,
   * fetched with the session — the bearer token or the cookie, as `request` sends them — so that
   * it downloads on every session transport, cross-site too. The answer is read whole, as a Blob.
   */
  async download(path: string, { signal }: Pick<RequestOptions, 'signal'> = {}): Promise<Blob> {
    // A path, not an address: the token goes to this server only.
    if (!path.startsWith('/api/')) throw new ApiError('unexpected_response', 0, 'Not an API path of this server.');
    const token = this.options.token?.() ?? null;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
        credentials: token ? 'omit' : 'include',
        ...(signal ? { signal } : {}),
      });
      if (response.ok) return await response.blob();
    } catch (err) {
      if (signal?.aborted) throw signal.reason ?? err;
      throw new ApiError('network_error', 0, 'The server could not be reached.');
    }
    const error = errorFromAnswer(response, await readJson(response).catch(() => undefined));
    this.options.onError?.(error);
    throw error;
  }

  /**
   * The server's public settings, asked for without credentials: any origin may read them, so a
   * page that is not allowed still learns so (`originAllowed`). Unknown methods are dropped, so an
   * older element keeps working with a newer server.
   */
  async getConfig(options?: RequestOptions): Promise<ClientConfig> {
    // Read as unknown and checked field by field: this answer may come from an older server.
    const body = await this.request<unknown>('GET', '/api/config', undefined, { ...options, anonymous: true });
    if (
      !isObject(body) ||
      typeof body.productName !== 'string' ||
      !Array.isArray(body.methods) ||
      typeof body.signUpEnabled !== 'boolean' ||
      typeof body.passwordMinLength !== 'number'
    ) {
      throw new ApiError('unexpected_response', 200, 'The server configuration has an unexpected shape.');
    }
    const known = new Set<unknown>(SIGN_IN_METHODS);
    const providers = (Array.isArray(body.providers) ? body.providers : [])
      .filter(
        (p): p is { id: string; name: string } => isObject(p) && typeof p.id === 'string' && typeof p.name === 'string',
      )
      .map(({ id, name }) => ({ id, name }));
    const transports: readonly unknown[] = SESSION_TRANSPORTS;
    return {
      productName: body.productName,
      methods: body.methods.filter((m): m is SignInMethod => known.has(m)),
      signUpEnabled: body.signUpEnabled,
      passwordMinLength: body.passwordMinLength,
      // A server older than these two fields had cookies only and always verified addresses.
      sessionTransport: transports.includes(body.sessionTransport)
        ? (body.sessionTransport as SessionTransport)
        : 'cookie',
      requireEmailVerification:
        typeof body.requireEmailVerification === 'boolean' ? body.requireEmailVerification : true,
      // A server older than these answered only allowed origins: an answer means allowed.
      originAllowed: body.originAllowed !== false,
      development: body.development === true,
      // Only when some are offered: a server older than OAuth sign-in (issue 10) sends none.
      ...(providers.length ? { providers } : {}),
      // A server older than account deletion (issue 11) sends none.
      ...(typeof body.deletionGraceDays === 'number' ? { deletionGraceDays: body.deletionGraceDays } : {}),
    };
  }
}
