/**
 * `GET /api/config` and the first embed on a site (issue 8): the settings answer any origin
 * without credentials (`*`, `Vary: Origin`), say whether the asking origin is allowed and whether
 * the server is in development mode, and every other API route still answers only the allowlist
 * (docs/security.md E2) — while a request from an origin that is not on it is logged as a warning
 * naming the origin and ACCT_ALLOWED_ORIGINS, once per origin per interval, in bounded memory.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, it } from 'node:test';
import type { DestinationStream } from 'pino';
import { createLogger } from '../../http/logging';
import { REFUSED_ORIGIN_LOG } from '../../http/cors';
import { startServer, type RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import { testConfig } from '../../testing/test-server';

const SITE = 'https://app.example.com';
const STRANGER = 'http://localhost:8080';

/** A pino destination that keeps every line, parsed. */
class CapturedLog implements DestinationStream {
  readonly lines: Array<{ level: number; msg: string; origin?: string; path?: string; preflight?: boolean }> = [];
  write(line: string): void {
    this.lines.push(JSON.parse(line));
  }
  warnings(origin: string) {
    return this.lines.filter((l) => l.level === 40 && l.origin === origin);
  }
}

describeOnEachDatabase('GET /api/config and refused origins', (getDb) => {
  const log = new CapturedLog();
  let server: RunningServer;
  let dev: RunningServer;
  const defaults = { ...REFUSED_ORIGIN_LOG };

  before(async () => {
    const config = testConfig({ ACCT_ALLOWED_ORIGINS: SITE, ACCT_PRODUCT_NAME: 'Stagehand' });
    server = await startServer({ config, logger: createLogger('warn', log), db: getDb() });
    // What `npm start` runs: the same settings in development mode (`--dev`), here with a shorter grace period.
    dev = await startServer({
      config: { ...config, development: true, deletionGraceDays: 14 },
      logger: createLogger('silent'),
      db: getDb(),
    });
  });
  after(async () => {
    await server.close();
    await dev.close();
  });
  beforeEach(() => Object.assign(REFUSED_ORIGIN_LOG, defaults));

  const config = (base: string, headers: Record<string, string> = {}) => fetch(`${base}/api/config`, { headers });

  it('answers an allowed origin, any other origin and a request without Origin alike, but for originAllowed', async () => {
    const expected = {
      productName: 'Stagehand',
      methods: ['passkey', 'magic-link', 'password'],
      signUpEnabled: true,
      passwordMinLength: 8,
      sessionTransport: 'cookie',
      requireEmailVerification: true,
      providers: [],
      development: false,
      deletionGraceDays: 30,
      languages: ['en', 'fr', 'de', 'es', 'ar'],
    };
    for (const [headers, originAllowed] of [
      [{ Origin: SITE }, true],
      [{ Origin: STRANGER }, false],
      [{ Origin: 'null' }, false],
      [{}, true],
    ] as const) {
      const res = await config(server.url, headers);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { ...expected, originAllowed }, JSON.stringify(headers));
    }
  });

  it('says `development` under --dev, and the deletion grace days configured', async () => {
    const res = await config(dev.url, { Origin: STRANGER });
    assert.deepEqual(await res.json(), {
      productName: 'Stagehand',
      methods: ['passkey', 'magic-link', 'password'],
      signUpEnabled: true,
      passwordMinLength: 8,
      sessionTransport: 'cookie',
      requireEmailVerification: true,
      providers: [],
      development: true,
      deletionGraceDays: 14,
      languages: ['en', 'fr', 'de', 'es', 'ar'],
      originAllowed: false,
    });
  });

  it('is readable by any origin, never with credentials, and varies by Origin', async () => {
    for (const origin of [SITE, STRANGER, 'https://evil.test', 'null']) {
      const res = await config(server.url, { Origin: origin });
      assert.equal(res.headers.get('access-control-allow-origin'), '*', origin);
      assert.equal(res.headers.get('access-control-allow-credentials'), null, origin);
      assert.match(res.headers.get('vary') ?? '', /\bOrigin\b/, origin);
      await res.body?.cancel();
    }
    // A preflight (a page sending a header that is not safelisted) gets the same answer, for GET only.
    const preflight = await fetch(`${server.url}/api/config`, {
      method: 'OPTIONS',
      headers: {
        Origin: STRANGER,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'accept-language',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET');
    assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
    assert.match(preflight.headers.get('vary') ?? '', /\bOrigin\b/);
  });

  it('may be cached for a minute when the origin is allowed, and not at all when it is not (its owner is fixing it)', async () => {
    assert.equal((await config(server.url, { Origin: SITE })).headers.get('cache-control'), 'public, max-age=60');
    assert.equal((await config(server.url)).headers.get('cache-control'), 'public, max-age=60');
    assert.equal((await config(server.url, { Origin: STRANGER })).headers.get('cache-control'), 'no-store');
  });

  it('keeps every other API route to the allowlist: no Access-Control-Allow-Origin for a stranger', async () => {
    const res = await fetch(`${server.url}/api/session`, { headers: { Origin: STRANGER } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    await res.body?.cancel();
    const allowed = await fetch(`${server.url}/api/session`, { headers: { Origin: SITE } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), SITE);
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    await allowed.body?.cancel();
    // POST /api/config is not a route, and not public either.
    const post = await fetch(`${server.url}/api/config`, {
      method: 'OPTIONS',
      headers: { Origin: STRANGER, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(post.headers.get('access-control-allow-origin'), null);
  });

  it('logs a refused origin once, naming it and ACCT_ALLOWED_ORIGINS, for requests and preflights alike', async () => {
    const origin = 'http://refused-once.test:8080';
    const first = await fetch(`${server.url}/api/session`, { headers: { Origin: origin } });
    await first.body?.cancel();
    const warnings = log.warnings(origin);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.msg, /ACCT_ALLOWED_ORIGINS/);
    assert.ok(warnings[0]!.msg.includes(`ACCT_ALLOWED_ORIGINS=${origin}`), warnings[0]!.msg);
    assert.equal(warnings[0]!.path, '/session');

    // Within the interval: nothing more, whatever the request.
    await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
    });
    const post = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(post.status, 403);
    await post.body?.cancel();
    assert.equal(log.warnings(origin).length, 1);

    // A preflight from another refused origin is logged as one.
    const other = 'https://refused-preflight.test';
    await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'OPTIONS',
      headers: { Origin: other, 'Access-Control-Request-Method': 'POST' },
    });
    assert.deepEqual(
      log.warnings(other).map((w) => [w.path, w.preflight]),
      [['/auth/sign-in', true]],
    );
  });

  it('logs it again once the interval has passed', async () => {
    REFUSED_ORIGIN_LOG.intervalMs = 0;
    const origin = 'https://refused-again.test';
    for (let i = 0; i < 3; i++)
      await (await fetch(`${server.url}/api/session`, { headers: { Origin: origin } })).body?.cancel();
    assert.equal(log.warnings(origin).length, 3);
  });

  it('logs nothing for allowed origins, requests without Origin, the public settings, or the server itself', async () => {
    const before = log.lines.filter((l) => l.level === 40).length;
    await (await fetch(`${server.url}/api/session`, { headers: { Origin: SITE } })).body?.cancel();
    await (await fetch(`${server.url}/api/session`)).body?.cancel();
    await (await config(server.url, { Origin: 'https://only-reads-config.test' })).body?.cancel();
    await (
      await fetch(`${server.url}/api/session`, {
        headers: { Origin: new URL(server.services.config.publicUrl).origin },
      })
    ).body?.cancel();
    assert.equal(log.lines.filter((l) => l.level === 40).length, before);
  });

  it('keeps its memory bounded: past the limit, the oldest origins are forgotten (and may be logged again)', async () => {
    REFUSED_ORIGIN_LOG.maxOrigins = 3;
    const origins = ['a', 'b', 'c', 'd'].map((name) => `https://${name}.bounded.test`);
    for (const origin of origins)
      await (await fetch(`${server.url}/api/session`, { headers: { Origin: origin } })).body?.cancel();
    // `a` was forgotten to make room for `d`: it is logged again; `d`, remembered, is not.
    await (await fetch(`${server.url}/api/session`, { headers: { Origin: origins[0]! } })).body?.cancel();
    await (await fetch(`${server.url}/api/session`, { headers: { Origin: origins[3]! } })).body?.cancel();
    assert.deepEqual(
      origins.map((origin) => log.warnings(origin).length),
      [2, 1, 1, 1],
    );
  });

  it('cuts an absurdly long origin before remembering or logging it', async () => {
    const origin = `https://${'x'.repeat(5000)}.test`;
    await (await fetch(`${server.url}/api/session`, { headers: { Origin: origin } })).body?.cancel();
    const logged = log.lines.filter((l) => l.level === 40 && l.origin?.startsWith('https://xxxx'));
    assert.equal(logged.length, 1);
    assert.ok(logged[0]!.origin!.length <= REFUSED_ORIGIN_LOG.maxLength + 1);
  });
});
