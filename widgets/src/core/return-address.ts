/**
 * Where a user comes back to after leaving the page: the address emailed links and the hosted
 * sign-in page return to. A module of its own, apart from return-code.ts (what the page does with
 * the code it comes back with), because the loader exports `hostedLoginUrl` and carries this
 * module: a page with acct.js and no element downloads nothing else of the sign-in's code.
 */
import { browserKey } from './browser-key.js';

/** The address emailed links should come back to: `redirect` resolved against the page, else this page, without its fragment. */
export function returnAddress(redirect?: string | null): string {
  const url = new URL(redirect?.trim() || location.href, document.baseURI);
  url.hash = '';
  return url.href;
}

/**
 * The address of acct's hosted sign-in page (`GET /login`), for a site that links to it rather
 * than embedding `<acct-login>`: the user comes back to `returnTo` (default: this page) signed in,
 * without being asked, because this browser's key for `serverUrl` goes along (browser-key.ts).
 */
export function hostedLoginUrl(serverUrl: string, returnTo: string = returnAddress()): string {
  const url = new URL(`${serverUrl.replace(/\/+$/, '')}/login`);
  url.search = new URLSearchParams({ return_to: returnTo, browserKey: browserKey(serverUrl) }).toString();
  return url.href;
}
