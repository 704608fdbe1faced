/**
 * Structured logs with pino. Secrets stay out by construction: credentials-bearing headers are
 * redacted, and request URLs are logged without their query string, because one-time tokens
 * (magic links, resets) arrive in query strings and a log line must never hold one (SECURITY.md C4).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { pinoHttp } from 'pino-http';

export type { Logger };

/** Paths under any logged object that may carry a credential. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-acct-site-secret"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
];

export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}

const withoutQuery = (url: string | undefined) => (url ?? '').split('?')[0];

/** Per-request logging with a request id, echoed to the client as `X-Request-Id`. */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel(_req, res, err) {
      if (err || res.statusCode >= 500) return 'error';
      return 'info';
    },
    serializers: {
      req: (req: { id: unknown; method: string; url?: string; headers: Record<string, unknown> }) => ({
        id: req.id,
        method: req.method,
        url: withoutQuery(req.url),
        origin: req.headers.origin,
        userAgent: req.headers['user-agent'],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
