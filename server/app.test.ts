/**
 * The HTTP skeleton against a real server on each database: health, public config, the element
 * bundle, JSON errors with stable codes, and the CORS allowlist (docs/security.md E2).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createLogger } from './http/logging';
import { startServer, type RunningServer } from './start';
import { describeOnEachDatabase } from './testing/databases';
import { testConfig } from './testing/test-server';

const DEMO = 'http://localhost:5173';

describeOnEachDatabase('HTTP skeleton', (getDb) => {
  let server: RunningServer;
  let bundleDir: string;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });

  before(async () => {
    bundleDir = await mkdtemp(join(tmpdir(), 'acct-bundle-'));
    await writeFile(join(bundleDir, 'acct.js'), 'export const built = true;\n');
    const config = testConfig({
      ACCT_ALLOWED_ORIGINS: `${DEMO} https://app.example.com`,
      ACCT_PRODUCT_NAME: 'Stagehand',
    });
    server = await startServer({ config, logger: createLogger('silent'), db: getDb(), bundleDir });
  });
  after(async () => {
    await server.close();
    await rm(bundleDir, { recursive: true, force: true });
  });

  it('GET /healthz pings the database', async () => {
    const res = await get('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', database: 'ok' });
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('GET /api/config answers the public settings', async () => {
    const res = await get('/api/config', { Origin: DEMO });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      productName: 'Stagehand',
      methods: ['passkey', 'magic-link', 'password'],
      signUpEnabled: true,
      passwordMinLength: 8,
      sessionTransport: 'cookie',
      requireEmailVerification: true,
      providers: [],
      originAllowed: true,
      development: false,
      deletionGraceDays: 30,
      languages: ['en', 'fr', 'de', 'es', 'ar'],
    });
    // Public: any page may read it, without credentials (more in client-config.test.ts).
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  it('GET /acct.js serves the bundle as a cacheable ES module any page may load', async () => {
    const res = await get('/acct.js', { Origin: 'https://any-site.example' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.match(res.headers.get('cache-control') ?? '', /max-age=300/);
    const etag = res.headers.get('etag');
    assert.ok(etag);
    assert.equal(await res.text(), 'export const built = true;\n');
    // fetch adds `Cache-Control: no-cache` to conditional requests unless told otherwise.
    const again = await get('/acct.js', { 'If-None-Match': etag, 'Cache-Control': 'max-age=0' });
    assert.equal(again.status, 304);
  });

  it('serves nothing else from the bundle folder', async () => {
    await writeFile(join(bundleDir, 'secret.txt'), 'not public');
    const res = await get('/secret.txt');
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { error: { code: 'not_found', message: 'There is nothing at this address.' } });
  });

  it('answers unknown API routes with 404 JSON', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['POST', '/api/config'],
      ['DELETE', '/api/users/1'],
    ] as const) {
      const res = await fetch(server.url + path, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: method === 'GET' ? null : '{}',
      });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_found');
    }
  });

  it('answers a malformed JSON body with 400 invalid_json, without a stack trace', async () => {
    const res = await fetch(`${server.url}/api/anything`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: DEMO },
      body: '{"email": "a@b.c",',
    });
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.deepEqual(JSON.parse(text), {
      error: { code: 'invalid_json', message: 'The request body is not valid JSON.' },
    });
    assert.doesNotMatch(text, /at .*\.(js|ts):\d+/);
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const res = await fetch(`${server.url}/api/anything`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(200_000) }),
    });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'payload_too_large');
  });

  it('answers an unsupported charset with 415', async () => {
    const res = await fetch(`${server.url}/api/anything`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=ebcdic' },
      body: '{}',
    });
    assert.equal(res.status, 415);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unsupported_media_type');
  });

  it('sets security headers on every answer', async () => {
    const res = await get('/api/config');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('x-powered-by'), null);
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('answers API requests with no-store unless a route is public', async () => {
    const res = await get('/api/nope');
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  describeCors(() => server.url);
});

/**
 * The CORS matrix: who gets an Access-Control-Allow-Origin, for simple and preflight requests, on
 * a route that needs the allowlist (`/api/config` is public to every origin).
 */
function describeCors(url: () => string) {
  const allowed = [DEMO, 'https://app.example.com'];
  const refused = [
    'https://evil.test',
    'null',
    'https://app.example.com.evil.test', // look-alike suffix
    'https://evil-app.example.com',
    'http://app.example.com', // wrong scheme
    'https://app.example.com:8443', // wrong port
    'http://localhost:5174',
    'HTTPS://APP.EXAMPLE.COM', // browsers never send this; an exact match must not fold case
  ];

  for (const origin of allowed) {
    it(`CORS: echoes the allowed origin ${origin} exactly, with Vary: Origin`, async () => {
      const res = await fetch(`${url()}/api/session`, { headers: { Origin: origin } });
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
      assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
      assert.match(res.headers.get('vary') ?? '', /Origin/);

      const preflight = await fetch(`${url()}/api/session`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
    });
  }

  for (const origin of refused) {
    it(`CORS: gives ${origin} no Access-Control-Allow-Origin`, async () => {
      const res = await fetch(`${url()}/api/session`, { headers: { Origin: origin } });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
      assert.match(res.headers.get('vary') ?? '', /Origin/);
      const preflight = await fetch(`${url()}/api/session`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    });
  }
}
