/**
 * Connects an element to the page's session store (a Lit reactive controller): while the element
 * is connected it is subscribed to the store of its server and re-renders on every change, and the
 * store is started (session read, emailed-link code exchanged) by whichever element connects first.
 * When the element's `server` changes, it moves to that server's store.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sessionStore, type ChangeCause, type Presenter, type SessionStore } from './session-store.js';

export class SessionController implements ReactiveController {
  private attached: SessionStore | null = null;
  private unsubscribe: (() => void) | null = null;
  private connected = false;

  /**
   * @param host the element (its language and theme are those of any prompt the store shows for it).
   * @param serverUrl the host's server, read on connect and before each update.
   * @param onChange called on every store change, before the host re-renders.
   */
  constructor(
    private readonly host: ReactiveControllerHost & Presenter,
    private readonly serverUrl: () => string,
    private readonly onChange?: (cause: ChangeCause) => void,
  ) {
    host.addController(this);
  }

  /** The store of the host's server. */
  get store(): SessionStore {
    return this.attached ?? sessionStore(this.serverUrl());
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.attached = null;
  }

  hostUpdate(): void {
    // Follows a changed `server` attribute; a no-op when it did not change.
    if (this.connected) this.attach();
  }

  private attach(): void {
    const store = sessionStore(this.serverUrl());
    if (store === this.attached) return;
    this.unsubscribe?.();
    this.attached = store;
    this.unsubscribe = store.subscribe((cause) => {
      this.onChange?.(cause);
      this.host.requestUpdate();
    });
    void store.start(this.host);
    // The store may already know who is signed in (another element started it): show that now.
    this.host.requestUpdate();
  }
}
