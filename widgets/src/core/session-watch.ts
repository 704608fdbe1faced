/**
 * When the session store re-checks that its session still stands: a session revoked from another
 * device (or ended by a password change there) should show here soon, not on the user's next
 * click. So the store checks when the page comes back into view or gets focus — the moments a
 * user looks at it again — and every minute or so while it is visible; never while it is hidden,
 * where nobody would see the answer and the requests would only cost. Checks close together
 * (focus and visibility arrive as a pair) are folded into one.
 */

/**
 * How often, how close together at most, and past how long without a check the end of a session
 * can no longer be told from an expiry (the page slept through it). Module settings rather than
 * attributes: sites have no reason to change them, tests do.
 */
export const sessionWatch = { intervalMs: 60_000, minGapMs: 5_000, knowableForMs: 60 * 60_000 };

export class SessionWatch {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastCheck = 0;
  private started = false;

  /**
   * @param check re-reads the session (the store's `refresh`).
   * @param wanted whether a check means anything now (someone is signed in).
   */
  constructor(
    private readonly check: () => void,
    private readonly wanted: () => boolean,
  ) {}

  start(): void {
    if (this.started || typeof document === 'undefined') return;
    this.started = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('focus', this.onFocus);
    this.schedule();
  }

  stop(): void {
    this.started = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('focus', this.onFocus);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Tells the watch the session was just confirmed (by any read), which restarts the interval. */
  confirmed(): void {
    this.lastCheck = Date.now();
    this.schedule();
  }

  private now(force: boolean): void {
    if (!this.wanted()) return;
    if (!force && Date.now() - this.lastCheck < sessionWatch.minGapMs) return;
    this.lastCheck = Date.now();
    this.check();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.started || document.visibilityState === 'hidden') return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.now(true);
      this.schedule();
    }, sessionWatch.intervalMs);
  }

  private readonly onVisibility = (): void => {
    // Hidden: the timer stops. Visible again: check now, then every interval.
    if (document.visibilityState === 'visible') this.now(false);
    this.schedule();
  };

  private readonly onFocus = (): void => this.now(false);
}
