/**
 * Hands a session from a hosted page (an emailed link's landing page) to the site page the user
 * came from: a single-use code goes in the URL fragment of the redirect — fragments never reach
 * servers or Referer headers — and the elements on that page exchange it for a session with
 * `POST /api/session/exchange`. The session is thus created by the site's own page, in whichever
 * transport it uses (a partitioned cookie must be set in that context).
 *
 * A code is a session for whoever presents it, so it must not sign in a browser that did not ask
 * (login CSRF: an attacker's own code in a link sent to a victim would sign the victim into the
 * attacker's account, replacing the victim's session). The code carries the hash of the browser key
 * the flow was started with (browser-binding.ts): the same browser gets its session at once; any
 * other is first told which account the code would sign in and must confirm, and until then the
 * code stays unused.
 */
import type { Knex } from 'knex';
import type { SecondFactorRequired } from '../../../contract/mfa';
import { SessionErrors, type AuthMethod, type ExchangeConfirmationRequired } from '../../../contract/sessions';
import type { User } from '../../../contract/users';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import type { Language } from '../../i18n';
import { consumeToken, issueToken, peekToken, type ConsumedToken } from '../one-time-tokens/one-time-tokens.queries';
import { findUserById, toPublicUser } from '../users/users.queries';
import { browserKeyHash, isSameBrowser } from './browser-binding';
import { allowedRedirect } from './redirects';
import type { RequestContext } from './request-context';
import type { ActiveSession, NewSession } from './sessions.queries';
import { passkeyOfSession, revokeSession } from './sessions.queries';
import { completeSignIn } from './sign-in';

export type HandOverFlow = 'email_verification' | 'password_reset' | 'magic_link' | 'invitation' | 'oauth' | 'sign_in';

/**
 * Where an emailed link sends the browser once it is used: the page that asked for it, with a
 * hand-over code, or — when no page asked — the link's language, for the hosted "done" page;
 * undefined when the link could not be used (expired, or meanwhile used by a parallel request).
 */
export type LinkLanding = { handOverUrl: string } | { language: Language | undefined } | undefined;

/**
 * Uses up an emailed link's token and does the link's work (`work`: prove the address, set the
 * new password…) in the same transaction, so a link does its work exactly once; then hands a
 * session over to the page that asked for the link, signed in by `method`.
 */
export async function redeemEmailedLink(
  services: Services,
  link: { purpose: 'email_verification' | 'password_reset'; token: unknown; method: AuthMethod },
  work: (trx: Knex.Transaction, used: ConsumedToken) => Promise<unknown>,
): Promise<LinkLanding> {
  const { db } = services;
  const consumed = await db.knex.transaction(async (trx) => {
    const used = await consumeToken(trx, link.purpose, link.token);
    if (used) await work(trx, used);
    return used;
  });
  if (!consumed) return undefined;
  const { userId, redirectUrl, data, language } = consumed;
  if (!redirectUrl) return { language };
  const flow = link.purpose;
  return {
    handOverUrl: await handOverUrl(db.knex, {
      userId,
      method: link.method,
      flow,
      redirectUrl,
      browserKeyHash: data.browserKeyHash,
    }),
  };
}

/**
 * The site page to send the browser to, with a fresh hand-over code in its fragment. `passkeyId`:
 * the sign-in handed over was made with that passkey, and so is the session the code makes — which
 * removing the passkey then ends, as it ends the sign-in's own (passkeys.service.ts).
 */
export async function handOverUrl(
  db: Knex | Knex.Transaction,
  {
    userId,
    method,
    flow,
    redirectUrl,
    browserKeyHash,
    passkeyId = null,
  }: {
    userId: string;
    method: AuthMethod;
    flow: HandOverFlow;
    redirectUrl: string;
    browserKeyHash: unknown;
    passkeyId?: string | null;
  },
): Promise<string> {
  const data = {
    method,
    flow,
    browserKeyHash: typeof browserKeyHash === 'string' ? browserKeyHash : null,
    ...(passkeyId ? { passkeyId } : {}),
  };
  const code = await issueToken(db, { userId, purpose: 'session_exchange', data });
  const url = new URL(redirectUrl);
  url.hash = new URLSearchParams({ acct_code: code, acct_flow: flow }).toString();
  return url.toString();
}

/**
 * acct's hosted sign-in page (`GET /login`) signed the user in on acct's origin: hands that sign-in
 * to the site page `redirectUrl` (allowlisted) with a code bound to the site page's browser key,
 * and ends the hosted page's session — the hosted page is a way through, not a second place to be
 * signed in (signing out on the site must sign the user out). The hosted sign-in is the one the
 * login history records: its session ends without a sign-out line, and the exchange on the site
 * page records no second sign-in. Returns the URL to go to.
 */
export async function handOverSession(
  services: Services,
  session: ActiveSession,
  { redirectUrl, browserKey }: { redirectUrl: string; browserKey?: string | undefined },
): Promise<string> {
  const target = allowedRedirect(redirectUrl, services.config.redirectAllowlist)!;
  const url = await handOverUrl(services.db.knex, {
    userId: session.userId,
    method: session.method ?? 'password',
    flow: 'sign_in',
    redirectUrl: target,
    browserKeyHash: browserKeyHash(browserKey),
    passkeyId: await passkeyOfSession(services.db.knex, session.id),
  });
  await revokeSession(services.db.knex, session.id);
  return url;
}

export type ExchangeResult =
  | { status: 'signed_in'; user: User; session: NewSession; method: AuthMethod }
  | ExchangeConfirmationRequired
  | SecondFactorRequired;

/**
 * Trades a hand-over code for a session when the code's flow was started by this browser or the
 * user has confirmed; otherwise says which account it would sign in, leaving the code unused.
 */
export async function exchangeCode(
  services: Services,
  { code, browserKey, confirm }: { code: string; browserKey?: string | undefined; confirm?: boolean | undefined },
  context: RequestContext,
): Promise<ExchangeResult> {
  const { db } = services;
  const peeked = await peekToken(db.knex, 'session_exchange', code);
  const user = peeked && (await findUserById(db.knex, peeked.userId));
  if (!peeked || !user) throw ApiError.of(SessionErrors, 'invalid_code');
  const flow = typeof peeked.data.flow === 'string' ? peeked.data.flow : 'magic_link';
  if (!confirm && !isSameBrowser(peeked.data.browserKeyHash, browserKey)) {
    return { status: 'confirmation_required', account: { email: user.email, displayName: user.display_name }, flow };
  }
  // Atomic: of twenty parallel exchanges of one code, one gets here (docs/security.md B1).
  if (!(await consumeToken(db.knex, 'session_exchange', code))) throw ApiError.of(SessionErrors, 'invalid_code');
  const method = (typeof peeked.data.method === 'string' ? peeked.data.method : 'magic_link') as AuthMethod;
  // A magic link, a reset link or an OAuth sign-in is a first factor: a user with a second
  // factor gets the second step here, in the page that exchanges the code (popup or redirect).
  const passkeyId = typeof peeked.data.passkeyId === 'string' ? peeked.data.passkeyId : undefined;
  const outcome = await completeSignIn(services, {
    user,
    method,
    context,
    passkeyId,
    movedFromHostedPage: flow === 'sign_in',
  });
  if (outcome.status === 'mfa_required') return outcome;
  return { status: 'signed_in', user: toPublicUser(user), session: outcome.session, method };
}
