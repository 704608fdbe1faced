/**
 * Start-up under fire, on each database: requests hammer a fixed port from before the server
 * listens until after it is ready. Each one gets an answer — 503 `starting` with Retry-After while
 * the server migrates and builds its services, 200 once it is ready — none waits past its
 * timeout, and none is refused once the port has answered anything.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, it } from 'node:test';
import { createLogger } from './http/logging';
import { startServer, type RunningServer } from './start';
import { describeOnEachDatabase } from './testing/databases';
import { testConfig } from './testing/test-server';

/** Parallel request loops. */
const LOOPS = 6;
/** Longer than any answer takes even on a loaded machine; an answer this late means a hang. */
const REQUEST_TIMEOUT_MS = 20_000;

type Outcome = { startedAt: number; endedAt: number } & (
  | { kind: 'answer'; status: number; retryAfter: string | null; code: string | undefined }
  | { kind: 'refused' }
  | { kind: 'failed'; error: string }
);

/** A port that was free a moment ago (the server is told to use it, as in production). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function attempt(url: string): Promise<Outcome> {
  const startedAt = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = (await res.json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
    return {
      kind: 'answer',
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      code: body?.error?.code,
      startedAt,
      endedAt: performance.now(),
    };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    if (cause?.code === 'ECONNREFUSED') return { kind: 'refused', startedAt, endedAt: performance.now() };
    return {
      kind: 'failed',
      error: String((err as Error).name + ': ' + (err as Error).message + (cause?.code ? ` (${cause.code})` : '')),
      startedAt,
      endedAt: performance.now(),
    };
  }
}

describeOnEachDatabase(
  'start-up under requests',
  (getDb) => {
    let running: RunningServer | undefined;
    after(() => running?.close());

    it('answers every request during start-up with 503 starting or 200; none hangs, none is refused once the port is open', async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const paths = ['/healthz', '/api/config', '/api/me'];
      const outcomes: Outcome[] = [];
      let ready = false;
      let afterReady = 0;
      const loops = Array.from({ length: LOOPS }, async (_, loop) => {
        // Keep going until the ready server has answered a good number of requests.
        for (let i = 0; !ready || afterReady < 50; i++) {
          const outcome = await attempt(base + paths[(loop + i) % paths.length]);
          outcomes.push(outcome);
          if (ready) afterReady++;
          // Refused connections come back at once; don't spin the shared cores on them.
          if (outcome.kind === 'refused') await new Promise((resolve) => setTimeout(resolve, 2));
        }
      });

      const config = testConfig({ PORT: String(port) });
      // The database is not migrated yet: the migrations are the long part of the window.
      running = await startServer({ config, logger: createLogger('silent'), db: getDb() });
      ready = true;
      const readyAt = performance.now();
      await Promise.all(loops);

      const failed = outcomes.filter((o) => o.kind === 'failed');
      assert.deepEqual(failed, [], `no request hung or failed (ready at ${readyAt})`);
      const answers = outcomes.filter((o) => o.kind === 'answer');
      const firstAnswerAt = Math.min(...answers.map((o) => o.endedAt));
      const refusedLate = outcomes.filter((o) => o.kind === 'refused' && o.startedAt > firstAnswerAt);
      assert.deepEqual(refusedLate, [], 'no connection refused once the port had answered');

      const starting = answers.filter((o) => o.status === 503);
      assert.ok(starting.length > 0, 'some requests came during start-up');
      for (const o of starting) assert.deepEqual([o.code, o.retryAfter], ['starting', '1']);
      const statuses = new Set(answers.filter((o) => o.status !== 503).map((o) => o.status));
      assert.deepEqual([...statuses].sort(), [200, 401], 'after start-up: /healthz and /api/config 200, /api/me 401');
      assert.equal((await fetch(`${base}/healthz`)).status, 200);
    });
  },
  { migrate: false },
);
