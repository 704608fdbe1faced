/**
 * Error codes every route may answer with. Each module's own codes live in its area file of this
 * folder (`SessionErrors` in sessions.ts, …); index.ts joins them all into `ERROR_CATALOGUE`,
 * which the elements' translation test walks so that no code goes untranslated.
 */
import type { ErrorCatalogue } from './wire.js';

export const CommonErrors = {
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  invalid_request: { status: 400, message: 'Some fields are missing or invalid.' },
  too_deeply_nested: { status: 400, message: 'The request body is nested too deeply.' },
  unsupported_media_type: { status: 415, message: 'Send the request body as application/json.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  headers_too_large: { status: 431, message: 'The request headers (or its address) are too large.' },
  malformed_request: { status: 400, message: 'The request is not valid HTTP.' },
  request_timeout: { status: 408, message: 'The request took too long to arrive.' },
  not_found: { status: 404, message: 'There is nothing at this address.' },
  method_not_allowed: { status: 405, message: 'This address does not accept that method.' },
  forbidden_origin: { status: 403, message: 'Requests from this origin are not allowed.' },
  database_unavailable: { status: 503, message: 'The database is unavailable; try again shortly.' },
  starting: { status: 503, message: 'The server is starting; try again in a moment.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies ErrorCatalogue;

/** A rate limit answered: wait `Retry-After` seconds. */
export const RateLimitErrors = {
  too_many_requests: { status: 429, message: 'Too many attempts. Wait a moment and try again.' },
} as const satisfies ErrorCatalogue;

/** The CSRF guard's refusals (docs/security.md, CSRF). */
export const CsrfErrors = {
  forbidden_origin: CommonErrors.forbidden_origin,
  json_required: { status: 403, message: 'State-changing requests must send a JSON body.' },
} as const satisfies ErrorCatalogue;

/** The refusal of the routes for the site's backend (`Authorization: Bearer <ACCT_SITE_SECRET>`). */
export const SiteSecretErrors = {
  site_secret_required: { status: 401, message: 'Send the site secret as `Authorization: Bearer <ACCT_SITE_SECRET>`.' },
} as const satisfies ErrorCatalogue;

/**
 * The recent-proof rule (docs/security.md F3): a sensitive change needs a sign-in or a
 * re-authentication at most ten minutes old. Every area that guards a change shares this one code,
 * which the elements answer with their re-authentication dialog (widgets/src/elements/reauth-dialog/reauth-dialog.ts).
 */
export const RecentProofErrors = {
  reauthentication_required: { status: 403, message: 'For your security, confirm it is you to continue.' },
} as const satisfies ErrorCatalogue;
