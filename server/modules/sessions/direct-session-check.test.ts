/**
 * The session check answered ahead of Express (direct-session-check.ts) answers exactly as the
 * Express routes do. Each kind of request goes to two listeners on the same services: the Express
 * app alone, and the direct check in front of it. Status, body and every header must match (but
 * `Date` and the request id's value), and the requests it must not answer — other spellings of
 * the path, HEAD, a body, a refused origin — must reach Express.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, request, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { createApp } from '../../app';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { CapturedLog } from '../../testing/captured-log';
import { describeOnEachDatabase } from '../../testing/databases';
import { TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';
import { withDirectSessionCheck } from './direct-session-check';
import { SESSION_COOKIE } from './session-transport';

interface Probe {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One raw HTTP request, headers exactly as given (fetch would add and forbid some). */
function send(port: number, { method = 'GET', path, headers = {}, body }: Probe): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function listen(listener: RequestListener): Promise<Server> {
  const server = createServer(listener).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

/** A request with a body of known length (without one, Node's client sends it chunked, and Node's server refuses a chunked GET before any listener sees it). */
const withBody = (probe: Probe, body: string): Probe => ({
  ...probe,
  body,
  headers: { ...probe.headers, 'Content-Length': String(Buffer.byteLength(body)) },
});

const portOf = (server: Server) => (server.address() as AddressInfo).port;

/** The headers to compare: all but the ones that differ between any two answers. */
function comparable(headers: IncomingHttpHeaders, label: string): IncomingHttpHeaders {
  const { date: _date, 'x-request-id': id, ...rest } = headers;
  assert.match(String(id), /^[0-9a-f-]{36}$/, label);
  return rest;
}

describeOnEachDatabase('the session check answered ahead of Express', (getDb) => {
  const log = new CapturedLog();
  let running: RunningServer;
  let expressOnly: Server;
  let direct: Server;
  /** Requests the direct listener handed to Express. */
  let handedOn = 0;
  let cookie: string;
  let bearer: string;
  let revokedCookie: string;

  before(async () => {
    running = await startTestServer(getDb(), { logTo: log });
    const app = createApp(running.services);
    expressOnly = await listen(app);
    direct = await listen(
      withDirectSessionCheck(running.services, (req, res) => {
        handedOn++;
        app(req, res);
      }),
    );
    const signedIn = await signedUpClient(running.services, running.url);
    cookie = `${SESSION_COOKIE}=${signedIn.client.sessionCookie}`;
    bearer = `Bearer ${signedIn.client.sessionCookie}`;
    const revoked = await signedUpClient(running.services, running.url);
    revokedCookie = `${SESSION_COOKIE}=${revoked.client.sessionCookie}`;
    assert.equal((await revoked.client.post('/api/auth/sign-out', {})).status, 200);
  });
  after(async () => {
    expressOnly.close();
    direct.close();
    await running.close();
  });

  /** Sends `probe` to both listeners; returns the direct one's answer and whether Express answered it. */
  async function compare(probe: Probe): Promise<{ answer: Answer; handedOn: boolean }> {
    const before = handedOn;
    const expected = await send(portOf(expressOnly), probe);
    const answer = await send(portOf(direct), probe);
    const label = `${probe.method ?? 'GET'} ${probe.path} ${JSON.stringify(probe.headers ?? {})}`;
    assert.equal(answer.status, expected.status, label);
    assert.equal(answer.body, expected.body, label);
    assert.deepEqual(comparable(answer.headers, label), comparable(expected.headers, label), label);
    return { answer, handedOn: handedOn > before };
  }

  it('answers signed in, signed out, forged and revoked sessions itself, exactly as Express does', async () => {
    const cases: [Probe, number][] = [
      [{ path: '/api/me', headers: { Cookie: cookie } }, 200],
      [{ path: '/api/session', headers: { Cookie: cookie } }, 200],
      [{ path: '/api/me', headers: { Authorization: bearer } }, 200],
      [{ path: '/api/me' }, 401],
      [{ path: '/api/session' }, 200],
      [{ path: '/api/me', headers: { Cookie: `${SESSION_COOKIE}=forged` } }, 401],
      [{ path: '/api/me', headers: { Cookie: revokedCookie } }, 401],
      [{ path: '/api/session', headers: { Cookie: revokedCookie } }, 200],
      [{ path: '/api/me', headers: { Cookie: cookie, 'Accept-Language': 'fr' } }, 200],
      [{ path: '/api/me', headers: { 'Accept-Language': 'de' } }, 401],
      [{ path: '/api/me', headers: { Cookie: cookie, Origin: TEST_ORIGIN } }, 200],
      [{ path: '/api/session', headers: { Origin: TEST_ORIGIN } }, 200],
      [{ path: '/api/me', headers: { Cookie: cookie, Origin: running.url } }, 200],
      [{ path: '/api/me', headers: { Cookie: cookie, 'Content-Length': '0' } }, 200],
    ];
    for (const [probe, status] of cases) {
      const { answer, handedOn } = await compare(probe);
      assert.equal(answer.status, status, probe.path);
      assert.equal(handedOn, false, `${probe.path} ${JSON.stringify(probe.headers)} was handed to Express`);
    }
    const withOrigin = await compare({ path: '/api/me', headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
    assert.equal(withOrigin.answer.headers['access-control-allow-origin'], TEST_ORIGIN);
    assert.equal(withOrigin.answer.headers['access-control-allow-credentials'], 'true');
    assert.equal(withOrigin.answer.headers['cache-control'], 'no-store');
    assert.ok(withOrigin.answer.headers['content-security-policy']);
  });

  it('hands every other request to Express', async () => {
    const cases: Probe[] = [
      { path: '/api/me?fields=all', headers: { Cookie: cookie } },
      { path: '/API/ME', headers: { Cookie: cookie } },
      { path: '/api/me/', headers: { Cookie: cookie } },
      { path: '/api//me', headers: { Cookie: cookie } },
      // Paths with names that every plain object has (the paths are kept in a Map).
      { path: '/api/session/constructor', headers: { Cookie: cookie } },
      { path: '/__proto__', headers: { Cookie: cookie } },
      { method: 'HEAD', path: '/api/me', headers: { Cookie: cookie } },
      { method: 'POST', path: '/api/session', headers: { Cookie: cookie, Origin: TEST_ORIGIN } },
      { method: 'OPTIONS', path: '/api/me', headers: { Origin: TEST_ORIGIN, 'Access-Control-Request-Method': 'GET' } },
      { path: '/api/me', headers: { Cookie: cookie, Origin: 'https://evil.example' } },
      { path: '/api/me', headers: { Cookie: cookie, Origin: 'null' } },
      withBody(
        { path: '/api/me', headers: { Cookie: cookie, 'Content-Type': 'application/json' } },
        '{"a":'.repeat(40),
      ),
      withBody({ path: '/api/session', headers: { Cookie: cookie, 'Content-Type': 'application/json' } }, '{}'),
    ];
    for (const probe of cases) {
      const { handedOn } = await compare(probe);
      assert.equal(handedOn, true, `${probe.method ?? 'GET'} ${probe.path} was answered ahead of Express`);
    }
  });

  it('logs the same line as Express, under the id it sent, without the secret', async () => {
    const answer = await send(portOf(direct), {
      path: '/api/me',
      headers: { Cookie: cookie, 'User-Agent': 'probe/1' },
    });
    assert.equal(answer.status, 200);
    const id = String(answer.headers['x-request-id']);
    const line = log.lines.map((l) => JSON.parse(l)).find((l) => l.req?.id === id);
    assert.ok(line, 'no log line for the request');
    assert.equal(line.msg, 'request completed');
    assert.deepEqual(line.req, { id, method: 'GET', url: '/api/me', userAgent: 'probe/1' });
    assert.equal(line.res.statusCode, 200);
    assert.equal(typeof line.responseTime, 'number');
    assert.ok(!log.lines.join('\n').includes(signedInSecret(cookie)));
  });
});

const signedInSecret = (cookieHeader: string) => cookieHeader.slice(cookieHeader.indexOf('=') + 1);
