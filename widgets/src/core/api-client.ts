/**
 * A small typed client for the acct server's JSON API. Every request is JSON, carries the session
 * cookie (`credentials: 'include'`, since the server is usually on another origin) and can be
 * aborted. Failures come out as one `ApiError` whose `code` is the server's stable error code (or
 * `network_error` / `unexpected_response` for failures that never produced one), so the elements
 * translate errors by code.
 */

/** Sign-in methods a server can enable, in the server's default order. */
export const SIGN_IN_METHODS = ['passkey', 'magic-link', 'password'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** What `GET /api/config` answers (server/modules/client-config/client-config.routes.ts). */
export interface ClientConfig {
  productName: string;
  /** Enabled sign-in methods, in the order the form offers them. */
  methods: SignInMethod[];
  signUpEnabled: boolean;
  passwordMinLength: number;
}

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
  ) {
    super(message);
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
}

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

function errorFromAnswer(status: number, body: unknown): ApiError {
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string') {
    const fields = isObject(error.fields) ? (error.fields as Record<string, string>) : undefined;
    return new ApiError(error.code, status, typeof error.message === 'string' ? error.message : error.code, fields);
  }
  // No acct error body: something in between answered (a gateway, a proxy).
  return new ApiError(status >= 500 ? 'internal_error' : 'unexpected_response', status, `HTTP ${status}`);
}

export class ApiClient {
  /** @param baseUrl the server's base URL without a trailing slash, e.g. `https://auth.example.com`. */
  constructor(readonly baseUrl: string) {}

  async request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, { signal }: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    let payload: unknown;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        credentials: 'include',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
      payload = await readJson(response);
    } catch (err) {
      // An abort is the caller's own doing (a newer request replaced this one), not a failure to
      // show: pass it on unchanged so @lit/task and callers can tell the two apart.
      if (signal?.aborted) throw signal.reason ?? err;
      // fetch rejects with a bare TypeError for DNS, refused connections, TLS and CORS refusals alike.
      throw new ApiError('network_error', 0, 'The server could not be reached.');
    }
    if (!response.ok) throw errorFromAnswer(response.status, payload);
    if (payload === undefined) throw new ApiError('unexpected_response', response.status, 'The answer is not JSON.');
    return payload as T;
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, body, options);
  }

  /** The server's public settings. Unknown methods are dropped, so an older element keeps working with a newer server. */
  async getConfig(options?: RequestOptions): Promise<ClientConfig> {
    const body = await this.get<unknown>('/api/config', options);
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
    return {
      productName: body.productName,
      methods: body.methods.filter((m): m is SignInMethod => known.has(m)),
      signUpEnabled: body.signUpEnabled,
      passwordMinLength: body.passwordMinLength,
    };
  }
}
