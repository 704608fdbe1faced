/**
 * The server as a process, the way `npm start` runs it: it refuses a bad configuration with a
 * clear message, persists the embedded database in ACCT_DATA_DIR, and on SIGTERM lets a request
 * in flight finish before it exits. With `--dev` it offers its OAuth test provider, and a sign-in
 * through it works the way the README tells a newcomer to try it; with `--env-defaults
 * demo/acct.env` (`npm start`), the demo's name.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exchange } from './testing/accounts';
import { TestClient } from './testing/http-client';
import { browse, CookieJar } from './testing/oidc-provider';
import { freePort, listeningUrl, spawnServer } from './testing/server-process';

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

  it('refuses an unknown flag and a missing settings file with one line each', async () => {
    const mistyped = spawnServer({ ACCT_DATA_DIR: dataDir }, ['--dev', '--env-default', 'demo/acct.env']);
    assert.equal(await mistyped.exited, 64);
    assert.match(mistyped.output(), /^acct: Unknown option '--env-default'/m);
    const missing = spawnServer({ ACCT_DATA_DIR: dataDir }, ['--env-defaults', 'demo/missing.env']);
    assert.equal(await missing.exited, 78);
    assert.match(missing.output(), /^acct: there is no settings file demo\/missing\.env$/m);
    for (const server of [mistyped, missing]) assert.doesNotMatch(server.output(), /at .*\.ts:\d+/, 'no stack trace');
  });

  it('with --dev offers the OAuth test provider, signs in through it with any address, and connects it as the demo app', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const site = 'http://localhost:5173';
    const devData = await mkdtemp(join(tmpdir(), 'acct-dev-'));
    const env = { ACCT_DATA_DIR: devData, PORT: String(port), ACCT_PUBLIC_URL: url, ACCT_DEV_PROVIDER_PORT: '0' };
    // As `npm start` runs it, with the demo's settings.
    const server = spawnServer(env, ['--dev', '--env-defaults', 'demo/acct.env']);
    try {
      await listeningUrl(server);
      const config = (await (await fetch(`${url}/api/config`)).json()) as { providers: unknown[]; productName: string };
      assert.deepEqual(config.providers, [{ id: 'dev', name: 'Test provider' }]);
      assert.equal(config.productName, 'Stagehand');

      const browser = new TestClient(url, { origin: site });
      const params = new URLSearchParams({ return_to: `${site}/`, browserKey: browser.browserKey });
      const start = await fetch(`${url}/auth/oauth/dev/start?${params}`, { redirect: 'manual' });
      const issuer = new URL(start.headers.get('location')!).origin;
      // The provider's development login form: any email address, any password.
      const jar = new CookieJar();
      const first = await fetch(start.headers.get('location')!, { redirect: 'manual' });
      jar.store(first);
      const login = new URL(first.headers.get('location')!, issuer).toString();
      const page = await fetch(login, { headers: { cookie: jar.header() } });
      jar.store(page);
      assert.match(await page.text(), /name="login"/);
      const submitted = await fetch(login, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login: 'ada@example.test', password: 'anything' }),
      });
      jar.store(submitted);
      const callback = await browse(new URL(submitted.headers.get('location')!, issuer).toString(), issuer, jar);
      assert.ok(callback.startsWith(`${url}/auth/oauth/dev/callback?`), callback);
      const back = await fetch(callback, { redirect: 'manual' });
      assert.equal(back.status, 303);
      const signedIn = await exchange(browser, back.headers.get('location'));
      assert.deepEqual([signedIn.body.status, signedIn.body.user.email], ['signed_in', 'ada@example.test']);

      // The same provider is the demo's connected app: an organization connects it for real.
      const made = await browser.post('/api/organizations', { name: 'Demo Crew' });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const apps = `/api/organizations/${made.body.organization.id}/connected-apps`;
      assert.deepEqual(
        (await browser.get(apps)).body.available.map((a: { id: string }) => a.id),
        ['demo-calendar'],
      );
      const connect = await browser.post(`${apps}/demo-calendar/connect`, {
        returnTo: `${site}/account/integrations/`,
      });
      assert.equal(connect.status, 200, JSON.stringify(connect.body));
      const appReturn = await browse(connect.body.url, issuer, jar);
      assert.ok(appReturn.startsWith(`${url}/auth/connected-apps/callback?`), appReturn);
      const page2 = (await fetch(appReturn, { redirect: 'manual' })).headers.get('location')!;
      const answer = new URLSearchParams(new URLSearchParams(new URL(page2).hash.slice(1)).get('acct_app')!);
      const connected = await browser.post(`${apps}/callback`, Object.fromEntries(answer));
      assert.equal(connected.status, 201, JSON.stringify(connected.body));
      assert.equal(connected.body.app.providerAccountId, 'ada@example.test');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await rm(devData, { recursive: true, force: true });
    }
  });
});
