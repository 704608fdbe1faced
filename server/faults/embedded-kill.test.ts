/**
 * The embedded database killed mid-write: `kill -9` of the server (server/main.ts on a data folder)
 * during a burst of writes — sign-ups and profile changes from several clients at once. It starts
 * again on the same folder, and everything it had acknowledged is there: every account whose
 * sign-up answered 200 signs in, every profile holds its last acknowledged change or a later one
 * (one whose answer the kill cut off); nothing is half-written (the folder opens and migrates).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { uniqueEmail } from '../testing/accounts';
import { TestClient, TEST_ORIGIN } from '../testing/http-client';
import { listeningUrl, spawnServer } from '../testing/server-process';
import { TEST_ENCRYPTION_KEYS } from '../testing/test-server';

const PASSWORD = 'correct horse battery staple';
const WRITERS = 4;

describe('embedded database killed mid-write', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'acct-kill-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const env = () => ({
    ACCT_DATA_DIR: dataDir,
    ACCT_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
    ACCT_REQUIRE_EMAIL_VERIFICATION: 'false',
    ACCT_SESSION_TRANSPORT: 'bearer',
    ACCT_RATE_LIMITS: 'sign-in:ip=100000/60 sign-in:account=100000/60 sign-up:ip=100000/60',
  });

  it('loses nothing it acknowledged and opens again on the same folder', async () => {
    const server = spawnServer(env());
    const url = await listeningUrl(server);

    /** Per writer: its account's token and the last display name the server acknowledged. */
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        const client = new TestClient(url, { origin: TEST_ORIGIN });
        const email = uniqueEmail('writer');
        const signUp = await client.post('/api/auth/sign-up', { email, password: PASSWORD });
        assert.equal(signUp.status, 200, JSON.stringify(signUp.body));
        client.bearer = signUp.body.session.token as string;
        return { client, email, acknowledged: 0 };
      }),
    );
    const signedUp: string[] = [];
    let writing = true;
    const burst = [
      // Profile changes, each acknowledged before the next.
      ...writers.map(async (writer) => {
        for (let n = 1; writing; n++) {
          const res = await writer.client
            .request('PATCH', '/api/me', { displayName: `change ${n}` })
            .catch(() => undefined);
          if (res?.status === 200) writer.acknowledged = n;
        }
      }),
      // New accounts (each a user, a password, a session and a login-history row).
      (async () => {
        const client = new TestClient(url, { origin: TEST_ORIGIN });
        while (writing) {
          const email = uniqueEmail('burst');
          const res = await client.post('/api/auth/sign-up', { email, password: PASSWORD }).catch(() => undefined);
          if (res?.status === 200) signedUp.push(email);
        }
      })(),
    ];
    await sleep(2_500);
    server.child.kill('SIGKILL');
    await server.exited;
    writing = false;
    await Promise.all(burst);
    assert.ok(writers.every((w) => w.acknowledged > 0) && signedUp.length > 0, 'the burst wrote before the kill');

    const again = spawnServer(env());
    try {
      const url2 = await listeningUrl(again);
      for (const writer of writers) {
        const client = new TestClient(url2, { origin: TEST_ORIGIN });
        client.bearer = writer.client.bearer;
        const me = await client.get('/api/me');
        assert.equal(me.status, 200, `${writer.email}: ${JSON.stringify(me.body)}`);
        const kept = Number(/^change (\d+)$/.exec(me.body.user.displayName as string)?.[1]);
        assert.ok(
          kept >= writer.acknowledged,
          `${writer.email}: change ${kept} kept, ${writer.acknowledged} acknowledged`,
        );
      }
      const client = new TestClient(url2, { origin: TEST_ORIGIN });
      for (const email of signedUp) {
        const res = await client.post('/api/auth/sign-in', { email, password: PASSWORD });
        assert.equal(res.status, 200, `${email} signed up before the kill`);
      }
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });
});
