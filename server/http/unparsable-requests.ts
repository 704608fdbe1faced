/**
 * The answer to a request Node's HTTP parser refuses before Express sees it: headers over 16 KiB
 * (a site's cookies can grow that large), a URL as long, `Content-Length` beside
 * `Transfer-Encoding` (request smuggling), a request line that is not HTTP, or headers that do not
 * arrive within `headersTimeout`. Node would answer 431, 400 or 408 with an empty body; acct
 * answers the same statuses in its one error shape (errors.ts), with a stable code, so that a
 * client or a log reader learns what went wrong. The connection is closed after it: the parser
 * cannot tell where the next request would begin.
 */
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError, CommonErrors, errorBody } from './errors';

/** The parser's error code → acct's. Anything else the parser refuses is `malformed_request`. */
const CODES: Record<string, keyof typeof CommonErrors> = {
  HPE_HEADER_OVERFLOW: 'headers_too_large',
  ERR_HTTP_REQUEST_TIMEOUT: 'request_timeout',
};

/** Node keeps the response being written on the socket; one already begun must not be interleaved. */
type ServerSocket = Duplex & { _httpMessage?: { headersSent: boolean } | null };

export function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: ServerSocket) => {
    // The client left, or a response of an earlier request on this connection is under way: any
    // bytes now would corrupt what the client reads (Node's own handler does the same).
    if (err.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const apiError = ApiError.of(CommonErrors, CODES[err.code ?? ''] ?? 'malformed_request');
    const body = JSON.stringify(errorBody(apiError));
    socket.end(
      [
        `HTTP/1.1 ${apiError.status} ${STATUS_CODES[apiError.status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
