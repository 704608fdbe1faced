/**
 * Requests Node's HTTP parser refuses before Express sees them get acct's error shape with a
 * stable code, not Node's empty 431/400: oversized headers and URLs, `Content-Length` with
 * `Transfer-Encoding` (smuggling), a request line that is not HTTP, and headers that arrive too
 * late; an answer under way on the connection is never interleaved with one.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../start';
import { describeOnEachDatabase } from '../testing/databases';
import { startTestServer } from '../testing/test-server';
import { answerUnparsableRequests } from './unparsable-requests';

/** Writes `request` as raw bytes and reads everything the server sends until it closes. */
function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
    socket.on('error', reject);
  });
}

/** The status line, the headers (lowercase names) and the JSON body of one raw answer. */
function parsed(raw: string): { status: number; headers: Record<string, string>; body: unknown } {
  const [head, body = ''] = raw.split('\r\n\r\n');
  const [statusLine, ...lines] = head!.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine!.split(' ')[1]), headers, body: JSON.parse(body) };
}

function assertRefused(raw: string, status: number, code: string): void {
  const answer = parsed(raw);
  assert.equal(answer.status, status, raw.slice(0, 200));
  assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8');
  assert.equal(answer.headers.connection, 'close');
  assert.deepEqual(Object.keys((answer.body as { error: object }).error), ['code', 'message']);
  assert.equal((answer.body as { error: { code: string } }).error.code, code);
}

describe('requests the HTTP parser refuses', () => {
  let server: Server;
  let port: number;
  before(async () => {
    server = createServer((_req, res) => res.end('ok'));
    answerUnparsableRequests(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers headers or an address over 16 KiB with 431 headers_too_large', async () => {
    const cookie = `Cookie: ${'a=b; '.repeat(4000)}\r\n`;
    assertRefused(await exchange(port, `GET / HTTP/1.1\r\nHost: x\r\n${cookie}\r\n`), 431, 'headers_too_large');
    assertRefused(
      await exchange(port, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
      431,
      'headers_too_large',
    );
  });

  it('answers Content-Length beside Transfer-Encoding, and what is not HTTP, with 400 malformed_request', async () => {
    const smuggling =
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /admin HTTP/1.1\r\n\r\n';
    assertRefused(await exchange(port, smuggling), 400, 'malformed_request');
    assertRefused(await exchange(port, 'HELLO THERE\r\n\r\n'), 400, 'malformed_request');
    assertRefused(await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n'), 400, 'malformed_request');
  });

  it('answers the request before a malformed one on the same connection in full, and writes nothing into it', async () => {
    // Its answer is under way when the parser meets the bytes after it: the connection just closes.
    const raw = await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\nNOT HTTP\r\n\r\n');
    assert.match(raw, /^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\nok$/);
  });

  it('answers headers that came too late with 408 request_timeout', () => {
    // Node raises it only after headersTimeout (60 s) on its 30 s check: the error is handed in as Node would.
    const socket = new PassThrough();
    const written: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => written.push(chunk));
    const timeout = Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
    server.emit('clientError', timeout, socket);
    assertRefused(Buffer.concat(written).toString(), 408, 'request_timeout');
  });

  it('writes nothing into an answer already under way, nor to a client that left', () => {
    for (const [socket, code] of [
      [Object.assign(new PassThrough(), { _httpMessage: { headersSent: true } }), 'HPE_INVALID_METHOD'],
      [new PassThrough(), 'ECONNRESET'],
    ] as const) {
      const written: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => written.push(chunk));
      server.emit('clientError', Object.assign(new Error('refused'), { code }), socket);
      assert.equal(written.length, 0, code);
      assert.equal(socket.destroyed, true, code);
    }
  });
});

describeOnEachDatabase('the acct server, for requests the HTTP parser refuses', (getDb) => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer(getDb());
  });
  after(() => server.close());

  it('answers in its error shape', async () => {
    const raw = await exchange(
      server.port,
      `GET /api/session HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    assertRefused(raw, 431, 'headers_too_large');
  });
});
