/**
 * Where an emailed link may send the user back to: only pages on the origins in
 * ACCT_REDIRECT_ALLOWLIST (default: the allowed origins), so acct's links cannot be turned into
 * an open redirect that lends our name to a phishing page.
 */
import { ApiError, CommonErrors } from '../../http/errors';

/** The URL without its fragment, if its origin is allowed; throws 400 otherwise. Undefined stays undefined. */
export function allowedRedirect(url: string | undefined, allowlist: readonly string[]): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw ApiError.of(CommonErrors, 'invalid_request', { fields: { redirectUrl: 'invalid_url' } });
  }
  if (!allowlist.includes(parsed.origin)) {
    throw ApiError.of(CommonErrors, 'invalid_request', { fields: { redirectUrl: 'redirect_not_allowed' } });
  }
  parsed.hash = '';
  return parsed.toString();
}
