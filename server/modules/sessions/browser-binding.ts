/**
 * Binding an emailed flow to the browser that started it (issue 8, login CSRF through the
 * hand-over code). The elements keep one random key per acct server in the site's localStorage
 * and send it as `browserKey` with every request that mails a link (sign-up, sign-in of an
 * unconfirmed account, resend, forgotten password, magic link). Its hash travels with the flow —
 * the link, then the hand-over code — and the exchange compares it with the key of the page that
 * presents the code. A match means this browser asked for the link, so the session may be handed
 * over at once; anything else (the link opened on another device, or an attacker's own code sent
 * to a victim) must be confirmed by the user first, who is shown which account it would sign in.
 */
import { constantTimeEqual, hashToken } from '../../security/tokens';

/** The optional `browserKey` field of the requests that start an emailed flow. */
export { browserKeyField } from '../../../contract/fields';

/** What is stored with the flow: the key's SHA-256, or null when the request sent none. */
export function browserKeyHash(browserKey: string | undefined): string | null {
  return browserKey ? hashToken(browserKey) : null;
}

/** True when `browserKey` is the key whose hash the flow stored. */
export function isSameBrowser(storedHash: unknown, browserKey: string | undefined): boolean {
  return (
    typeof storedHash === 'string' && browserKey !== undefined && constantTimeEqual(storedHash, hashToken(browserKey))
  );
}
