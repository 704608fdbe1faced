/**
 * Where an emailed link may send the user back to: only pages on the origins in
 * ACCT_REDIRECT_ALLOWLIST (default: the allowed origins), so acct's links cannot be turned into
 * an open redirect that lends our name to a phishing page.
 */
import { ApiError, CommonErrors } from '../../http/errors';

/**
 * The URL without its fragment, if its origin is allowed; throws 400 otherwise, naming `field`, the
 * request's own name for it. Undefined stays undefined.
 */
export function allowedRedirect(
  url: string | undefined,
  allowlist: readonly string[],
  field = 'redirectUrl',
): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw ApiError.of(CommonErrors, 'invalid_request', { fields: { [field]: 'invalid_url' } });
  }
  if (!allowlist.includes(parsed.origin)) {
    throw ApiError.of(CommonErrors, 'invalid_request', { fields: { [field]: 'redirect_not_allowed' } });
  }
  parsed.hash = '';
  return parsed.toString();
}

/**
 * The page to return to after an emailed link: the one the request names (checked as above), else
 * the asking page's origin when it is allowed, else the first allowed origin.
 */
export function returnAddress(
  requested: string | undefined,
  origin: string | undefined,
  allowlist: readonly string[],
  field = 'redirectUrl',
): string {
  const fallback = origin && allowlist.includes(origin) ? `${origin}/` : `${allowlist[0]}/`;
  return allowedRedirect(requested, allowlist, field) ?? fallback;
}
