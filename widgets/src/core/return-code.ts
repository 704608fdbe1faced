/**
 * The way back from an emailed link: the server's hosted page (verify the address, choose a new
 * password) redirects to the page that asked for the mail with `#acct_code=…&acct_flow=…` in the
 * fragment. The fragment never reaches any server, so the code is seen only by this page, which
 * trades it for a session (`POST /api/session/exchange`), sending this browser's key
 * (browser-key.ts): the server signs in at once only when the flow was started with that key, and
 * otherwise answers `confirmation_required` — the code still unused — so that the session store
 * asks the user before signing in an account this browser never asked a link for (login CSRF).
 */
import type { SignedIn } from '../../../contract/auth.js';
import type { SecondFactorRequired } from '../../../contract/mfa.js';
import type { User } from '../../../contract/users.js';
import type { ExchangeAnswer, ExchangeSignedIn } from '../../../contract/sessions.js';

export interface ReturnCode {
  code: string;
  /** `email_verification`, `password_reset` or `magic_link`. */
  flow: string;
}

/**
 * Takes the parameters `names` out of the address's fragment and returns their values (null for
 * one that is not there); null when none of them is there. Taking is what makes an answer carried
 * back in the fragment (this code, a linked account's, a connected app's) once per page: a second
 * call finds nothing. Other fragment parameters (a host page's own `#section`) are left as they were.
 */
export function takeFromFragment<Name extends string>(...names: Name[]): Record<Name, string | null> | null {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!names.some((name) => params.has(name))) return null;
  const taken = Object.fromEntries(names.map((name) => [name, params.get(name)])) as Record<Name, string | null>;
  names.forEach((name) => params.delete(name));
  const rest = params.toString();
  // replaceState rather than `location.hash = …`: no history entry to go back to the code, no
  // hashchange or scroll, and the code leaves the address bar before anything can copy it
  // (a bookmark, a shared link, a screenshot).
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return taken;
}

/** Takes the code out of the address bar and returns it; null when the page was not opened from an emailed link. */
export function takeReturnCode(): ReturnCode | null {
  const taken = takeFromFragment('acct_code', 'acct_flow');
  return taken?.acct_code ? { code: taken.acct_code, flow: taken.acct_flow ?? '' } : null;
}

/** The user of a sign-in's answer; null when it waits for the second factor (the store keeps that). */
export function userOf(answer: SignedIn | SecondFactorRequired): User | null {
  return 'user' in answer ? answer.user : null;
}

/** Whether an exchange signed in (a server older than the confirmation answered `{user, session}` alone). */
export function exchangeSignedIn(answer: ExchangeAnswer | SignedIn): answer is ExchangeSignedIn | SignedIn {
  return 'status' in answer ? answer.status === 'signed_in' : Boolean(answer.user && answer.session);
}
