/**
 * Waiting out a rate limit (a Lit reactive controller): after a `429` with `Retry-After`
 * (`ApiError.retryAfter`), the action that was refused — "Send a new link", "Sign in" — stays
 * disabled, and its message and button count the seconds down, until the wait is over and the
 * action comes back by itself. Without this the page said "Try again in 59 seconds" once, froze
 * there, and left the button enabled for a click that could only be refused again.
 *
 * Deadlines are kept per action key, in wall-clock time, so a tab that was in the background (where
 * timers slow down) shows the right time when it comes back. The host re-renders once a second
 * while any countdown runs, and not at all otherwise.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from './api-client.js';

export class RetryCountdown implements ReactiveController {
  private readonly deadlines = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;

  /** @param ended called when an action's wait is over (e.g. to say "You can try again now"). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ended?: (action: string) => void,
  ) {
    host.addController(this);
  }

  /** Starts the wait for `action` when `error` is a 429 that says how long; true when it did. */
  startFrom(action: string, error: unknown): boolean {
    if (!(error instanceof ApiError) || error.code !== 'too_many_requests' || !error.retryAfter) return false;
    this.deadlines.set(action, Date.now() + error.retryAfter * 1000);
    this.tick();
    return true;
  }

  /** Whole seconds left before `action` may be tried again; 0 when it may. */
  remaining(action: string): number {
    const deadline = this.deadlines.get(action);
    return deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
  }

  /** The time left as `m:ss` (`0:42`, `12:05`), for a button's label. */
  clock(action: string): string {
    const seconds = this.remaining(action);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }

  hostConnected(): void {
    this.connected = true;
    this.tick();
  }

  hostDisconnected(): void {
    this.connected = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const [action] of this.deadlines) {
      if (this.remaining(action) > 0) continue;
      this.deadlines.delete(action);
      this.ended?.(action);
    }
    this.host.requestUpdate();
    if (!this.connected || !this.deadlines.size) return;
    // Wake when the next displayed second changes (the nearest deadline's next whole second).
    const now = Date.now();
    const next = Math.min(...[...this.deadlines.values()].map((deadline) => (deadline - now) % 1000 || 1000));
    this.timer = setTimeout(() => this.tick(), next + 5);
  }
}
