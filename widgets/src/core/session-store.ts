/**
 * The session store every acct element on a page shares (docs/architecture.md §7, "Elements"): one per server,
 * holding the server's settings and who is signed in (session-state.ts keeps that, and tells the
 * subscribed elements and the other tabs of every change), doing the sign-in (password, passkey),
 * sign-up, sign-out and emailed-link calls, so that signing in with `<acct-login>` updates
 * `<acct-sessions>` and `<acct-user-button>` without a reload.
 *
 * - Start-up (once per store, on the first element that connects): it takes an emailed link's
 *   `#acct_code` out of the address bar and exchanges it for a session, rotates a bearer token it
 *   kept in sessionStorage, and reads `GET /api/session` (which answers "nobody" with a 200, so a
 *   signed-out page logs no failed request).
 * - Login CSRF: every request that starts an emailed flow carries this browser's key
 *   (browser-key.ts), and so does the exchange. A code from a flow started elsewhere never signs
 *   in or replaces a session silently: once the page shows its current state, the store asks in a
 *   modal dialog (`<acct-hand-over>`) and exchanges again, confirmed, only on Continue.
 * - Other tabs: after signing in or out it posts a bare "changed" on the BroadcastChannel
 *   `acct:<server>`; a tab that hears it re-reads the session. Never the token: a bearer token stays
 *   in the tab that owns it (memory and that tab's sessionStorage).
 * - Other devices: while someone is signed in, the session is re-checked when the page is looked
 *   at again and every minute while it is visible (session-watch.ts). A session found gone that
 *   this page did not end is reported as `signedOutReason` (`revoked`, or `expired`), which the
 *   elements explain ("You were signed out on another device").
 * - The bearer transport: the token comes in the body of sign-in, sign-up, exchange and refresh
 *   answers and goes out as `Authorization: Bearer`; cookie transports never see a token.
 */
import type { AuthenticationResponseJSON } from '@simplewebauthn/browser';
import { ApiError, type ClientConfig, type RequestOptions } from './api-client.js';
import type {
  MagicLinkSent,
  MagicLinkStatus,
  PasswordChanged,
  ResetSent,
  SignedIn,
  VerificationSent,
} from '../../../contract/auth.js';
import type { SecondFactorRequired } from '../../../contract/mfa.js';
import type { ExchangeAnswer, ExchangeConfirmationRequired } from '../../../contract/sessions.js';
import { browserKey } from './browser-key.js';
import { exchangeSignedIn, takeReturnCode, type ReturnCode } from './return-code.js';
import { SessionState } from './session-state.js';
import type {
  ChangeCause,
  Presenter,
  ReturnedFrom,
  SessionStatus,
  SignedOutReason,
  SignUpResult,
  StoreListener,
} from './session-types.js';

export type { ChangeCause, Presenter, ReturnedFrom, SessionStatus, SignedOutReason, SignUpResult, StoreListener };

export class SessionStore extends SessionState {
  private started: Promise<void> | null = null;
  private configLoad: Promise<ClientConfig> | null = null;
  private presenter: Presenter | null = null;
  private proving: Promise<boolean> | null = null;

  /**
   * Asks the user to prove it is them again (`<acct-reauth-dialog>`), for a request the server
   * refused with `reauthentication_required`; true once proved. Requests refused together share
   * one dialog, and are all retried after it.
   */
  reauthenticate(lang?: string): Promise<boolean> {
    // The dialog is a chunk of its own, fetched the first time it is needed: most pages never are.
    this.proving ??= import('../elements/reauth-dialog/reauth-dialog.js')
      .then(({ askReauthentication }) =>
        askReauthentication({
          api: this.api,
          lang: lang || this.presenter?.lang || '',
          theme: this.presenter?.theme ?? 'light',
        }),
      )
      .finally(() => (this.proving = null));
    return this.proving;
  }

  /**
   * The server's public settings (`GET /api/config`), fetched once per page and shared by every
   * element; a failed fetch is forgotten, so that "Try again" asks again. When the page's origin
   * is not allowed, the console says how to fix it, once: the elements show only a plain message
   * outside development, and this is where the site's developer looks.
   */
  config(): Promise<ClientConfig> {
    this.configLoad ??= this.api.getConfig().then(
      (config) => {
        if (!config.originAllowed) console.error(originNotAllowed(this.serverUrl));
        return config;
      },
      (error: unknown) => {
        this.configLoad = null;
        throw error;
      },
    );
    return this.configLoad;
  }

  /**
   * Loads the session the first time it is called; later calls return the same promise.
   * `presenter`: the element starting it, whose language and theme a hand-over prompt takes.
   */
  start(presenter?: Presenter): Promise<void> {
    this.presenter ??= presenter ?? null;
    this.started ??= this.load();
    return this.started;
  }

  /** This browser's key for the server, sent with every request that starts an emailed flow and with the exchange. */
  get browserKey(): string {
    return this.siteBrowserKey || browserKey(this.serverUrl);
  }

  /**
   * On acct's hosted sign-in page only (`<acct-login hand-over-key>`, GET /login): the browser key
   * of the site page that the flows started here come back to, sent instead of this origin's own,
   * so that the site page's exchange signs in without asking. Null elsewhere.
   */
  siteBrowserKey: string | null = null;

  /**
   * `redirectUrl`: where the confirmation link goes back to, should the server find the address
   * unconfirmed and mail a new one; `options.lang`: the language of that mail (the asking element's).
   */
  async signIn(
    credentials: { email: string; password: string; redirectUrl?: string },
    options?: RequestOptions,
  ): Promise<SignedIn | SecondFactorRequired> {
    // The browser key too: an unconfirmed address gets a new confirmation link from this request.
    const answer = await this.api.call(
      'POST /api/auth/sign-in',
      { body: { ...credentials, browserKey: this.browserKey } },
      options,
    );
    this.adoptOrWait(answer, 'sign-in');
    return answer;
  }

  /** Finishes a passkey sign-in: the server checks the browser's assertion and starts a session (or asks for the second factor). */
  async signInWithPasskey(response: AuthenticationResponseJSON): Promise<SignedIn | SecondFactorRequired> {
    const answer = await this.api.call('POST /api/passkeys/authenticate/verify', { body: { response } });
    this.adoptOrWait(answer, 'sign-in');
    return answer;
  }

  /** The second step of a sign-in that `secondFactor` holds: a code from the authenticator app, or a recovery code. */
  async verifySecondFactor(proof: { code: string } | { recoveryCode: string }): Promise<SignedIn> {
    const pending = this.secondFactor;
    if (!pending) throw new ApiError('mfa_challenge_expired', 400, 'This sign-in has expired. Sign in again.');
    try {
      const answer = await this.api.call('POST /api/auth/mfa/verify', {
        body: { mfaToken: pending.mfaToken, ...proof },
      });
      this.secondFactor = null;
      this.adopt(answer, 'sign-in');
      return answer;
    } catch (error) {
      // Expired, used, or ended by too many wrong codes: the user starts again from the first factor.
      if (error instanceof ApiError && error.code === 'mfa_challenge_expired') this.cancelSecondFactor();
      throw error;
    }
  }

  /** Drops the waiting sign-in ("Start over"). */
  cancelSecondFactor(): void {
    if (!this.secondFactor) return;
    this.secondFactor = null;
    this.set(this.status, 'sign-in');
  }

  /** Mails a sign-in link that comes back to `redirectUrl`; the answer is the same for any address. */
  requestMagicLink(email: string, redirectUrl: string, options?: RequestOptions): Promise<MagicLinkSent> {
    return this.api.call(
      'POST /api/auth/magic-link',
      { body: { email, redirectUrl, browserKey: this.browserKey } },
      options,
    );
  }

  /** Whether the link was used yet (by this browser or any other). */
  async magicLinkStatus(linkId: string, options?: RequestOptions): Promise<MagicLinkStatus> {
    const answer = await this.api.call('GET /api/auth/magic-link/:id/status', { params: { id: linkId } }, options);
    return answer.status;
  }

  async signUp(
    details: { email: string; password: string; displayName?: string; redirectUrl?: string },
    options?: RequestOptions,
  ): Promise<SignUpResult> {
    const answer = await this.api.call(
      'POST /api/auth/sign-up',
      { body: { ...details, browserKey: this.browserKey } },
      options,
    );
    if ('user' in answer) {
      this.adopt({ user: answer.user, session: answer.session }, 'sign-up');
      return { user: answer.user, verificationRequired: false };
    }
    return { user: null, verificationRequired: true };
  }

  /** Ends the session on the server, then here and in the other tabs. */
  async signOut(): Promise<void> {
    try {
      await this.api.call('POST /api/auth/sign-out');
    } catch (error) {
      // Already signed out on the server (revoked, expired): signing out here is still right.
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    this.forget('sign-out');
    this.broadcast();
  }

  /**
   * Trades an emailed link's one-time code for a session, with this browser's key. It signs in
   * (and `before` sees the answer before anyone is told) when this browser started the link's
   * flow, or with `confirm` (the user said so); otherwise the answer is `confirmation_required`,
   * nothing changes, and the code stays good for a confirmed exchange.
   */
  async exchangeCode(
    code: string,
    { confirm = false, before }: { confirm?: boolean; before?: (answer: SignedIn) => void } = {},
  ): Promise<ExchangeAnswer | SignedIn> {
    const body = { code, browserKey: this.browserKey, ...(confirm ? { confirm: true } : {}) };
    const answer = await this.api.call('POST /api/session/exchange', { body });
    if (exchangeSignedIn(answer)) {
      before?.(answer);
      this.adopt(answer, 'exchange');
    } else if (answer.status === 'mfa_required') {
      this.adoptOrWait(answer, 'exchange');
    }
    return answer;
  }

  requestPasswordReset(email: string, redirectUrl: string, options?: RequestOptions): Promise<ResetSent> {
    return this.api.call(
      'POST /api/auth/password/forgot',
      { body: { email, redirectUrl, browserKey: this.browserKey } },
      options,
    );
  }

  resendVerification(email: string, redirectUrl: string, options?: RequestOptions): Promise<VerificationSent> {
    return this.api.call(
      'POST /api/auth/verification/resend',
      { body: { email, redirectUrl, browserKey: this.browserKey } },
      options,
    );
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<PasswordChanged> {
    return this.api.call('POST /api/auth/password/change', { body: { currentPassword, newPassword } });
  }

  private async load(): Promise<void> {
    this.listen();
    this.watch.start();
    const returned = takeReturnCode();
    const exchanged = returned ? await this.exchangeReturned(returned) : null;
    if (exchanged && exchangeSignedIn(exchanged)) return;
    if (this.token) await this.rotateToken();
    await this.refresh('load');
    // Asked once the page shows who (if anyone) is signed in here, on top of it; `start()` does not
    // wait for the answer, which may take a while.
    if (returned && exchanged && 'status' in exchanged && exchanged.status === 'confirmation_required') {
      void this.confirmHandOver(returned, exchanged);
    }
  }

  /**
   * Exchanges the page's code; null when it was refused, which `returnedFrom` keeps for the
   * elements to explain (`invalid_code`: used, expired or unknown).
   */
  private async exchangeReturned(
    { code, flow }: ReturnCode,
    { confirm = false } = {},
  ): Promise<ExchangeAnswer | SignedIn | null> {
    try {
      const answer = await this.exchangeCode(code, {
        confirm,
        // Set before the exchange notifies, so elements re-rendering for it already see where the
        // page came from, and how it signed the user in (`<acct-login offer-passkey>` reads it once).
        before: (answer) =>
          (this.returnedFrom = { flow, method: typeof answer.method === 'string' ? answer.method : null, error: null }),
      });
      // The link's page (often the site's destination) may have no <acct-login> to take the second
      // step: a dialog of its own then does, fetched only now.
      if (this.secondFactor)
        void import('../elements/login/second-step-dialog.js').then((m) => m.askSecondStep(this, this.presenter));
      return answer;
    } catch (error) {
      this.returnedFrom = {
        flow,
        method: null,
        error: error instanceof ApiError ? error : new ApiError('unknown', 0, String(error)),
      };
      if (confirm) this.set(this.status, 'exchange');
      return null;
    }
  }

  /**
   * A link whose flow this browser did not start: another device of the user's, or an attacker's
   * own link sent to them to sign them into the attacker's account (login CSRF). Continue
   * exchanges the code again, confirmed; Cancel drops it and nothing changes.
   */
  private async confirmHandOver(returned: ReturnCode, { account }: ExchangeConfirmationRequired): Promise<void> {
    const config = await this.config().catch(() => null);
    // A chunk of its own, like the reauthentication dialog: only a link from elsewhere needs it.
    const { askHandOver } = await import('../elements/hand-over/hand-over.js');
    const answer = await askHandOver({
      email: account.email,
      flow: returned.flow,
      productName: config?.productName ?? new URL(this.serverUrl).host,
      current: this.status === 'signed-in' && this.user ? this.user.email : '',
      lang: this.presenter?.lang || '',
      theme: this.presenter?.theme ?? 'light',
    });
    if (answer === 'continue') await this.exchangeReturned(returned, { confirm: true });
  }
}

/** The console's explanation for a page whose origin the server does not allow. */
function originNotAllowed(serverUrl: string): string {
  const origin = location.origin;
  return (
    `acct: this page's origin ${origin} is not in ACCT_ALLOWED_ORIGINS on the acct server ${serverUrl}, so it refuses this page's requests. ` +
    `Add it there (ACCT_ALLOWED_ORIGINS=${origin}, comma-separated with the others) and restart the server.`
  );
}

const stores = new Map<string, SessionStore>();

/** The page's store for `serverUrl` (created on first use; nothing happens until `start()`). */
export function sessionStore(serverUrl: string): SessionStore {
  let store = stores.get(serverUrl);
  if (!store) {
    store = new SessionStore(serverUrl);
    stores.set(serverUrl, store);
  }
  return store;
}
