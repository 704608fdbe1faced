/**
 * Passkey autofill for `<acct-login>` (WebAuthn conditional UI): while the sign-in form offers
 * passkeys, a background `startAuthentication({ useBrowserAutofill: true })` waits for the user to
 * pick a passkey in the email field's autofill list (`autocomplete="username webauthn"`). A Lit
 * reactive controller, so the request follows the element's life: it starts after a render that
 * shows the form, stops when the form goes (another view, signing up, busy with another method,
 * signed in), when the element leaves the page or the page is hidden, and yields to any ceremony
 * the user starts — "Continue with a passkey" cancels it through the page's one WebAuthn request
 * slot (core/webauthn.ts). Every end of the request is quiet: an abort is expected, and a request
 * the browser refuses simply means no autofill this time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionStore } from '../../core/session-store.js';
import {
  beginCeremony,
  browserSupportsWebAuthnAutofill,
  cancelCeremony,
  endCeremony,
  passkeyAssertion,
  type Ceremony,
  type PasskeyAssertion,
} from '../../core/webauthn.js';

export interface PasskeyAutofillOptions {
  /** Whether the form that offers passkey autofill is showing and idle; read after every render. */
  wanted(): boolean;
  store(): SessionStore;
  /** The user picked a passkey: finish signing in with its assertion. */
  picked(assertion: PasskeyAssertion): Promise<void>;
}

export class PasskeyAutofill implements ReactiveController {
  private running: Ceremony | null = null;
  // Set when a request ended (picked, refused, cancelled) while the form kept showing: asking
  // again at once could loop (a browser refusing at once, two forms on a page cancelling each
  // other). It clears when the form goes and comes back (busy with a button's ceremony, another
  // view, signed out again), which is when a new request makes sense.
  private settled = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PasskeyAutofillOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('pageshow', this.onPageShow);
  }

  hostUpdated(): void {
    if (!this.options.wanted()) {
      this.stop();
      this.settled = false;
    } else if (!this.running && !this.settled) {
      void this.request();
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('pageshow', this.onPageShow);
    this.stop();
    this.settled = false;
  }

  private stop(): void {
    cancelCeremony(this.running);
    this.running = null;
  }

  private async request(): Promise<void> {
    this.settled = true;
    // Null when a ceremony the user started is running: autofill never interrupts one.
    const ceremony = beginCeremony('autofill');
    if (!ceremony) return;
    this.running = ceremony;
    let assertion: PasskeyAssertion;
    try {
      if (!(await browserSupportsWebAuthnAutofill()) || ceremony.signal.aborted) return;
      assertion = await passkeyAssertion(this.options.store().api, ceremony);
    } catch {
      // Aborted (by a button's ceremony, the form going away), refused by the browser, or the
      // options could not be fetched: the form works without autofill, so nothing to tell.
      return;
    } finally {
      endCeremony(ceremony);
      if (this.running === ceremony) this.running = null;
    }
    // From here it is a sign-in the user chose, and its failures are theirs to see.
    await this.options.picked(assertion);
  }

  private readonly onPageHide = (): void => this.stop();

  // Back from the back/forward cache: the request was cancelled on the way out; offer it again.
  private readonly onPageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted) return;
    this.settled = false;
    this.host.requestUpdate();
  };
}
