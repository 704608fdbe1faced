/**
 * Errors as the API shows them: `{ "error": { "code", "message", "fields"? } }` with a stable
 * snake_case code that clients (and the elements' translations) key on. Handlers throw `ApiError`;
 * the error middleware turns anything else into a 4xx where the cause is the request (bad JSON,
 * too large) and a 500 with a generic message where it is us, logged with the request id.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';

/** Codes every module may answer with. Modules add their own catalogues beside their routes. */
export const CommonErrors = {
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  invalid_request: { status: 400, message: 'Some fields are missing or invalid.' },
  too_deeply_nested: { status: 400, message: 'The request body is nested too deeply.' },
  unsupported_media_type: { status: 415, message: 'Send the request body as application/json.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  not_found: { status: 404, message: 'There is nothing at this address.' },
  method_not_allowed: { status: 405, message: 'This address does not accept that method.' },
  forbidden_origin: { status: 403, message: 'Requests from this origin are not allowed.' },
  database_unavailable: { status: 503, message: 'The database is unavailable; try again shortly.' },
  starting: { status: 503, message: 'The server is starting; try again in a moment.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

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

/** SQLSTATE classes and socket errors that mean "the database is not there", not "bad query". */
function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03'].includes(code) ||
    code.startsWith('08') // connection_exception class
  );
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
  res.status(apiError.status).json({
    error: {
      code: apiError.code,
      message: apiError.message,
      ...(apiError.fields ? { fields: apiError.fields } : {}),
    },
  });
};
