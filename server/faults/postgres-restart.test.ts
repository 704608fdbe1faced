/**
 * docs/security.md I2 for real: PostgreSQL stopped and started again under a running server, on a
 * cluster of the test's own (server/testing/private-cluster.ts). Session checks and sign-ins keep
 * coming throughout. While the database is down every answer is 503 `database_unavailable` with
 * `Retry-After` — never a 500, never a session accepted without the database; the process
 * survives (its job runner too); and once the database is back, fewer than 1 % of requests fail
 * (within 30 s of its return).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase, type Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import type { RunningServer } from '../start';
import { uniqueEmail } from '../testing/accounts';
import { TestClient, TEST_ORIGIN } from '../testing/http-client';
import { privateClusterUnavailable, startPrivateCluster, type PrivateCluster } from '../testing/private-cluster';
import { startTestServer } from '../testing/test-server';

const PASSWORD = 'correct horse battery staple';

type Phase = 'up' | 'stopping' | 'down' | 'starting' | 'back';

interface Answer {
  phase: Phase;
  route: string;
  status: number;
  code: string | undefined;
  retryAfter: string | null;
}

describe('PostgreSQL restarted under load (I2)', { skip: privateClusterUnavailable() }, () => {
  let cluster: PrivateCluster;
  let db: Database;
  let server: RunningServer;

  before(async () => {
    cluster = await startPrivateCluster();
    db = await openDatabase({ url: cluster.url, poolMax: 10 });
    await migrateToLatest(db.knex);
    server = await startTestServer(db, {
      env: {
        ACCT_REQUIRE_EMAIL_VERIFICATION: 'false',
        ACCT_SESSION_TRANSPORT: 'bearer',
        ACCT_RATE_LIMITS: 'sign-in:ip=100000/60 sign-in:account=100000/60 sign-up:ip=100000/60',
      },
    });
  });
  after(async () => {
    await server?.close();
    await db?.close();
    await cluster?.destroy();
  });

  it('answers 503 with Retry-After while it is down, accepts no session, and recovers once it is back', async () => {
    const email = uniqueEmail('restart');
    const client = new TestClient(server.url, { origin: TEST_ORIGIN });
    const signUp = await client.post('/api/auth/sign-up', { email, password: PASSWORD });
    assert.equal(signUp.status, 200, JSON.stringify(signUp.body));
    client.bearer = signUp.body.session.token as string;

    let phase: Phase = 'up';
    const answers: Answer[] = [];
    let load = true;
    /** One of four clients in a loop: mostly session checks, a sign-in every fifth request. */
    const loop = async (offset: number) => {
      for (let i = offset; load; i++) {
        const started = phase;
        const signIn = i % 5 === 0;
        const res = signIn
          ? await client.post('/api/auth/sign-in', { email, password: PASSWORD }, { Authorization: '' })
          : await client.get('/api/me');
        // A request counts for the phase it began and ended in; one across a change is 'stopping'/'starting'.
        const across: Phase = started === 'up' ? 'stopping' : 'starting';
        const during = started === phase ? phase : across;
        answers.push({
          phase: during,
          route: signIn ? 'sign-in' : 'me',
          status: res.status,
          code: (res.body as { error?: { code?: string } } | undefined)?.error?.code,
          retryAfter: res.headers.get('retry-after'),
        });
        if (res.status === 503) await sleep(20);
      }
    };
    const clients = [0, 1, 2, 3].map(loop);

    // Enough answers while all is well, however loaded the machine (sign-ins hash a password).
    const warming = Date.now();
    while (answers.filter((a) => a.phase === 'up').length < 20 && Date.now() - warming < 20_000) await sleep(50);
    phase = 'stopping';
    await cluster.stop();
    phase = 'down';
    await sleep(3_000);
    phase = 'starting';
    await cluster.start();
    // Back: within 30 s of its return the server answers again, and then fails fewer than 1 %.
    const returned = Date.now();
    while (!answers.some((a) => a.phase === 'starting' && a.status === 200) && Date.now() - returned < 30_000)
      await sleep(100);
    phase = 'back';
    await sleep(3_000);
    load = false;
    await Promise.all(clients);

    const of = (p: Phase) => answers.filter((a) => a.phase === p);
    assert.deepEqual(
      answers.filter((a) => a.status >= 500 && a.status !== 503),
      [],
      'never a 500',
    );
    const up = of('up');
    assert.ok(up.length >= 20 && up.every((a) => a.status === 200), `all well before the stop: ${JSON.stringify(up)}`);
    const down = of('down');
    assert.ok(down.length > 10, `requests while down: ${down.length}`);
    for (const answer of down) {
      assert.equal(answer.status, 503, JSON.stringify(answer));
      assert.equal(answer.code, 'database_unavailable');
      assert.ok(Number(answer.retryAfter) > 0, 'Retry-After');
    }
    const back = of('back');
    const failed = back.filter((a) => a.status !== 200);
    assert.ok(back.length >= 50, `requests once back: ${back.length}`);
    assert.ok(failed.length / back.length < 0.01, `${failed.length} of ${back.length} failed once back`);
    // The process and its session checks are whole.
    assert.equal((await client.get('/api/me')).status, 200);
  });
});
