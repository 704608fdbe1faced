/**
 * A small HTTP client for server tests that behaves like a browser page on an allowed origin:
 * JSON bodies, an `Origin` header, and a cookie jar (so cookie-transport sessions work), plus the
 * raw `fetch` answer for assertions on status and headers.
 *
 * `call('DELETE /api/sessions/:id', { params: { id } })` is typed from the wire contract, as the
 * elements' `ApiClient.call()` is: the body it sends and the answer it reads are the route's. The
 * untyped `request`/`get`/`post`/`delete` stay for raw requests (bad bodies, headers, HTML pages).
 */
import type { BodyOf, PathOf, QueryOf, ResponseOf, RouteKey } from '../../contract/routes';
import { routeRequest, type PathParams } from '../../contract/wire';
import { PLAIN_SESSION_COOKIE, SESSION_COOKIE } from '../modules/sessions/session-transport';
import { randomToken } from '../security/tokens';

export const TEST_ORIGIN = 'http://localhost:5173';

// The untyped methods' answers: a test reads whatever it asserts on. `call()` is the typed way.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;

export interface JsonAnswer<T = Untyped> {
  status: number;
  headers: Headers;
  body: T;
}

/** What the server answers on a failure (contract/wire.ts). */
export interface ErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** A typed call's answer: `body` as the route answers it on success, `error` on a failure. */
export interface RouteAnswer<K extends RouteKey> extends JsonAnswer<ResponseOf<K>> {
  error: ErrorBody | undefined;
}

/** A typed call's input: the route's path parameters, JSON body and query. */
export interface RouteInput<K extends RouteKey> {
  params?: PathParams<PathOf<K>>;
  body?: BodyOf<K>;
  query?: QueryOf<K>;
}

export class TestClient {
  private readonly cookies = new Map<string, string>();
  /** A bearer token to send instead of cookies. */
  bearer: string | undefined;
  /**
   * This "browser"'s key, as the elements keep one in localStorage: sent with the requests that
   * mail a link, and with the exchange of the code that link hands over (sessions/browser-binding.ts).
   */
  readonly browserKey = randomToken();

  constructor(
    readonly baseUrl: string,
    readonly defaults: { origin?: string | undefined; userAgent?: string; headers?: Record<string, string> } = {},
  ) {}

  async request<T = Untyped>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonAnswer<T>> {
    const res = await fetch(this.baseUrl + path, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.defaults.origin === undefined ? {} : { Origin: this.defaults.origin }),
        'User-Agent':
          this.defaults.userAgent ??
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.cookies.size ? { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(this.bearer ? { Authorization: `Bearer ${this.bearer}` } : {}),
        ...this.defaults.headers,
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text (hosted pages answer HTML)
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = Untyped>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = Untyped>(path: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  delete<T = Untyped>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  /**
   * One route of the wire contract, as the elements call it: path parameters encoded, the query
   * without empty values, and a JSON body (`{}` when none is given) on every method but GET.
   */
  async call<K extends RouteKey>(
    route: K,
    input: RouteInput<K> = {},
    headers?: Record<string, string>,
  ): Promise<RouteAnswer<K>> {
    const { method, path } = routeRequest(
      route,
      input.params as Record<string, string> | undefined,
      input.query as Record<string, unknown> | undefined,
    );
    const answer = await this.request<ResponseOf<K>>(
      method,
      path,
      method === 'GET' ? undefined : (input.body ?? {}),
      headers,
    );
    const failure = answer.status >= 400 ? (answer.body as { error?: ErrorBody } | undefined)?.error : undefined;
    return { ...answer, error: failure };
  }

  /** Posts a hosted page's form (urlencoded, from the server's own origin, as the page would). */
  async postForm(
    path: string,
    fields: Record<string, string>,
  ): Promise<{ status: number; location: string | null; text: string }> {
    const res = await fetch(this.baseUrl + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(this.baseUrl).origin },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  }

  get sessionCookie(): string | undefined {
    return this.cookies.get(SESSION_COOKIE) ?? this.cookies.get(PLAIN_SESSION_COOKIE);
  }
}
