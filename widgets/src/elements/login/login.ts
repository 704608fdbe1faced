/**
 * `<acct-login>`: the sign-in (and sign-up) form. It asks the server which methods are enabled
 * (`GET /api/config`) and renders a real form for them: one email field (which also offers saved
 * passkeys through autofill), a password field, one button per method, a switch to sign up, a
 * forgotten-password form, the "check your inbox" messages (which follow an emailed sign-in link
 * until it is used) and, with `offer-passkey`, the offer to add a passkey after signing in.
 * Signing in goes through the page's session store, so every acct element on the page follows.
 * What does not depend on the sign-in method lives in login-base.ts, the templates in
 * login-views.ts, the form logic in login-form.ts, passkey autofill in passkey-autofill.ts and the
 * link's polling in magic-link-watch.ts; this module declares the element's class, and
 * `define.ts` registers it.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ClientConfig } from '../../core/api-client.js';
import type { User } from '../../core/api-types.js';
import type { AcctPasskeyAddedDetail, AcctSignedInDetail, AcctSignedUpDetail } from '../../core/events.js';
import { errorMessage, inSeconds } from '../../core/i18n/index.js';
import { returnAddress } from '../../core/return-code.js';
import { controlStyles } from '../../core/styles/controls.styles.js';
import { renderLoadError, renderLoading } from '../../core/views.js';
import {
  browserSupportsWebAuthn,
  passkeyAssertion,
  registerPasskey,
  signInWithAssertion,
  WebAuthnController,
  type PasskeyAssertion,
} from '../../core/webauthn.js';
import { LoginBase } from './login-base.js';
import { field, offerFor, shouldOfferPasskey, validate, type Offer } from './login-form.js';
import { loginStyles } from './login.styles.js';
import { renderForgot, renderPasskeyOffer, renderSent, renderSignedIn, renderSignInForm } from './login-views.js';
import { MagicLinkWatch } from './magic-link-watch.js';
import { PasskeyAutofill } from './passkey-autofill.js';

/**
 * A sign-in form for the methods the acct server enables, with a switch to create an account, a
 * forgotten-password form, and the "confirm your address" notice. A passkey signs in from its
 * button (the browser's dialog) or from the email field's autofill; an emailed link from any tab
 * of the browser signs this page in too. While someone is signed in it shows who, with "Sign out".
 *
 * @summary Sign in (or sign up) with a passkey, an emailed link or a password, as the server allows.
 *
 * @tag acct-login
 *
 * @slot header - Content above the heading, such as the site's logo (not in `no-shadow` mode).
 * @slot footer - Content below the form, such as links to the terms or to help (not in `no-shadow` mode).
 *
 * @fires {CustomEvent<AcctSignedInDetail>} acct-signed-in - The user signed in with the form (a passkey, a password, or
 * the link it emailed, opened in any tab); `detail` is `{ user, method }`, `method` being `passkey`, `password` or
 * `magic_link`. Cancelable: `preventDefault()` keeps the element from going to `redirect`.
 * @fires {CustomEvent<AcctSignedUpDetail>} acct-signed-up - The user created an account; `detail` is
 * `{ user, verificationRequired }`, `user` being null while the address awaits confirmation.
 * @fires {CustomEvent<AcctSignedOutDetail>} acct-signed-out - The user pressed "Sign out" on the signed-in panel.
 * @fires {CustomEvent<AcctPasskeyAddedDetail>} acct-passkey-added - The user accepted the `offer-passkey` prompt and
 * registered a passkey; `detail` is `{ passkey }`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Something the user asked for failed (a wrong password, a passkey
 * the server refused, an unreachable server, a retry of the form that failed again); `detail` is `{ code, status,
 * message }`. The first, automatic load failing fires nothing: the element shows that error itself, and neither
 * does closing the browser's passkey dialog, which is a choice, not a failure (a polite notice says so).
 *
 * @csspart base - The card around everything.
 * @csspart form - The form.
 * @csspart title - The heading of what shows, e.g. "Sign in to {product}".
 * @csspart field - A field: its label, input, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A text field.
 * @csspart hint - A field's hint, such as the password's minimum length when signing up.
 * @csspart field-error - A field's validation message.
 * @csspart form-error - A message about the whole form, such as a wrong password.
 * @csspart notice - News that is not an error, such as "We have sent another link."
 * @csspart actions - The group of buttons.
 * @csspart button - Every button of the card but the link-like ones.
 * @csspart primary-button - The first method's button, the one Enter presses (Enter with a password typed signs in with it).
 * @csspart forgot-button - The "Forgot password?" link-like button.
 * @csspart resend-button - The button sending the confirmation link (or a new sign-in link) again.
 * @csspart sign-out-button - The "Sign out" button of the signed-in panel.
 * @csspart switch - The line offering the other mode, or the way back to signing in.
 * @csspart switch-button - The link-like button of that line.
 * @csspart message - The "check your inbox" messages.
 * @csspart passkey-offer - The offer to add a passkey after signing in (with `offer-passkey`).
 * @csspart add-passkey-button - The offer's "Add a passkey" button.
 * @csspart not-now-button - The offer's "Not now" button.
 * @csspart signed-in - The panel shown while the user is signed in.
 * @csspart status - The loading message.
 * @csspart error - A message about the whole card: it could not load, or no method is available.
 * @csspart retry-button - The button that loads the form again after a failure.
 *
 * @cssproperty [--acct-login-max-width=26rem] - The widest the card grows.
 */
export class AcctLogin extends LoginBase {
  static override styles = [LoginBase.styles, controlStyles, loginStyles];

  /** Which form shows: `sign-in`, or `sign-up` when the server allows sign-up (else sign-in shows). */
  @property({ reflect: true }) mode: 'sign-in' | 'sign-up' = 'sign-in';

  /** Space-separated sign-in methods to offer, in order (e.g. `password passkey`); only those the server enables show. Empty: the server's list. */
  @property() methods = '';

  /** After a sign-in by password or emailed link, offers to add a passkey ("Sign in faster next time"), unless the browser cannot make one or the user already has one. */
  @property({ type: Boolean, reflect: true, attribute: 'offer-passkey' }) offerPasskey = false;

  /**
   * A sign-in is being completed: the store may already say "signed in", but the view stays until
   * it is known whether the passkey offer comes next, so the signed-in panel does not flash first.
   */
  @state() private signingIn = false;

  /** Whether the sign-in that led to the passkey offer should then follow `redirect`. */
  private redirectAfterOffer = false;
  /** The offer after coming back from an emailed link was considered (once per element). */
  private returnOfferConsidered = false;
  private readonly ceremonies = new WebAuthnController(this);
  // Works through the element's lifecycle alone (a reactive controller): nothing here calls it.
  private readonly autofill = new PasskeyAutofill(this, {
    wanted: () => this.autofillWanted(),
    store: () => this.session.store,
    picked: (assertion) => this.signInWithAutofill(assertion),
  });
  private readonly link = new MagicLinkWatch(
    this,
    () => this.session.store,
    // Used somewhere: if that was a tab of this browser, the session is readable here now.
    () => void this.session.store.refresh(),
  );

  override render(): TemplateResult {
    const t = this.t;
    const loading = () => renderLoading(t);
    // `lang` on the content: when the page's language is one we lack, the English text says so to screen readers.
    return html`
      <div part="base" class="base" lang=${t.$lang}>
        ${this.noShadow ? nothing : html`<slot name="header"></slot>`}
        ${this.configTask.render({
          initial: loading,
          pending: loading,
          complete: (config) => (this.session.store.status === 'loading' ? loading() : this.renderView(config)),
          error: (error) => renderLoadError(t, t.loadFailed, error, this.retry),
        })}
        ${this.noShadow ? nothing : html`<slot name="footer"></slot>`}
      </div>
    `;
  }

  private renderView(config: ClientConfig): TemplateResult {
    const t = this.t;
    const store = this.session.store;
    if (store.status === 'signed-in' && store.user) {
      if (this.view === 'offer-passkey') {
        return renderPasskeyOffer(this.ctx, { notice: this.notice, formError: this.formError }, { add: this.addPasskey, dismiss: this.dismissOffer });
      }
      // Back from an emailed link, deciding on the offer: nothing to show yet, and not the form.
      if (this.signingIn && !this.busy && this.view === 'form') return renderLoading(t);
      if (!this.signingIn) {
        const returned = store.returnedFrom && !store.returnedFrom.error ? (t.returned[store.returnedFrom.flow] ?? '') : '';
        const redirect = this.redirect ? returnAddress(this.redirect) : '';
        const name = store.user.displayName || store.user.email;
        const view = { name, notice: this.notice || returned, redirect, formError: this.formError };
        return renderSignedIn(this.ctx, view, { signOut: this.signOut });
      }
    }
    switch (this.view) {
      case 'forgot':
        return renderForgot(this.ctx, this.email, this.formError, { submit: this.onForgot, back: this.backToForm });
      case 'reset-sent':
        return renderSent(this.ctx, { title: t.resetSentTitle, text: [t.resetSent(this.email)], notice: '', formError: '' }, { back: this.backToForm });
      case 'verify': {
        const text = this.unconfirmedSignIn ? t.verifyNeeded(this.email) : t.verifySent(this.email);
        const view = { title: t.verifyTitle, text: [text], notice: this.notice, formError: this.formError };
        return renderSent(this.ctx, view, { back: this.backToForm, resend: this.resend });
      }
      case 'link-sent':
        return this.renderLinkSent();
      default:
        return this.renderForm(config);
    }
  }

  private renderLinkSent(): TemplateResult {
    const t = this.t;
    const state = this.link.state;
    // "Used" while still signed out here: the link was opened in another browser (a tab of this
    // one signs this page in through the store's channel, and then the signed-in panel shows).
    const news = state === 'used' ? t.linkUsedElsewhere : state === 'expired' ? t.linkExpired : this.notice;
    const text = [t.linkSent(this.email), t.linkLifetime(inSeconds(t.$lang, this.link.lifetimeSeconds))];
    const view = { title: t.linkSentTitle, text, notice: news, formError: this.formError, resendLabel: t.sendNewLink };
    return renderSent(this.ctx, view, { back: this.backToForm, resend: this.resendLink });
  }

  private renderForm(config: ClientConfig): TemplateResult {
    const t = this.t;
    const offer = this.offer(config);
    if (!offer.methods.length) return html`<p part="error" class="error" role="alert">${t.errors.no_methods}</p>`;
    // A link that came back refused (expired, used) is explained on the form until the next submit.
    const refused = this.session.store.returnedFrom?.error;
    const formError = this.formError || (refused && !this.touched ? errorMessage(t, refused) : '');
    return renderSignInForm(
      this.ctx,
      { config, ...offer, email: this.email, formError, notice: this.notice },
      { submit: this.onSubmit, input: this.onInput, keydown: this.onKeydown, forgot: this.showForgot, switchMode: this.switchMode },
    );
  }

  /** The methods shown and the mode in force, given the server's settings. */
  private offer(config: ClientConfig): Offer {
    return offerFor(this.methods, config, this.mode, browserSupportsWebAuthn());
  }

  /** The background autofill request runs while the sign-in form offering passkeys is shown and idle. */
  private autofillWanted(): boolean {
    const config = this.configTask.value;
    if (!config || this.view !== 'form' || this.busy || this.signingIn || this.session.store.status !== 'signed-out') return false;
    const { methods, signUp } = this.offer(config);
    return !signUp && methods.includes('passkey');
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const config = this.configTask.value;
    if (!config || this.busy) return;
    this.touched = true;
    const form = event.currentTarget as HTMLFormElement;
    const { methods, signUp } = this.offer(config);
    const submitter = event.submitter instanceof HTMLButtonElement ? event.submitter.value : '';
    const method = methods.find((m) => m === submitter) ?? methods[0];
    if (!method) return;
    this.formError = '';
    this.notice = '';
    this.problems = validate(form, method, signUp, config.passwordMinLength);
    if (await this.focusFirstProblem(form)) return;
    this.email = field(form, 'email')?.value ?? '';
    if (method === 'passkey') return this.signInWithPasskey(form);
    if (method === 'magic-link') return this.sendLink(form);
    const value = (name: 'displayName' | 'password') => field(form, name)?.value ?? '';
    const store = this.session.store;
    const redirectUrl = returnAddress(this.redirect);
    await this.run(form, () =>
      this.completeSignIn('password', async () => {
        if (!signUp) return (await store.signIn({ email: this.email, password: value('password'), redirectUrl })).user;
        const displayName = value('displayName').trim();
        const result = await store.signUp({ email: this.email, password: value('password'), ...(displayName ? { displayName } : {}), redirectUrl });
        this.emit<AcctSignedUpDetail>('acct-signed-up', result);
        if (!result.user) void this.showView('verify', { unconfirmedSignIn: false });
        return result.user;
      }),
    );
  }

  /** "Continue with a passkey": the browser's dialog, for any passkey of this site (no address needed). */
  private async signInWithPasskey(form: HTMLFormElement): Promise<void> {
    const store = this.session.store;
    await this.run(
      form,
      () =>
        this.ceremonies.run(async (ceremony) => {
          // Starting this ceremony has cancelled the autofill request; it starts again once this ends.
          const assertion = await passkeyAssertion(store.api, ceremony);
          await this.completeSignIn('passkey', async () => (await signInWithAssertion(store, assertion)).user);
        }),
      { cancelled: this.t.passkeySignInCancelled },
    );
  }

  /** A passkey picked in the email field's autofill. */
  private signInWithAutofill(assertion: PasskeyAssertion): Promise<void> {
    const store = this.session.store;
    return this.run(null, () => this.completeSignIn('passkey', async () => (await signInWithAssertion(store, assertion)).user));
  }

  /** "Email me a sign-in link", and "Send a new link": the "check your inbox" view then follows the link. */
  private async sendLink(form: HTMLFormElement | null): Promise<void> {
    await this.run(form, async () => {
      const sent = await this.session.store.requestMagicLink(this.email, returnAddress(this.redirect));
      this.link.start(sent);
      if (this.view === 'link-sent') this.notice = this.t.linkResent;
      else void this.showView('link-sent');
    });
  }

  private resendLink(): void {
    if (this.busy) return;
    this.notice = '';
    this.formError = '';
    void this.sendLink(null);
  }

  /**
   * The store changed. While the "check your inbox" view shows, a sign-in is most likely the link
   * being opened in another tab (the store heard it on its channel, or the poll's re-read found
   * it): finish the flow here too.
   */
  protected override sessionChanged(): void {
    const store = this.session.store;
    const user = store.user;
    if (this.view !== 'link-sent' || store.status !== 'signed-in' || !user || this.signingIn) return;
    void this.completeSignIn('magic_link', async () => {
      // Someone may have signed in another way in the other tab: only the link itself counts here.
      const used = (await this.link.check()) === 'used';
      this.link.reset();
      return used ? user : null;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
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
  private async completeSignIn(method: string, signIn: () => Promise<User | null>): Promise<void> {
    this.signingIn = true;
    try {
      const user = await signIn();
      if (user) await this.signedIn(user, method);
      else if (this.view === 'link-sent') this.view = 'form';
    } finally {
      this.signingIn = false;
    }
  }

  /** Announces the sign-in, then offers a passkey (`offer-passkey`) or follows `redirect`. */
  private async signedIn(user: User, method: string): Promise<void> {
    const event = this.emit<AcctSignedInDetail>('acct-signed-in', { user, method }, { cancelable: true });
    this.redirectAfterOffer = Boolean(this.redirect) && !event.defaultPrevented;
    if (this.offerPasskey && method !== 'passkey' && (await shouldOfferPasskey(this.session.store))) {
      void this.showView('offer-passkey');
      return;
    }
    this.view = 'form';
    if (this.redirectAfterOffer) location.assign(returnAddress(this.redirect));
  }

  /** The offer's "Add a passkey". */
  private async addPasskey(): Promise<void> {
    if (this.busy) return;
    this.notice = '';
    this.formError = '';
    await this.run(
      null,
      async () => {
        const passkey = await this.ceremonies.run((ceremony) => registerPasskey(this.session.store.api, ceremony));
        this.emit<AcctPasskeyAddedDetail>('acct-passkey-added', { passkey });
        this.finishOffer(this.t.offerPasskey.added);
      },
      { cancelled: this.t.offerPasskey.cancelled },
    );
  }

  /** The offer's "Not now". */
  private dismissOffer(): void {
    this.finishOffer('');
  }

  /** Leaves the offer: on to `redirect`, else the signed-in panel with `notice`. */
  private finishOffer(notice: string): void {
    if (this.redirectAfterOffer) {
      location.assign(returnAddress(this.redirect));
      return;
    }
    this.formError = '';
    this.notice = notice;
    void this.showView('form');
  }

  protected override backToForm(): void {
    this.link.reset();
    super.backToForm();
  }

  private switchMode(): void {
    this.mode = this.mode === 'sign-up' ? 'sign-in' : 'sign-up';
    this.problems = {};
    this.formError = '';
    this.notice = '';
  }
}

/** The two forms `<acct-login>` shows. */
export type LoginMode = AcctLogin['mode'];
