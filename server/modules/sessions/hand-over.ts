/**
 * Hands a session from a hosted page (an emailed link's landing page) to the site page the user
 * came from: a single-use code valid for two minutes goes in the URL fragment of the redirect —
 * fragments never reach servers or Referer headers — and the elements on that page exchange it
 * for a session with `POST /api/session/exchange`. The session is thus created by the site's own
 * page, in whichever transport it uses (a partitioned cookie must be set in that context).
 */
import type { Knex } from 'knex';
import type { AuthMethod } from '../login-history/login-history';
import { issueToken } from '../one-time-tokens/one-time-tokens';

export type HandOverFlow = 'email_verification' | 'password_reset' | 'magic_link' | 'invitation';

export async function handOverUrl(
  db: Knex,
  { userId, method, flow, redirectUrl }: { userId: string; method: AuthMethod; flow: HandOverFlow; redirectUrl: string },
): Promise<string> {
  const code = await issueToken(db, { userId, purpose: 'session_exchange', data: { method } });
  const url = new URL(redirectUrl);
  url.hash = new URLSearchParams({ acct_code: code, acct_flow: flow }).toString();
  return url.toString();
}
