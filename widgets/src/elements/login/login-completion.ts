/**
 * How a sign-in with `<acct-login>` ends, whatever the method: `acct-signed-in` (cancelable), then
 * either the `offer-passkey` prompt ("Sign in faster next time") or `redirect`, else the signed-in
 * panel — with focus moved to it when it was in the card, rather than dropped on `<body>` as the
 * form goes. Also the prompt after coming back from an emailed sign-in link. The element itself
 * (login.ts) adds the methods and the views; this class is never registered on its own.
 */
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { User } from '../../../../contract/users.js';
import { returnAddress } from '../../core/return-address.js';
import { registerPasskey, WebAuthnController } from '../../core/webauthn.js';
import { LoginMessages } from './login-messages.js';
import { shouldOfferPasskey } from './login-form.js';

export abstract class LoginCompletion extends LoginMessages {
  /** After a sign-in by password or emailed link, offers to add a passkey ("Sign in faster next time"), unless the browser cannot make one or the user already has one. */
  @property({ type: Boolean, reflect: true, attribute: 'offer-passkey' }) offerPasskey = false;

  /**
   * Set by acct's own hosted sign-in page (`GET /login`) only, to the browser key of the site page
   * `redirect` names (possibly empty): a sign-in here is handed over to that page rather than kept
   * on acct's origin. Sites embedding the element leave it unset.
   */
  @property({ attribute: 'hand-over-key' }) handOverKey: string | null = null;

  /**
   * A sign-in is being completed: the store may already say "signed in", but the view stays until
   * it is known whether the passkey offer comes next, so the signed-in panel does not flash first.
   */
  @state() protected signingIn = false;

  protected readonly ceremonies = new WebAuthnController(this);
  /** Whether the sign-in that led to the passkey offer should then follow `redirect`. */
  private redirectAfterOffer = false;
  /** The offer after coming back from an emailed link was considered (once per element). */
  private returnOfferConsidered = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('handOverKey')) this.session.store.siteBrowserKey = this.handOverKey || null;
    const returned = this.session.store.returnedFrom;
    if (this.returnOfferConsidered || !this.offerPasskey || this.session.store.status !== 'signed-in') return;
    this.returnOfferConsidered = true;
    // Opened from an emailed sign-in link: the store exchanged its code on start-up. The sign-in
    // happened on the hosted page, so no acct-signed-in here, and no redirect: this is where it led.
    if (returned?.method === 'magic_link' && !returned.error) {
      this.redirectAfterOffer = false;
      this.signingIn = true;
      void shouldOfferPasskey(this.session.store).then((offer) => {
        this.signingIn = false;
        if (offer) void this.showView('offer-passkey');
      });
    }
  }

  /**
   * Finishes a sign-in by `method`: `signIn` does the work and answers the user (null when it did
   * not sign in, e.g. a sign-up awaiting confirmation); until the next view is known the current
   * one stays (see `signingIn`).
   */
  protected async completeSignIn(method: string, signIn: () => Promise<User | null>): Promise<void> {
    this.signingIn = true;
    let user: User | null;
    try {
      user = await signIn();
      if (user) await this.signedIn(user, method);
      else if (this.view === 'link-sent') this.view = 'form';
    } finally {
      this.signingIn = false;
    }
    if (user && this.view === 'form' && this.focusedInside()) {
      // The form (and the button or field that had focus) gives way to the signed-in panel.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="signed-in"] [part~="title"]')?.focus();
    }
  }

  /** Announces the sign-in, then offers a passkey (`offer-passkey`) or follows `redirect`. */
  private async signedIn(user: User, method: string): Promise<void> {
    const event = this.emit('acct-signed-in', { user, method }, { cancelable: true });
    this.redirectAfterOffer = Boolean(this.redirect) && !event.defaultPrevented;
    if (this.offerPasskey && method !== 'passkey' && (await shouldOfferPasskey(this.session.store))) {
      void this.showView('offer-passkey');
      return;
    }
    this.view = 'form';
    if (this.redirectAfterOffer) await this.leave();
  }

  /**
   * Goes to `redirect`. On the hosted sign-in page, with the session handed over to that page (a
   * code in its fragment, bound to its browser key); the hosted page's own session ends there.
   */
  private async leave(): Promise<void> {
    const redirectUrl = returnAddress(this.redirect);
    if (this.handOverKey === null) return location.assign(redirectUrl);
    const body = { redirectUrl, ...(this.handOverKey ? { browserKey: this.handOverKey } : {}) };
    const { url } = await this.session.store.api.call('POST /api/session/hand-over', { body });
    location.assign(url);
  }

  /**
   * The signed-in panel's "Continue" on the hosted sign-in page (`hand-over-key` set), undefined
   * elsewhere: a user already signed in there goes on to the site page signed in, as after a sign-in.
   */
  protected get continueToSite(): (() => void) | undefined {
    if (this.handOverKey === null) return undefined;
    return () => void this.run(null, () => this.leave(), { action: 'continue' });
  }

  /** The offer's "Add a passkey". */
  protected async addPasskey(): Promise<void> {
    if (this.busy) return;
    this.notice = '';
    this.formError = '';
    await this.run(
      null,
      async () => {
        const passkey = await this.ceremonies.run((ceremony) => registerPasskey(this.session.store.api, ceremony));
        this.emit('acct-passkey-added', { passkey });
        this.finishOffer(this.t.offerPasskey.added);
      },
      { action: 'add-passkey', cancelled: this.t.offerPasskey.cancelled },
    );
  }

  /** The offer's "Not now". */
  protected dismissOffer(): void {
    this.finishOffer('');
  }

  /** Leaves the offer: on to `redirect`, else the signed-in panel with `notice`. */
  private finishOffer(notice: string): void {
    if (this.redirectAfterOffer) {
      void this.leave();
      return;
    }
    this.formError = '';
    this.notice = notice;
    void this.showView('form');
  }
}
