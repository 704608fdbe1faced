/**
 * Structured logs with pino. Secrets stay out by construction: credentials-bearing headers are
 * redacted, and request URLs are logged without their query string, because one-time tokens
 * (magic links, resets) arrive in query strings and a log line must never hold one (docs/security.md C4).
 *
 * The per-request logger is ours rather than pino-http's: pino-http builds a child logger and
 * serialises the request up front on every request, even when nothing will be logged, which the
 * benchmark measured at about a quarter of a session check's CPU. Here a request costs an id and,
 * only when `info` is enabled, one line when the answer is sent.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

declare global {
  // Express's request type can only be extended through its global namespace.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The request's id, also sent to the client as `X-Request-Id`. */
      id: string;
      /** The server's logger; put `reqId: req.id` in what you log about a request. */
      log: Logger;
    }
  }
}

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

const withoutQuery = (url: string) => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

/** What one answered request's log line is made of. */
export interface Answered {
  id: string;
  method: string | undefined;
  /** The URL as requested; its query string is left out of the line. */
  url: string;
  origin: string | undefined;
  userAgent: string | undefined;
  statusCode: number;
  /** `process.hrtime.bigint()` when the request arrived. */
  started: bigint;
}

/**
 * The line logged for each answer, at `info` (at `error` for a 5xx). Shared by `requestLogger` and
 * the session check answered ahead of Express (modules/sessions/direct-session-check.ts).
 */
export function logAnswer(logger: Logger, answered: Answered): void {
  const line = {
    req: {
      id: answered.id,
      method: answered.method,
      url: withoutQuery(answered.url),
      origin: answered.origin,
      userAgent: answered.userAgent,
    },
    res: { statusCode: answered.statusCode },
    responseTime: Number(process.hrtime.bigint() - answered.started) / 1e6,
  };
  logger[answered.statusCode >= 500 ? 'error' : 'info'](line, 'request completed');
}

/** Gives each request an id (echoed as `X-Request-Id`) and logs one line per answer. */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = randomUUID();
    req.id = id;
    req.log = logger;
    res.setHeader('X-Request-Id', id);
    // Checked per request, so a level changed at run time takes effect.
    if (logger.isLevelEnabled('info')) {
      const started = process.hrtime.bigint();
      res.once('finish', () =>
        logAnswer(logger, {
          id,
          method: req.method,
          url: req.originalUrl,
          origin: req.headers.origin,
          userAgent: req.headers['user-agent'],
          statusCode: res.statusCode,
          started,
        }),
      );
    }
    next();
  };
}
