/**
 * A small HTTP client for server tests that behaves like a browser page on an allowed origin:
 * JSON bodies, an `Origin` header, and a cookie jar (so cookie-transport sessions work), plus the
 * raw `fetch` answer for assertions on status and headers.
 */
import { randomToken } from '../security/tokens';

export const TEST_ORIGIN = 'http://localhost:5173';

export interface JsonAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
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

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer<T>> {
    const res = await fetch(this.baseUrl + path, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.defaults.origin === undefined ? {} : { Origin: this.defaults.origin }),
        'User-Agent': this.defaults.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
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

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  /** Posts a hosted page's form (urlencoded, from the server's own origin, as the page would). */
  async postForm(path: string, fields: Record<string, string>): Promise<{ status: number; location: string | null; text: string }> {
    const res = await fetch(this.baseUrl + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(this.baseUrl).origin },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  }

  get sessionCookie(): string | undefined {
    return this.cookies.get('acct_session');
  }
}
