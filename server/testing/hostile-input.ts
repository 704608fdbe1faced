/**
 * What the hostile-input tests share — the table-driven one (server/http/bad-input.test.ts) and the
 * fuzzer (server/http/fuzz.test.ts): values of the wrong type and strings that trip up parsers,
 * the site secret their servers run with, rate limits that never refuse, and the one shape every
 * error answer must have (docs/security.md I4).
 */
import assert from 'node:assert/strict';
import { RATE_LIMIT_ACTIONS } from '../modules/rate-limit/policies';
import type { JsonAnswer } from './http-client';

export const SNAKE_CASE = /^[a-z]+(_[a-z0-9]+)*$/;
export const STACK_TRACE = /\bat [\w.<>]+ \(|\.(ts|js):\d+|node_modules|\bError:/;

/** The site backend's secret: its routes authenticate with it instead of a session. */
export const SITE_SECRET = 'bad-input-site-secret-0123456789abcdef';

/** The headers a request to `path` needs besides the session: the site secret for the backend's routes. */
export const headersFor = (path: string): Record<string, string> =>
  path.startsWith('/api/checklist/events') || path.startsWith('/api/server/')
    ? { Authorization: `Bearer ${SITE_SECRET}` }
    : {};

/** Every rate limit out of the way: these tests send thousands of requests from one address. */
export const UNLIMITED_RATE_LIMITS = RATE_LIMIT_ACTIONS.map((action) => `${action}=100000/60`).join(' ');

/** Values of the wrong type for a string field. */
export const WRONG_TYPES: unknown[] = [
  [],
  {},
  1,
  0,
  -1.5,
  true,
  false,
  null,
  ['a'],
  { $ne: '' },
  { nested: { deeper: 'x' } },
];

/** Strings that trip up parsers, databases and people. */
export const TRICKY_STRINGS: Record<string, string> = {
  'an RTL override': 'abc\u202Etxt.exe',
  'zero-width joiners and spaces': 'a\u200D\u200Db\u200B\uFEFF',
  'a NUL byte': 'a\u0000b',
  'only a NUL byte': '\u0000',
  'a lone surrogate': 'a\uD800b',
  'combining marks': 'Z\u0337\u0359a\u0335l\u0336g\u0334o',
  'an emoji sequence': '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}',
  'control characters': '\u0001\u0007\u001b[31m\r\n\t',
  'an overlong string': 'x'.repeat(20_000),
  'an empty string': '',
  'only whitespace': ' \t\u00A0\u3000',
};

/** An error answer as every route must give it: JSON `{ error: { code, message } }`, a snake_case code, no stack trace. */
export function assertErrorAnswer(res: JsonAnswer, label: string): void {
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/, label);
  const error = (res.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  assert.ok(error && typeof error === 'object', `${label}: no error object in ${JSON.stringify(res.body)}`);
  assert.deepEqual(Object.keys(res.body as object), ['error'], label);
  assert.match(String(error.code), SNAKE_CASE, label);
  assert.equal(typeof error.message, 'string', label);
  assert.doesNotMatch(JSON.stringify(res.body), STACK_TRACE, label);
}
