/**
 * Polls while an element is on the page and the page is visible (a Lit reactive controller). Used
 * by `<acct-checklist>` to follow changes made elsewhere (an invitation sent from another page, the
 * site's backend ticking an item): server-sent events cannot carry the bearer token that one of
 * the session transports uses, and a poll every few seconds works with all of them.
 *
 * It waits for one tick to finish before scheduling the next, so a slow server never sees
 * requests pile up; it stops while `document.hidden` (a background tab costs nothing) and polls at
 * once when the page is shown again, since that is when the user looks.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Poller implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;
  /** A tick is in flight: it schedules the next one itself when it ends. */
  private running = false;

  /**
   * @param interval milliseconds between the end of one tick and the next, read each time.
   * @param tick the work; its failures are its own to report (the poller carries on).
   * @param active whether ticking makes sense now (e.g. someone is signed in).
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly interval: () => number,
    private readonly tick: () => Promise<unknown>,
    private readonly active: () => boolean = () => true,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.connected || document.hidden) return;
    this.timer = setTimeout(() => void this.run(), this.interval());
  }

  private async run(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) return;
    this.running = true;
    try {
      if (this.active()) await this.tick().catch(() => undefined);
    } finally {
      this.running = false;
    }
    this.schedule();
  }

  // An arrow function: added and removed as the same listener.
  private readonly onVisibility = (): void => {
    if (document.hidden) {
      clearTimeout(this.timer);
      this.timer = undefined;
    } else {
      void this.run();
    }
  };
}
