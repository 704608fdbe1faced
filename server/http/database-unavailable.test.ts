/**
 * A lost database is `503 database_unavailable` with `Retry-After`, never a 500 (docs/security.md I2).
 * First the mapping of every connection-level error shape — made for real where a library makes
 * it on demand (a refused port, a destroyed pool, a closed PGlite, a connection that never comes),
 * as the libraries throw it otherwise. Then for real: on PostgreSQL, the server's backends are
 * terminated (pg_terminate_backend, only this test database's) while requests are in flight and
 * right after; on the embedded database, the database is closed under the running server.
 */
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import knexFactory from 'knex';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../db/database';
import type { RunningServer } from '../start';
import { signedUpClient } from '../testing/accounts';
import { createTestDatabase, describeOnEachDatabase, type TestDatabase } from '../testing/databases';
import type { JsonAnswer, TestClient } from '../testing/http-client';
import { startTestServer } from '../testing/test-server';
import { isDatabaseUnavailable, toApiError } from './errors';

/** The rejection of `work`, which must fail. */
async function rejectionOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

/** A node-postgres error as it arrives through knex: the SQL prefixed to the driver's message. */
const fromKnex = (message: string) => new Error(`select 1 - ${message}`);

describe('which errors mean the database is unavailable', () => {
  it('maps the errors node-postgres, pg-pool, knex and PGlite raise when the connection is gone', () => {
    const shapes: Record<string, unknown> = {
      'pg: server went away mid-query': fromKnex('Connection terminated unexpectedly'),
      'pg: client ended during a query': fromKnex('Connection terminated'),
      'pg: connect timeout': new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
      'pg: client after a connection error': fromKnex('Client has encountered a connection error and is not queryable'),
      'pg: closed client': fromKnex('Client was closed and is not queryable'),
      'pg-pool: connect timeout': new Error('timeout exceeded when trying to connect'),
      'pg-pool: ended pool': new Error('Cannot use a pool after calling end on the pool'),
      // As knex's KnexTimeoutError is built (its class is not reachable from ESM); made for real below.
      'knex: pool acquire timeout': Object.assign(
        new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
        { name: 'KnexTimeoutError' },
      ),
      'knex: destroyed pool': new Error('Unable to acquire a connection'),
      'PGlite: closed database': new Error('PGlite is closed'),
      'backend terminated (57P01)': Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
      'server starting (57P03)': Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      'too many connections (53300)': Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
      'connection exception class (08006)': Object.assign(new Error('connection failure'), { code: '08006' }),
      'socket reset': Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      'wrapped in a cause': new Error('query failed', { cause: fromKnex('Connection terminated unexpectedly') }),
    };
    for (const [shape, err] of Object.entries(shapes)) {
      assert.equal(isDatabaseUnavailable(err), true, shape);
      const answer = toApiError(err);
      assert.deepEqual(
        [answer.status, answer.code, answer.headers?.['Retry-After']],
        [503, 'database_unavailable', '5'],
        shape,
      );
    }
  });

  it('leaves query errors and everything else a 500', () => {
    const others: Record<string, unknown> = {
      'a unique violation quoting user data': Object.assign(
        new Error('insert … "Connection terminated" - duplicate key value'),
        { code: '23505' },
      ),
      'a syntax error': Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' }),
      'a plain bug': new TypeError("Cannot read properties of undefined (reading 'id')"),
      'a string': 'Connection terminated',
      nothing: undefined,
    };
    for (const [shape, err] of Object.entries(others)) {
      assert.equal(isDatabaseUnavailable(err), false, shape);
      assert.equal(toApiError(err).status, 500, shape);
    }
  });

  it('recognises the errors the libraries really raise', async () => {
    const refused = await openDatabase({ url: 'postgres://nobody@127.0.0.1:1/none' });
    const real: Record<string, unknown> = {
      'a refused port': await rejectionOf(() => refused.knex.raw('select 1')),
    };
    await refused.close();

    const destroyed = await openDatabase({ dataDir: 'memory://' });
    await destroyed.close();
    real['a destroyed knex pool'] = await rejectionOf(() => destroyed.knex.raw('select 1'));
    real['the prepared path on a destroyed pool'] = await rejectionOf(() => destroyed.prepared('x', 'select 1', []));

    const pglite = new PGlite();
    await pglite.close();
    real['a closed PGlite'] = await rejectionOf(() => pglite.query('select 1'));

    // A server that accepts connections and never answers: no connection is ever ready, so
    // knex gives up acquiring one after its timeout (the same error as a pool held by others).
    // node-postgres's own connect timeout (longer) then ends the attempts knex left behind.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const stuck = knexFactory({
      client: 'pg',
      connection: { connectionString: `postgres://nobody@127.0.0.1:${port}/none`, connectionTimeoutMillis: 300 },
      acquireConnectionTimeout: 100,
      pool: { min: 0, max: 1 },
      log: { warn() {}, error() {} },
    });
    real['no connection to be had'] = await rejectionOf(() => stuck.raw('select 1'));
    await stuck.destroy();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));

    for (const [shape, err] of Object.entries(real))
      assert.equal(isDatabaseUnavailable(err), true, `${shape}: ${String(err)}`);
  });
});

/** Every answer must be one of these; a 503 must say why and when to come back. */
function checkAnswer(res: JsonAnswer, label: string): void {
  assert.ok([200, 401, 503].includes(res.status), `${label} → ${res.status} ${JSON.stringify(res.body)}`);
  if (res.status === 503) {
    assert.equal(res.body?.error?.code, 'database_unavailable', label);
    assert.equal(res.headers.get('retry-after'), '5', label);
  }
}

const READS = ['/api/me', '/api/sessions', '/api/onboarding', '/api/organizations'];

/** Waits until the signed-in client gets 200s again, then asks for 20 more in a row. */
async function assertRecovers(client: TestClient): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await client.get('/api/me')).status !== 200) {
    assert.ok(Date.now() < deadline, 'the server did not recover within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (let i = 0; i < 20; i++) {
    for (const path of READS) assert.equal((await client.get(path)).status, 200, `after recovery: ${path}`);
  }
}

describeOnEachDatabase('a lost database under load (I2)', (getDb, kind) => {
  let server: RunningServer;
  let client: TestClient;

  before(async () => {
    server = await startTestServer(getDb());
    client = (await signedUpClient(server.services, server.url)).client;
  });
  after(() => server.close());

  it(
    'answers 200/401 or 503 with Retry-After, never 500, while its connections are killed, and recovers',
    {
      skip:
        kind !== 'postgres' &&
        'pg_terminate_backend needs a PostgreSQL server; the embedded database is closed instead below',
    },
    async () => {
      const database = new URL(getDb().url!).pathname.slice(1);
      const admin = knexFactory({ client: 'pg', connection: process.env.TEST_DATABASE_URL, pool: { min: 0, max: 1 } });
      const answers: Array<{ status: number }> = [];
      let stop = false;
      const loops = Array.from({ length: 6 }, async (_, loop) => {
        for (let i = 0; !stop; i++) {
          const path = READS[(loop + i) % READS.length]!;
          const res = await client.get(path);
          checkAnswer(res, path);
          answers.push(res);
        }
      });
      try {
        // Kill in rounds until some request in flight was hit (usually the first round), at most 50.
        for (let round = 0; round < 50 && !answers.some((a) => a.status === 503); round++) {
          await admin.raw(
            'select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()',
            [database],
          );
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        // …and keep the requests coming right after the last kill, on the pool's dead connections.
        const seen = answers.length;
        const deadline = Date.now() + 30_000;
        while (answers.length < seen + 60 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 10));
      } finally {
        stop = true;
        await Promise.allSettled(loops);
        await admin.destroy();
      }
      await Promise.all(loops); // a bad answer fails the test here
      assert.ok(
        answers.some((a) => a.status === 503),
        'some requests met a killed connection',
      );
      await assertRecovers(client);
    },
  );

  it(
    'answers 503 with Retry-After, never 500, once the embedded database is closed',
    {
      skip:
        kind !== 'pglite' &&
        'closing the database under a running server is the embedded case; PostgreSQL is killed above',
    },
    async () => {
      const own: TestDatabase = await createTestDatabase('pglite');
      const closing = await startTestServer(own);
      try {
        const mine = (await signedUpClient(closing.services, closing.url)).client;
        assert.equal((await mine.get('/api/me')).status, 200);
        await own.close();
        for (const path of READS) {
          const res = await mine.get(path);
          checkAnswer(res, path);
          assert.equal(res.status, 503, path);
        }
        const health = await mine.get('/healthz');
        assert.equal(health.status, 503);
      } finally {
        await closing.close();
      }
    },
  );
});
