/**
 * Watches an emailed sign-in link for `<acct-login>`'s "check your inbox" view: it polls
 * `GET /api/auth/magic-link/:id/status` every few seconds until the link is used or its lifetime
 * has passed. Polling is the fallback; the usual news comes faster through the session store,
 * whose BroadcastChannel hears the tab the link opened in sign in. "Used" while this page is still
 * signed out means the link was opened in another browser (or a tab whose session this page
 * cannot share, with bearer tokens). A Lit reactive controller: polling stops while the element is
 * off the page and resumes when it comes back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MagicLinkSent, MagicLinkStatus } from '../../../../contract/auth.js';
import type { SessionStore } from '../../core/session-store.js';

/** How often to ask. A module setting rather than an attribute: sites have no reason to change it, tests do. */
export const linkPolling = { intervalMs: 3000 };

/** `idle`: no link; `waiting`: sent, not used yet; `used`: used somewhere; `expired`: its lifetime passed unused. */
export type LinkState = 'idle' | 'waiting' | 'used' | 'expired';

export class MagicLinkWatch implements ReactiveController {
  state: LinkState = 'idle';
  /** How long the link works, as the server said when sending it. */
  lifetimeSeconds = 0;
  private link: { id: string; expiresAt: number } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | null = null;
  private connected = false;

  /** `used` is called once, when a poll finds the link used. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: () => SessionStore,
    private readonly used: () => void,
  ) {
    host.addController(this);
  }

  /** Watches a link just sent, instead of any previous one (a new link supersedes the old on the server too). */
  start(sent: MagicLinkSent): void {
    this.reset();
    this.link = { id: sent.linkId, expiresAt: Date.now() + sent.expiresInSeconds * 1000 };
    this.lifetimeSeconds = sent.expiresInSeconds;
    this.setState('waiting');
    this.schedule();
  }

  /** Forgets the link and stops polling. */
  reset(): void {
    this.halt();
    this.link = null;
    this.state = 'idle';
  }

  /** Asks once, now; `pending` when there is no link or the server cannot be reached. */
  async check(): Promise<MagicLinkStatus> {
    if (this.state === 'used') return 'used';
    if (!this.link) return 'pending';
    return this.store()
      .magicLinkStatus(this.link.id)
      .catch(() => 'pending' as const);
  }

  hostConnected(): void {
    this.connected = true;
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.halt();
  }

  private halt(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = null;
  }

  private schedule(): void {
    if (!this.connected || !this.link || this.state !== 'waiting' || this.timer) return;
    this.timer = setTimeout(() => void this.poll(), linkPolling.intervalMs);
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    const link = this.link;
    if (!link) return;
    if (Date.now() >= link.expiresAt) return this.setState('expired');
    this.inFlight = new AbortController();
    let status: MagicLinkStatus = 'pending';
    try {
      status = await this.store().magicLinkStatus(link.id, { signal: this.inFlight.signal });
    } catch {
      // Offline for a moment, or aborted: the next poll asks again (an abort also cleared `link`).
    }
    this.inFlight = null;
    if (this.link !== link) return;
    if (status === 'used') {
      this.setState('used');
      this.used();
    } else {
      this.schedule();
    }
  }

  private setState(state: LinkState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
