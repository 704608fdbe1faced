/**
 * Errors as the API shows them: `{ "error": { "code", "message", "fields"? } }` with a stable
 * snake_case code that clients (and the elements' translations) key on. Handlers throw `ApiError`;
 * the error middleware turns anything else into a 4xx where the cause is the request (bad JSON,
 * too large) and a 500 with a generic message where it is us, logged with the request id.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';

// The common codes are part of the wire contract (contract/errors.ts), shared with the elements.
import { CommonErrors } from '../../contract/errors';
export { CommonErrors };

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  /** An error from a catalogue entry, e.g. `ApiError.of(CommonErrors, 'not_found')`. */
  static of<C extends Record<string, { status: number; message: string }>>(
    catalogue: C,
    code: keyof C & string,
    extra?: { fields?: FieldErrors; headers?: Record<string, string> },
  ): ApiError {
    const entry = catalogue[code]!;
    return new ApiError(entry.status, code, entry.message, extra?.fields, extra?.headers);
  }
}

/** SQLSTATEs and socket errors that mean "the database is not there", not "bad query". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '53300', // too_many_connections
  '57P01', // admin_shutdown: the backend was terminated (pg_terminate_backend, a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
]);

/**
 * Connection-level failures that carry no code: node-postgres's "Connection terminated
 * unexpectedly" (the server went away mid-query), "…due to connection timeout", "Client has
 * encountered a connection error and is not queryable" / "Client was closed…", pg-pool's "timeout
 * exceeded when trying to connect" and "Cannot use a pool after calling end on the pool", knex's
 * "Unable to acquire a connection" (its pool destroyed) and "Timeout acquiring a connection", and
 * PGlite's "PGlite is closed". Knex prefixes the SQL to a query's message, so these are searched
 * for, not matched whole.
 */
const CONNECTION_LOST =
  /Connection terminated|is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end|Unable to acquire a connection|Timeout acquiring a connection|PGlite is closed/;

/**
 * Whether `err` means the database cannot be reached right now (503 `database_unavailable`), as
 * opposed to a query that failed (500). An error with a code is judged by its code only, so a
 * constraint violation whose message quotes user data can never pass for a lost connection.
 * Looks through `cause` (a few levels), where wrappers keep the original.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const { code, name, message, cause } = err as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && code) {
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return true; // 08: connection_exception class
  } else if (name === 'KnexTimeoutError' || (typeof message === 'string' && CONNECTION_LOST.test(message))) {
    return true;
  }
  return isDatabaseUnavailable(cause, depth + 1);
}

/** body-parser marks its own failures with `type` and `status`; map them to stable codes. */
function fromBodyParser(err: { type?: unknown; status?: unknown }): ApiError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return ApiError.of(CommonErrors, 'invalid_json');
    case 'entity.too.large':
      return ApiError.of(CommonErrors, 'payload_too_large');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return ApiError.of(CommonErrors, 'unsupported_media_type');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return ApiError.of(CommonErrors, 'invalid_request');
    default:
      return undefined;
  }
}

/**
 * Errors Express's own parts raise with a 4xx `status` and no `type` — the router's "Failed to
 * decode param" for `/api/sessions/%ZZ`, body-parser's for a body that claims gzip but is not —
 * are the request's fault: the common code for that status, else `invalid_request`.
 */
const CODE_BY_STATUS: Record<number, keyof typeof CommonErrors> = {
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

function fromHttpStatus(err: { status?: unknown; statusCode?: unknown }): ApiError | undefined {
  const status = err.status ?? err.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  return ApiError.of(CommonErrors, CODE_BY_STATUS[status] ?? 'invalid_request');
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err && typeof err === 'object') {
    const parsed = fromBodyParser(err as { type?: unknown }) ?? fromHttpStatus(err as { status?: unknown });
    if (parsed) return parsed;
    if (isDatabaseUnavailable(err)) {
      return ApiError.of(CommonErrors, 'database_unavailable', { headers: { 'Retry-After': '5' } });
    }
  }
  return ApiError.of(CommonErrors, 'internal_error');
}

/** 404 JSON for any address no route claimed. */
export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(ApiError.of(CommonErrors, 'not_found'));
};

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const apiError = toApiError(err);
  if (apiError.status >= 500) {
    // The cause goes to the log, with the request id the client was given, never to the client.
    req.log?.error({ err, reqId: req.id }, 'request failed');
  }
  if (apiError.headers) res.set(apiError.headers);
  res.status(apiError.status).json(errorBody(apiError));
};

/** The body of an error answer. */
export function errorBody(apiError: ApiError): { error: { code: string; message: string; fields?: FieldErrors } } {
  return {
    error: {
      code: apiError.code,
      message: apiError.message,
      ...(apiError.fields ? { fields: apiError.fields } : {}),
    },
  };
}
