/**
 * Keeps what the user types in an onboarding step (a Lit reactive controller of
 * `<acct-onboarding>`): a draft is saved once typing pauses (800 ms), and at once when the user
 * leaves — the page hidden (another tab, the phone locked, a reload coming) or going away — with a
 * `keepalive` request that outlives the page. The server keeps it as the step's data, which the
 * element shows again on the next visit; a draft sent as the page went is also kept in the tab
 * (`stashDraft`), since a reload may read the step before that request arrives. Best effort: a draft the server refuses or cannot take
 * is dropped silently, since Continue sends the whole form anyway and says what is wrong.
 *
 * Saves go one at a time, and an action on the step (Continue, Skip, Back) waits for the one in
 * flight: the server moves the walk to the step a draft is for, so a draft landing after Continue
 * would move the user back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readStorage, writeStorage } from '../../core/storage.js';

/** The tab's last draft sent as the page went (sessionStorage: this tab only, gone with it). */
const STASH_KEY = 'acct-onboarding-draft';

/**
 * Keeps `draft` in this tab as the page is left: the page that loads next (a reload) shows it even
 * when the keepalive save reaches the server after that page read the step. Bound to the user, so
 * that another account signed in in the same tab never sees it.
 */
export function stashDraft(userId: string | undefined, draft: Draft): void {
  if (userId) writeStorage(() => sessionStorage, STASH_KEY, JSON.stringify({ userId, ...draft }));
}

/** The data of the draft this tab stashed for `step` of this user, once (it is removed). */
export function takeStashedDraft(userId: string | undefined, step: string): unknown {
  const raw = readStorage(() => sessionStorage, STASH_KEY);
  if (!raw || !userId) return undefined;
  writeStorage(() => sessionStorage, STASH_KEY, null);
  try {
    const stashed = JSON.parse(raw) as { userId?: string } & Partial<Draft>;
    return stashed.userId === userId && stashed.step === step ? stashed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Milliseconds without a keystroke before a draft is saved. */
export const DRAFT_DELAY = 800;

export interface Draft {
  /** The step's key. */
  step: string;
  data: unknown;
}

export class DraftSaver implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Something was typed since the last save. */
  private pending = false;
  private inFlight: Promise<void> = Promise.resolve();

  /**
   * @param collect the current step's draft, read from its form when a save happens; undefined: nothing to save.
   * @param send sends a draft; `keepalive` when the page is being left.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly collect: () => Draft | undefined,
    private readonly send: (draft: Draft, keepalive: boolean) => Promise<unknown>,
    private readonly delay = DRAFT_DELAY,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onLeave);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onLeave);
    document.removeEventListener('visibilitychange', this.onVisibility);
    // Removed from the page (a single-page app moving on): as good as leaving.
    void this.flush(true);
  }

  /** The user changed a field: save once they pause. */
  edited(): void {
    this.pending = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(false), this.delay);
  }

  /** Saves now whatever is unsaved; resolves once no save is in flight. */
  flush(keepalive = false): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return this.inFlight;
    this.pending = false;
    const draft = this.collect();
    if (!draft) return this.inFlight;
    if (keepalive) {
      // The page is going: no waiting in line, the request must leave now.
      void this.send(draft, true).catch(() => undefined);
      return Promise.resolve();
    }
    this.inFlight = this.inFlight
      .then(() => this.send(draft, false))
      .then(
        () => undefined,
        () => undefined,
      );
    return this.inFlight;
  }

  /** Drops what is unsaved (the step's action sends the form itself) and waits for a save in flight. */
  discard(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = false;
    return this.inFlight;
  }

  // Arrow functions: added and removed as the same listeners.
  private readonly onLeave = (): void => void this.flush(true);

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') void this.flush(true);
  };
}
