/**
 * The server as a process, the way `npm start` runs it: it refuses a bad configuration with a
 * clear message, persists the embedded database in ACCT_DATA_DIR, and on SIGTERM lets a request
 * in flight finish before it exits.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const MAIN = new URL('./main.ts', import.meta.url).pathname;

interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, DATABASE_URL: '', PORT: '0', ACCT_HOST: '127.0.0.1', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits for the "listening" log line and returns the URL it names. */
async function listeningUrl(server: ServerProcess): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const line = server
      .output()
      .split('\n')
      .find((l) => l.includes('acct is listening'));
    if (line) return (JSON.parse(line) as { url: string }).url;
    if (server.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${server.output()}`);
}

describe('server process', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'acct-data-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses to start with ACCT_ALLOWED_ORIGINS=* and says why', async () => {
    const server = spawnServer({ ACCT_ALLOWED_ORIGINS: '*', ACCT_DATA_DIR: dataDir });
    const code = await server.exited;
    assert.equal(code, 78);
    assert.match(server.output(), /ACCT_ALLOWED_ORIGINS: "\*" is not allowed/);
    assert.doesNotMatch(server.output(), /at .*\.ts:\d+/, 'no stack trace');
  });

  it('drains a request in flight on SIGTERM, then exits 0; the data survives a restart', async () => {
    const server = spawnServer({ ACCT_DATA_DIR: dataDir });
    const url = new URL(await listeningUrl(server));
    assert.ok(existsSync(join(dataDir, 'PG_VERSION')), 'the embedded database lives in ACCT_DATA_DIR');

    // A request whose body is only half sent is in flight until we send the rest.
    const body = '{"half":"sent"}';
    const socket = connect(Number(url.port), url.hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      `POST /api/drain-check HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    await new Promise((r) => setTimeout(r, 200));

    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(server.child.exitCode, null, 'still running while a request is in flight');
    await assert.rejects(fetch(`${url.origin}/healthz`), 'no new connections once draining');

    socket.write(body.slice(5));
    await closed;
    assert.match(answer, /^HTTP\/1\.1 404 /, 'the request in flight got its answer');
    assert.match(answer, /"code":"not_found"/);
    assert.equal(await server.exited, 0);
    assert.match(server.output(), /shutting down/);

    const again = spawnServer({ ACCT_DATA_DIR: dataDir });
    const url2 = await listeningUrl(again);
    assert.doesNotMatch(again.output(), /database migrated/, 'already migrated: the data persisted');
    assert.equal((await fetch(`${url2}/healthz`)).status, 200);
    again.child.kill('SIGTERM');
    assert.equal(await again.exited, 0);
  });
});
