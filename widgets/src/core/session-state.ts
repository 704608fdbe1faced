/**
 * Who is signed in on this page, as the session store keeps it (session-store.ts adds the sign-in
 * flows and the start-up on top): the status, user and session, the bearer token, the elements
 * subscribed, the channel to the other tabs, and the re-checks of the session (session-watch.ts).
 * Every change of who is signed in goes through `adopt` or `forget`, which tell the subscribers;
 * the other tabs hear a bare "changed" on the BroadcastChannel `acct:<server>`, never the token.
 */
import { ApiClient, ApiError } from './api-client.js';
import type { SignedIn } from '../../../contract/auth.js';
import type { SecondFactorRequired } from '../../../contract/mfa.js';
import type { SessionCheck } from '../../../contract/sessions.js';
import type { User } from '../../../contract/users.js';
import { SessionWatch, sessionWatch } from './session-watch.js';
import { readStorage, writeStorage } from './storage.js';
import type { ChangeCause, ReturnedFrom, SessionStatus, SignedOutReason, StoreListener } from './session-types.js';

/** What the store posts to other tabs: a nudge to re-read the session, and nothing else. */
const CHANGED = { type: 'acct:session-changed' } as const;

export abstract class SessionState {
  status: SessionStatus = 'loading';
  user: User | null = null;
  session: { id: string; expiresAt: string } | null = null;
  /** Why the last read of the session failed, when `status` is `error`. */
  error: unknown = null;
  /** Why the page was signed out without the user signing out here; null after any sign-in or sign-out here. */
  signedOutReason: SignedOutReason | null = null;
  /**
   * A first factor was right and the account has a second one: the sign-in waits for its code
   * (`verifySecondFactor`). Set by a password or passkey sign-in, and by the exchange of an emailed
   * link's or a provider's code, so that `<acct-login>` shows the second step wherever it started.
   */
  secondFactor: SecondFactorRequired | null = null;
  /** Set once the page's emailed-link code (if any) was exchanged or refused. */
  returnedFrom: ReturnedFrom | null = null;
  /** The authenticated client: every element's API calls go through it, so they carry the session. */
  readonly api: ApiClient;

  protected token: string | null;
  private readonly tokenKey: string;
  private readonly listeners = new Set<StoreListener>();
  private channel: BroadcastChannel | null = null;
  private refreshing: Promise<void> | null = null;
  /** The read asked for while one was on its way, to follow it (`refresh`). */
  private followUp: Promise<void> | null = null;
  // Bumped by every change of who is signed in. A read of the session that started before a
  // sign-in and answers after it must not undo the sign-in, so reads drop answers from an older epoch.
  private epoch = 0;
  /** When the server last confirmed the session (ms), to tell a revocation from an expiry. */
  private confirmedAt = 0;
  protected readonly watch = new SessionWatch(
    () => void this.refresh(),
    () => this.status === 'signed-in',
  );

  constructor(readonly serverUrl: string) {
    this.tokenKey = `acct:token:${serverUrl}`;
    this.token = readStorage(() => sessionStorage, this.tokenKey);
    this.api = new ApiClient(serverUrl, {
      token: () => this.token,
      onError: (error) => this.onApiError(error),
      reauthenticate: (lang) => this.reauthenticate(lang),
    });
  }

  /** The name of the channel tabs share for this server. */
  get channelName(): string {
    return `acct:${this.serverUrl}`;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Re-reads who is signed in (`GET /api/session`). A call while a read is on its way gets one more
   * read after it, shared by every call meanwhile (with the first one's cause): the read on its way
   * may have left before the news that asks for this one (another tab's sign-in, heard on the
   * channel while it was answered), and sharing it would lose that news until the next check.
   */
  refresh(cause: ChangeCause = 'refresh'): Promise<void> {
    if (this.refreshing) {
      const next = () => {
        this.followUp = null;
        return this.refresh(cause);
      };
      return (this.followUp ??= this.refreshing.then(next, next));
    }
    return (this.refreshing = this.readSession(cause).finally(() => (this.refreshing = null)));
  }

  /** The elements showed `signedOutReason`, and the user acknowledged it: forget it for every element. */
  dismissSignedOutReason(): void {
    if (!this.signedOutReason) return;
    this.signedOutReason = null;
    this.set(this.status, 'refresh');
  }

  /** Closes the cross-tab channel and stops re-checking; for stores made outside `sessionStore()` (tests). */
  dispose(): void {
    this.channel?.close();
    this.channel = null;
    this.watch.stop();
  }

  /**
   * Bearer only: swaps the stored token for a fresh one on every page load, so a token copied out
   * of sessionStorage stops working soon after (the server retires the old one shortly after).
   */
  protected async rotateToken(): Promise<void> {
    try {
      const answer = await this.api.call('POST /api/session/refresh');
      if (answer.session.token) this.setToken(answer.session.token);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.setToken(null);
      // Anything else (offline…): keep the token, the session read will tell.
    }
  }

  private async readSession(cause: ChangeCause): Promise<void> {
    const epoch = this.epoch;
    let answer: SessionCheck;
    try {
      answer = await this.api.call('GET /api/session');
    } catch (error) {
      if (epoch !== this.epoch) return;
      // Unreachable server: what we knew still holds, unless we knew nothing yet.
      this.error = error;
      this.set(this.status === 'loading' || this.status === 'error' ? 'error' : this.status, cause);
      return;
    }
    if (epoch !== this.epoch) return;
    this.error = null;
    if (answer.user && answer.session) {
      this.user = answer.user;
      this.session = { id: answer.session.id, expiresAt: answer.session.expiresAt };
      this.confirm();
      this.set('signed-in', cause);
    } else if (this.status === 'signed-in' && cause !== 'remote') {
      // Gone, and not by this page's doing (another tab's sign-out comes as `remote`).
      this.forget(this.endCause());
    } else {
      this.setToken(null);
      this.user = null;
      this.session = null;
      this.set('signed-out', cause);
    }
  }

  /** Why a session this page did not end is gone: an expiry when its time ran out or nobody looked for too long to tell. */
  private endCause(): SignedOutReason {
    const expired = this.session !== null && Date.parse(this.session.expiresAt) <= Date.now();
    return expired || Date.now() - this.confirmedAt > sessionWatch.knowableForMs ? 'expired' : 'revoked';
  }

  private confirm(): void {
    this.confirmedAt = Date.now();
    this.watch.confirmed();
  }

  /** A signed-in answer is adopted; a "second factor required" one is kept for the second step. */
  protected adoptOrWait(answer: SignedIn | SecondFactorRequired, cause: ChangeCause): void {
    if ('session' in answer) {
      this.secondFactor = null;
      this.adopt(answer, cause);
      return;
    }
    this.secondFactor = answer;
    this.set(this.status, cause);
  }

  protected adopt({ user, session }: SignedIn, cause: ChangeCause): void {
    this.epoch++;
    if (session.token) this.setToken(session.token);
    this.user = user;
    this.session = { id: session.id, expiresAt: session.expiresAt };
    this.error = null;
    this.signedOutReason = null;
    this.confirm();
    this.set('signed-in', cause);
    this.broadcast();
  }

  protected forget(cause: ChangeCause): void {
    this.epoch++;
    this.setToken(null);
    this.user = null;
    this.session = null;
    this.signedOutReason = cause === 'revoked' || cause === 'expired' ? cause : null;
    this.set('signed-out', cause);
  }

  private setToken(token: string | null): void {
    this.token = token;
    // sessionStorage can throw (storage disabled, sandboxed frames): the token then lives in memory only.
    writeStorage(() => sessionStorage, this.tokenKey, token);
  }

  protected set(status: SessionStatus, cause: ChangeCause): void {
    this.status = status;
    for (const listener of [...this.listeners]) listener(cause);
  }

  /** Any call that finds the session gone (revoked elsewhere, expired) signs this page out. */
  private onApiError(error: ApiError): void {
    if (error.code === 'not_signed_in' && this.status === 'signed-in') this.forget(this.endCause());
  }

  protected listen(): void {
    if (this.channel || typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(this.channelName);
    this.channel.addEventListener('message', (event: MessageEvent) => {
      if ((event.data as { type?: unknown } | null)?.type === CHANGED.type) void this.refresh('remote');
    });
  }

  protected broadcast(): void {
    // A channel never hears its own messages, so this tab does not re-read what it just set.
    this.channel?.postMessage(CHANGED);
  }

  /**
   * Asks the user to prove it is them again, for a request the server refused with
   * `reauthentication_required` (session-store.ts); true once proved.
   */
  abstract reauthenticate(lang?: string): Promise<boolean>;
}
