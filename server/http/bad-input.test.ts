/**
 * docs/security.md I4 on each database: every API route — read from the app's router, so a new route
 * is fed the same — gets malformed JSON, JSON that is not an object, wrong types in every field,
 * bodies over 100 kB, nesting deeper than 32 levels, unicode tricks (RTL override, zero-width
 * joiners, NUL bytes, lone surrogates, overlong strings, odd email addresses), unknown fields,
 * unknown and repeated query parameters, odd headers and invalid path parameters, signed in as a
 * fresh account.
 * Every answer must be below 500; every error a JSON `{ error: { code, message } }` with a
 * snake_case code and no stack trace; and where the input is plainly wrong, a 4xx (400
 * `invalid_json`, 400 `invalid_request` naming the field, 400 `too_deeply_nested`, 413
 * `payload_too_large`, 404 `not_found`). The last test asserts 0 answers of 500 over the whole run.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../start';
import { MAX_JSON_DEPTH } from './json-limits';
import { avatarBodyLimit } from '../modules/avatars/avatars.service';
import { signedUpClient } from '../testing/accounts';
import { describeOnEachDatabase } from '../testing/databases';
import { drainMailQueue } from '../testing/mail';
import { type JsonAnswer, type TestClient } from '../testing/http-client';
import { fillPath, listApiRoutes, routeKey, STATE_CHANGING_METHODS, type RouteInfo } from '../testing/routes';
import { startTestServer } from '../testing/test-server';
import {
  assertErrorAnswer,
  headersFor,
  SITE_SECRET,
  TRICKY_STRINGS,
  UNLIMITED_RATE_LIMITS,
  WRONG_TYPES,
} from '../testing/hostile-input';
import { sampleBodies } from '../testing/sample-bodies';

/**
 * The 404 code of a route naming nothing, where it is not `not_found`: the site's backend, which
 * holds the site secret, is told which part is missing (no provider, or no account there).
 */
const NOTHING_THERE: Record<string, string> = {
  'POST /api/server/users/:userId/provider-tokens/:provider': 'provider_not_configured',
};

type FieldPath = string[];

/** The paths of a sample's fields: every top-level key, and every string nested below one. */
function fieldPaths(body: Record<string, unknown>): FieldPath[] {
  const strings = (value: unknown, path: FieldPath): FieldPath[] => {
    if (typeof value === 'string') return [path];
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value).flatMap(([key, child]) => strings(child, [...path, key]));
    }
    return [];
  };
  return Object.entries(body).flatMap(([key, value]) => [[key], ...strings(value, [key]).filter((p) => p.length > 1)]);
}

/** A copy of `body` with the field at `path` set to `value`. */
function withField(body: Record<string, unknown>, path: FieldPath, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  return {
    ...body,
    [head]: rest.length ? withField((body[head] ?? {}) as Record<string, unknown>, rest, value) : value,
  };
}

/** Whether an error's `fields` names the field at `path` (or something inside it). */
const namesField = (fields: Record<string, string> | undefined, path: FieldPath) =>
  Object.keys(fields ?? {}).some((key) => key === path.join('.') || key.startsWith(`${path.join('.')}.`));

/** Query parameters each known GET route reads. */
const QUERY_PARAMS: Record<string, string[]> = {
  'GET /api/login-history': ['limit', 'cursor'],
};

/** Addresses that are odd, malicious or unicode. */
const TRICKY_EMAILS = [
  'ü@exämple.test',
  'user\u0000@example.test',
  'user@example.test\u0000',
  '\u202Euser@example.test',
  'us\u200Der@example.test',
  'user\uFF20example.test', // fullwidth @
  'user@example.test\r\nBcc: victim@example.test',
  `${'x'.repeat(300)}@example.test`,
  '"quoted name"@example.test',
  'user@[127.0.0.1]',
  ' user@example.test ',
  'a@b',
  '@',
];

/** Query strings with parameters no route expects, repeated ones and malformed encodings. */
const ODD_QUERIES = [
  '?debug=1',
  '?__proto__=1&constructor=prototype',
  '?a[b]=c&a[c]=d',
  '?limit=1&limit=2',
  '?%ZZ=%ZZ',
  `?${'q'.repeat(4000)}=1`,
  '?token=%00',
];

/** Values for a known query parameter. */
const ODD_QUERY_VALUES = [
  '',
  'abc',
  '-1',
  '0',
  '1e9',
  '1.5',
  'NaN',
  '%00',
  '%ZZ',
  'x'.repeat(5000),
  ...[
    '2020|------------------------------------',
    '2020-02-30T00:00:00.000000Z|00000000-0000-0000-0000-000000000000',
    '1 Jan 10000|00000000-0000-0000-0000-000000000000',
    '2020-01-01T00:00:00.000000Z|00000000-0000-0000-0000-00000000000g',
    '\u0000|\u0000',
  ].map((raw) => Buffer.from(raw).toString('base64url')), // crafted opaque cursors
];

/** Path parameters naming nothing that exists: 404 on a state-changing route, like someone else's object (docs/security.md F1). */
const MISSING_PATH_PARAMS = ['not-a-uuid', randomUUID(), '00000000-0000-0000-0000-000000000000', "'%20or%201=1--"];
/** Path parameters that are not even well-formed (raw, as they go in the URL). */
const MALFORMED_PATH_PARAMS = ['%ZZ', '%00', '%E0%A4%A', 'x'.repeat(3000), '..%2F..%2Fhealthz'];

describeOnEachDatabase('bad input on every API route (I4)', (getDb) => {
  let server: RunningServer;
  let routes: RouteInfo[];
  let account: TestClient | undefined;
  const served: { total: number; serverErrors: string[] } = { total: 0, serverErrors: [] };

  before(async () => {
    server = await startTestServer(getDb(), {
      env: {
        ACCT_RATE_LIMITS: UNLIMITED_RATE_LIMITS,
        ACCT_SITE_SECRET: SITE_SECRET,
        ACCT_OAUTH_STORE_TOKENS: 'true',
      },
    });
    routes = listApiRoutes(server.services);
  });
  after(() => server.close());

  const bodyRoutes = () => routes.filter((r) => STATE_CHANGING_METHODS.has(r.method));
  const sampleOf = (route: RouteInfo) => sampleBodies()[routeKey(route)] ?? {};
  const fieldsOf = (route: RouteInfo) => fieldPaths(sampleOf(route));
  const describeField = (route: RouteInfo, path: FieldPath) => `${routeKey(route)} ${path.join('.')}`;
  const pathOf = (route: RouteInfo) => fillPath(route.path, {}, () => randomUUID());

  /**
   * A signed-in client. A state-changing request that succeeds may have changed the account
   * (signed it out, changed its password), so the next request gets a fresh one.
   */
  async function signedIn(): Promise<TestClient> {
    if (!account) {
      // The sign-ups above queue mail faster than the worker's batches of 10 send it, and
      // signedUpClient reads its verification mail after a single pass: send the backlog first.
      await drainMailQueue(server.services);
      const signedUp = await signedUpClient(server.services, server.url);
      account = signedUp.client;
      // An administrator (so the admin routes validate what they get rather than refuse it),
      // part-way through onboarding (so a step that does not exist is a plain 404).
      await server.db.knex('auth.users').where({ email: signedUp.email }).update({ app_role: 'admin' });
      await account.post('/api/onboarding/start', {});
    }
    return account;
  }

  /** Sends one request as the signed-in user and checks the answer's shape; `body` strings go as-is. */
  async function send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonAnswer> {
    const label = `${method} ${path.slice(0, 200)} ${typeof body === 'string' ? body.slice(0, 80) : JSON.stringify(body)?.slice(0, 80)}`;
    const res = await (await signedIn()).request(method, path, body, { ...headersFor(path), ...headers });
    served.total++;
    if (res.status >= 500) served.serverErrors.push(`${res.status} ${label}: ${JSON.stringify(res.body)}`);
    if (res.status < 300 && STATE_CHANGING_METHODS.has(method)) account = undefined;
    assert.ok(res.status < 500, `${label} → ${res.status} ${JSON.stringify(res.body)}`);
    if (res.status >= 400) assertErrorAnswer(res, label);
    return res;
  }

  /** Like `send`, and the input was plainly wrong: a 4xx, with `code` when given. */
  async function sendWrong(
    method: string,
    path: string,
    body: unknown,
    expected: { status?: number; code?: string } = {},
    headers?: Record<string, string>,
  ) {
    const res = await send(method, path, body, headers);
    const label = `${method} ${path} ${typeof body === 'string' ? body.slice(0, 80) : JSON.stringify(body)?.slice(0, 80)}`;
    assert.ok(res.status >= 400 && res.status < 500, `${label} → ${res.status}`);
    if (expected.status) assert.equal(res.status, expected.status, `${label}: ${JSON.stringify(res.body)}`);
    if (expected.code) assert.equal(res.body.error.code, expected.code, label);
    return res;
  }

  it('finds the API routes in the router', () => {
    const keys = routes.map(routeKey);
    assert.ok(routes.length >= 10, keys.join(', '));
    for (const fixture of [...Object.keys(sampleBodies()), ...Object.keys(QUERY_PARAMS)])
      assert.ok(keys.includes(fixture), `stale fixture: ${fixture}`);
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const malformed = [
      '{',
      '{"email": "a@b.c",',
      "{'email': 1}",
      '{"a":1}}',
      '{"a":tru}',
      'nul',
      '\u0000',
      '{"a":"\\x00"}',
      '{"a":"\\ud800',
      '\uFEFF{"a":',
      '{"__proto__":',
    ];
    for (const route of bodyRoutes()) {
      for (const body of malformed)
        await sendWrong(route.method, pathOf(route), body, { status: 400, code: 'invalid_json' });
    }
  });

  it('answers JSON that is not an object ([], null, "s", 1, true) with a 4xx', async () => {
    for (const route of bodyRoutes()) {
      for (const body of ['[]', '[{}]', 'null', '"s"', '1', 'true', '{}']) {
        if (body === '{}' && !fieldsOf(route).length) continue; // `{}` is the right body there
        await sendWrong(route.method, pathOf(route), body);
      }
    }
  });

  it('answers a wrong type in any field, nested ones included, with 400 invalid_request naming that field', async () => {
    for (const route of bodyRoutes()) {
      for (const field of fieldsOf(route)) {
        for (const value of WRONG_TYPES) {
          const res = await sendWrong(route.method, pathOf(route), withField(sampleOf(route), field, value), {
            status: 400,
            code: 'invalid_request',
          });
          assert.ok(
            namesField(res.body.error.fields, field),
            `${describeField(route, field)}=${JSON.stringify(value)}: ${JSON.stringify(res.body)}`,
          );
        }
      }
    }
  });

  it('answers an unknown field, prototype pollution included, with 400 invalid_request', async () => {
    // As JSON text: an object literal's `__proto__` would set a prototype, not send a key.
    const extras = [
      '"admin":true',
      '"__proto__":{"admin":true}',
      '"constructor":{"prototype":{"admin":true}}',
      '"user.role":"admin"',
    ];
    for (const route of bodyRoutes().filter((r) => r.method === 'POST')) {
      const sample = JSON.stringify(sampleOf(route));
      for (const extra of extras) {
        const body = sample === '{}' ? `{${extra}}` : `${sample.slice(0, -1)},${extra}}`;
        await sendWrong(route.method, pathOf(route), body, { status: 400, code: 'invalid_request' });
      }
    }
    assert.equal(({} as { admin?: unknown }).admin, undefined, 'Object.prototype was not polluted');
  });

  it('answers a body over 100 kB with 413 payload_too_large, whatever it holds', async () => {
    for (const route of bodyRoutes()) {
      const sample = sampleOf(route);
      // The avatar upload reads a picture of up to ACCT_AVATAR_MAX_BYTES, base64-encoded: its own, larger limit.
      const over =
        routeKey(route) === 'PUT /api/me/avatar'
          ? avatarBodyLimit(server.services.config.avatarMaxBytes) + 50_000
          : 150_000;
      for (const body of [
        JSON.stringify({ ...sample, padding: 'x'.repeat(over) }),
        `{"a":"${'x'.repeat(over)}`,
        `[${'1,'.repeat(Math.ceil(over / 2))}1]`,
      ]) {
        await sendWrong(route.method, pathOf(route), body, { status: 413, code: 'payload_too_large' });
      }
    }
  });

  it(`answers JSON nested deeper than ${MAX_JSON_DEPTH} levels with 400 too_deeply_nested, 5,000 (10 kB) and 15,000 levels included`, async () => {
    const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const objects = (field: string, depth: number) => `{"${field}":${'{"a":'.repeat(depth - 1)}1${'}'.repeat(depth)}`;
    for (const route of bodyRoutes()) {
      const field = fieldsOf(route)[0]?.[0] ?? 'x';
      for (const depth of [MAX_JSON_DEPTH + 1, 5_000, 15_000]) {
        for (const body of [arrays(depth), objects(field, depth)]) {
          await sendWrong(route.method, pathOf(route), body, { status: 400, code: 'too_deeply_nested' });
        }
      }
      // At the limit, the body is judged on its content like any other.
      for (const body of [arrays(MAX_JSON_DEPTH), objects(field, MAX_JSON_DEPTH)]) {
        const res = await send(route.method, pathOf(route), body);
        assert.notEqual(res.body?.error?.code, 'too_deeply_nested', `${routeKey(route)} at ${MAX_JSON_DEPTH} levels`);
      }
    }
  });

  it('survives unicode tricks in every string field (RTL override, zero-width joiners, NUL, lone surrogates, overlong strings)', async () => {
    for (const route of bodyRoutes()) {
      for (const field of fieldsOf(route)) {
        for (const [name, value] of Object.entries(TRICKY_STRINGS)) {
          const res = await send(route.method, pathOf(route), withField(sampleOf(route), field, value));
          if (value.includes('\u0000'))
            assert.equal(res.status, 400, `${describeField(route, field)} with ${name}: a NUL byte is refused`);
        }
      }
    }
  });

  it('refuses NUL bytes in any string field with 400 invalid_request naming the field', async () => {
    // PostgreSQL text cannot hold U+0000 (SQLSTATE 22021): refused at the door, not as a 500.
    for (const route of bodyRoutes()) {
      for (const field of fieldsOf(route)) {
        const res = await sendWrong(route.method, pathOf(route), withField(sampleOf(route), field, 'a\u0000b'), {
          status: 400,
          code: 'invalid_request',
        });
        assert.ok(
          namesField(res.body.error.fields, field),
          `${describeField(route, field)}: ${JSON.stringify(res.body)}`,
        );
      }
      // …and where a schema lets unknown keys through (WebAuthn's extension results), in values and keys.
      if (JSON.stringify(sampleOf(route)).includes('clientExtensionResults')) {
        for (const extensions of [{ appid: 'a\u0000b' }, { 'a\u0000b': true }]) {
          const body = withField(sampleOf(route), ['response', 'clientExtensionResults'], extensions);
          await sendWrong(route.method, pathOf(route), body, { status: 400, code: 'invalid_request' });
        }
      }
    }
  });

  it('survives odd, malicious and unicode email addresses', async () => {
    for (const route of bodyRoutes()) {
      for (const field of fieldsOf(route).filter((f) => /email/i.test(f.at(-1) ?? ''))) {
        for (const email of TRICKY_EMAILS)
          await send(route.method, pathOf(route), withField(sampleOf(route), field, email));
      }
    }
  });

  it('ignores or refuses unknown, repeated and malformed query parameters', async () => {
    for (const route of routes) {
      const body = STATE_CHANGING_METHODS.has(route.method) ? sampleOf(route) : undefined;
      for (const query of ODD_QUERIES) await send(route.method, pathOf(route) + query, body);
    }
  });

  it('ignores or refuses odd values of the query parameters a route reads', async () => {
    for (const route of routes) {
      for (const param of QUERY_PARAMS[routeKey(route)] ?? []) {
        for (const value of ODD_QUERY_VALUES) {
          const encoded = /^%/.test(value) ? value : encodeURIComponent(value);
          await send(route.method, `${pathOf(route)}?${param}=${encoded}`);
        }
      }
    }
  });

  const withParam = (route: RouteInfo, raw: string) => route.path.replace(/:\w+/g, raw);
  const paramRoutes = () => routes.filter((r) => r.path.includes(':'));

  it('answers state-changing requests naming nothing with 404 not_found, and malformed path parameters with a 4xx', async () => {
    for (const route of paramRoutes().filter((r) => STATE_CHANGING_METHODS.has(r.method))) {
      for (const raw of MISSING_PATH_PARAMS)
        await sendWrong(route.method, withParam(route, raw), sampleOf(route), {
          status: 404,
          code: NOTHING_THERE[routeKey(route)] ?? 'not_found',
        });
      for (const raw of MALFORMED_PATH_PARAMS) await sendWrong(route.method, withParam(route, raw), sampleOf(route));
    }
  });

  it('answers reads with missing or malformed path parameters without a 5xx', async () => {
    // A status poll may answer "pending" for any id, so as not to tell which exist: no fixed status.
    for (const route of paramRoutes().filter((r) => !STATE_CHANGING_METHODS.has(r.method))) {
      for (const raw of [...MISSING_PATH_PARAMS, ...MALFORMED_PATH_PARAMS])
        await send(route.method, withParam(route, raw));
    }
  });

  it('answers bodies in other charsets or unknown encodings with a 4xx', async () => {
    const variants: Record<string, string>[] = [
      { 'Content-Type': 'application/json; charset=utf-16' },
      { 'Content-Type': 'application/json; charset=ebcdic' },
      { 'Content-Encoding': 'gzip' }, // not actually gzip
      { 'Content-Encoding': 'x-unknown' },
    ];
    for (const route of bodyRoutes()) {
      for (const headers of variants)
        await sendWrong(route.method, pathOf(route), JSON.stringify(sampleOf(route)), {}, headers);
    }
  });

  it('survives odd request headers (long and non-ASCII User-Agent, garbage cookies and bearer tokens)', async () => {
    const variants: Record<string, string>[] = [
      { 'User-Agent': `Mozilla/5.0 ${'x'.repeat(8000)}` },
      { 'User-Agent': 'Mozilla/5.0 (\u00ff\u00fe) \u00e9' },
      { Cookie: '__Host-acct_session=%00; __Host-acct_session=%ZZ' },
      { Authorization: 'Bearer ' },
      { Authorization: `Bearer ${'A'.repeat(43)}` },
      { Authorization: 'Basic dXNlcjpwYXNz' },
      { 'Accept-Language': 'x'.repeat(5000) },
    ];
    for (const route of routes) {
      const body = STATE_CHANGING_METHODS.has(route.method) ? sampleOf(route) : undefined;
      for (const headers of variants) await send(route.method, pathOf(route), body, headers);
    }
  });

  it('answered 0 of all those requests with a 500', () => {
    assert.ok(served.total > 500, `only ${served.total} requests`);
    assert.deepEqual(served.serverErrors, []);
  });
});
