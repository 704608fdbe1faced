/**
 * `<acct-login>`: the sign-in (and sign-up) form. It asks the server which methods are enabled
 * (`GET /api/config`) and renders a real form for them: one email field (which also offers saved
 * passkeys through autofill), a password field, one button per method, a switch to sign up, a
 * forgotten-password form, the "check your inbox" messages (which follow an emailed sign-in link
 * until it is used) and, with `offer-passkey`, the offer to add a passkey after signing in.
 * Signing in goes through the page's session store, so every acct element on the page follows.
 * Where the rest lives:
 * - login-base.ts: what does not depend on the sign-in method;
 * - login-messages.ts: the forgotten password and the confirmation link;
 * - login-completion.ts: how a sign-in ends (the passkey offer, `redirect`);
 * - login-views.ts and login-skeleton.ts: the form's templates; login-other-views.ts: the other
 *   views' templates, fetched on demand;
 * - login-form.ts: the form logic; passkey-autofill.ts and login-passkey.ts: passkeys;
 * - magic-link-watch.ts: the link's polling;
 * - login-oauth.ts and login-providers.ts (on demand): the provider buttons;
 * - login-second-factor.ts: the second step (two-step verification).
 * This module declares the element's class, and `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ClientConfig } from '../../core/api-client.js';
import { errorMessage, inSeconds } from '../../core/i18n/index.js';
import { returnAddress } from '../../core/return-address.js';
import { userOf } from '../../core/return-code.js';
import { controlStyles } from '../../core/styles/controls.styles.js';
import { renderLoadError, renderLoading } from '../../core/views.js';
import { browserSupportsWebAuthn, signInWithAssertion, type PasskeyAssertion } from '../../core/webauthn.js';
import { LoginPasskey } from './login-passkey.js';
import { LoginSecondFactor } from './login-second-factor.js';
import { providerStyles } from './login-providers.styles.js';
import { field, offerFor, primaryMethod, validate, type Offer } from './login-form.js';
import { renderSkeleton } from './login-skeleton.js';
import { loginStyles } from './login.styles.js';
import type { OtherViews } from './login-base.js';
import { renderSignInForm, type SignInFormState } from './login-views.js';
import { MagicLinkWatch } from './magic-link-watch.js';
import { PasskeyAutofill } from './passkey-autofill.js';

/**
 * A sign-in form for the methods the acct server enables, with a switch to create an account, a
 * forgotten-password form, and the "confirm your address" notice. A passkey signs in from its
 * button (the browser's dialog) or from the email field's autofill; an emailed link from any tab
 * of the browser signs this page in too. While someone is signed in it shows who, with "Sign out".
 *
 * Providers the server enables (Google, Microsoft, Apple, GitHub, GitLab, any OpenID Connect issuer)
 * show as buttons above the form; a popup signs in without leaving the page.
 *
 * For an account with two-step verification, any of these (but a passkey that verified its user)
 * is followed by a second step: the authenticator app's code, or "Use a recovery code"; the
 * session, and `acct-signed-in` with method `mfa`, come only then.
 *
 * @summary Sign in (or sign up) with a passkey, an emailed link, a password or a provider, as the server allows.
 *
 * @tag acct-login
 *
 * @slot header - Content above the heading, such as the site's logo (not in `no-shadow` mode).
 * @slot footer - Content below the form, such as links to the terms or to help (not in `no-shadow` mode).
 *
 * @fires {CustomEvent<AcctSignedInDetail>} acct-signed-in - The user signed in with the form (a passkey, a password, or
 * the link it emailed, opened in any tab, or a provider's popup); `detail` is `{ user, method }`, `method` being
 * `passkey`, `password`, `magic_link` or `oauth_<provider id>`. Cancelable: `preventDefault()` keeps the element from going to `redirect`.
 * @fires {CustomEvent<AcctSignedUpDetail>} acct-signed-up - The user created an account; `detail` is
 * `{ user, verificationRequired }`, `user` being null while the address awaits confirmation.
 * @fires {CustomEvent<AcctSignedOutDetail>} acct-signed-out - The user pressed "Sign out" on the signed-in panel.
 * @fires {CustomEvent<Record<string, never>>} acct-deletion-cancelled - The user pressed "Cancel deletion" on the signed-in
 * panel of an account scheduled for deletion.
 * @fires {CustomEvent<AcctPasskeyAddedDetail>} acct-passkey-added - The user accepted the `offer-passkey` prompt and
 * registered a passkey; `detail` is `{ passkey }`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Something the user asked for failed (a wrong password, a passkey
 * the server refused, an unreachable server, a retry of the form that failed again); `detail` is `{ code, status,
 * message }`. The first, automatic load failing fires nothing: the element shows that error itself, and neither
 * does closing the browser's passkey dialog, which is a choice, not a failure (a polite notice says so).
 *
 * @csspart base - The card around everything.
 * @csspart form - The form.
 * @csspart providers - The provider buttons ("Continue with Google"), above the fields.
 * @csspart provider-button - A provider's button, with the brand's mark and words.
 * @csspart provider-wait - "Finish signing in with … in the window that opened", with its cancel button, while a provider's popup is open.
 * @csspart separator - The "or" between the provider buttons and the rest of the form.
 * @csspart title - The heading of what shows, e.g. "Sign in to {product}".
 * @csspart field - A field: its label, input, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A text field.
 * @csspart hint - A field's hint, such as the password's minimum length when signing up.
 * @csspart field-error - A field's validation message.
 * @csspart form-error - A message about the whole form, such as a wrong password, or a wait after too many attempts, counting down.
 * @csspart notice - News that is not an error, such as "We have sent another link." or "You were signed out on another device."
 * @csspart button - Every button of the card but the link-like ones; the one whose request is in flight has `aria-busy="true"` and a spinner.
 * @csspart primary-button - The button of the method the user is on, the one Enter presses: "Sign in" once a password is typed, else the first method offered.
 * @csspart passkey-wait - "Waiting for your passkey…" while the browser asks for one, with its cancel button.
 * @csspart cancel-button - The button cancelling the passkey request, or closing a provider's popup.
 * @csspart forgot-button - The "Forgot password?" link-like button.
 * @csspart resend-button - The button sending the confirmation link (or a new sign-in link) again.
 * @csspart sign-out-button - The "Sign out" button of the signed-in panel.
 * @csspart deletion-notice - On the signed-in panel, the date the account is scheduled for deletion.
 * @csspart cancel-deletion-button - The signed-in panel's "Cancel deletion" button, while the account is scheduled for deletion.
 * @csspart switch - The line offering the other mode, or the way back to signing in.
 * @csspart switch-button - The link-like button of that line.
 * @csspart message - The "check your inbox" messages.
 * @csspart passkey-offer - The offer to add a passkey after signing in (with `offer-passkey`).
 * @csspart add-passkey-button - The offer's "Add a passkey" button.
 * @csspart not-now-button - The offer's "Not now" button.
 * @csspart signed-in - The panel shown while the user is signed in.
 * @csspart status - The loading message (read to screen readers while the placeholder shows).
 * @csspart error - A message about the whole card: it could not load, no method is available, or this page's origin is not allowed by the server.
 * @csspart retry-button - The button that loads the form again after a failure.
 *
 * @cssproperty [--acct-login-max-width=26rem] - The widest the card grows.
 */
export class AcctLogin extends LoginSecondFactor {
  static override styles = [LoginPasskey.styles, controlStyles, loginStyles, providerStyles];

  /** Which form shows: `sign-in`, or `sign-up` when the server allows sign-up (else sign-in shows). */
  @property({ reflect: true }) mode: 'sign-in' | 'sign-up' = 'sign-in';

  /** Space-separated sign-in methods to offer, in order (e.g. `password passkey`); only those the server enables show. Empty: the server's list. */
  @property() methods = '';

  /** The password field holds something: "Sign in" is the primary button. */
  @state() private passwordTyped = false;
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
    const loading = () => renderSkeleton(t, { methods: this.methods, mode: this.mode });
    // `lang` on the content: when the page's language is one we lack, the English text says so to screen readers.
    return html`
      <div part="base" class="base" lang=${t.$lang}>
        ${this.noShadow ? nothing : html`<slot name="header"></slot>`}
        ${this.configTask.render({
          initial: loading,
          pending: loading,
          complete: (config) => {
            if (!config.originAllowed) return this.renderOriginRefused(config);
            return this.session.store.status === 'loading' ? loading() : this.renderView(config, loading);
          },
          error: (error) => renderLoadError(t, t.loadFailed, error, () => void this.retry()),
        })}
        ${this.noShadow ? nothing : html`<slot name="footer"></slot>`}
      </div>
    `;
  }

  /**
   * This page's origin is not in the server's ACCT_ALLOWED_ORIGINS, so every request would be
   * refused. In development, the exact fix; elsewhere a plain message for the visitor, the fix
   * being in the console (the store writes it there) and in the server's log.
   */
  private renderOriginRefused(config: ClientConfig): TemplateResult {
    const t = this.t;
    const message = config.development ? t.card.originNotAllowedDev(location.origin) : t.card.originNotAllowed;
    return html`<p part="error" class="error" role="alert">${message}</p>`;
  }

  private renderView(config: ClientConfig, loading: () => TemplateResult): TemplateResult {
    const t = this.t;
    const store = this.session.store;
    if (store.status === 'signed-in' && store.user) {
      const user = store.user;
      if (this.view === 'offer-passkey') {
        return this.withOtherViews(loading, (views) =>
          views.renderPasskeyOffer(
            this.ctx,
            { notice: this.notice, formError: this.formError },
            { add: this.addPasskey, dismiss: this.dismissOffer },
          ),
        );
      }
      // Back from an emailed link, deciding on the offer: nothing to show yet, and not the form.
      if (this.signingIn && !this.busy && this.view === 'form') return renderLoading(t);
      if (!this.signingIn) {
        const returned =
          store.returnedFrom && !store.returnedFrom.error ? (t.returned[store.returnedFrom.flow] ?? '') : '';
        const view = {
          name: user.displayName || user.email,
          notice: this.notice || returned,
          redirect: this.redirect ? returnAddress(this.redirect) : '',
          formError: this.formError,
          deletion: user.deletionScheduledFor,
        };
        return this.withOtherViews(loading, (views) =>
          views.renderSignedIn(this.ctx, view, {
            signOut: this.signOut,
            handOver: this.continueToSite,
            cancelDeletion: this.cancelDeletion,
          }),
        );
      }
    }
    if (this.secondStepShown) return this.withOtherViews(loading, (views) => this.renderSecondFactor(views));
    const view = this.view;
    switch (view) {
      case 'forgot':
      case 'reset-sent':
      case 'verify':
        return this.withOtherViews(loading, (views) => this.renderMessage(views, view));
      case 'link-sent':
        return this.withOtherViews(loading, (views) => this.renderLinkSent(views));
      default:
        return this.renderForm(config);
    }
  }

  private renderLinkSent(views: OtherViews): TemplateResult {
    const t = this.t;
    const state = this.link.state;
    let news = state === 'expired' ? t.linkExpired : this.notice;
    // "Used" while still signed out here: the link was opened in another browser (a tab of this
    // one signs this page in through the store's channel, and then the signed-in panel shows).
    if (state === 'used') news = t.linkUsedElsewhere;
    const text = [t.linkSent(this.email), t.linkLifetime(inSeconds(t.$lang, this.link.lifetimeSeconds))];
    const view = {
      title: t.linkSentTitle,
      text,
      notice: news,
      formError: this.shownError,
      formErrorTicks: !!this.limited,
      resendLabel: t.sendNewLink,
      resendAction: 'magic-link',
    };
    return views.renderSent(this.ctx, view, { back: this.backToForm, resend: this.resendLink });
  }

  private renderForm(config: ClientConfig): TemplateResult {
    const t = this.t;
    const offer = this.offer(config);
    if (!offer.methods.length) return html`<p part="error" class="error" role="alert">${t.errors.no_methods}</p>`;
    // A link that came back refused (expired, used) is explained on the form until the next submit.
    const refused = this.session.store.returnedFrom?.error;
    const formError = this.shownError || (refused && !this.touched ? errorMessage(t, refused) : '');
    const state: SignInFormState = {
      config,
      ...offer,
      primary: primaryMethod(offer.methods, this.passwordTyped),
      email: this.email,
      formError,
      formErrorTicks: !!this.limited,
      notice: this.notice,
      news: this.signedOutNews,
      passkeyPrompt: this.passkeyPrompt,
      providers: this.renderProviderButtons(config, true),
    };
    return renderSignInForm(this.ctx, state, {
      submit: this.onSubmit,
      input: this.onInput,
      keydown: this.onKeydown,
      forgot: this.showForgot,
      switchMode: this.switchMode,
      cancelPasskey: this.cancelPasskey,
    });
  }

  /** The methods shown and the mode in force, given the server's settings. */
  private offer(config: ClientConfig): Offer {
    return offerFor(this.methods, config, this.mode, browserSupportsWebAuthn());
  }

  /** The background autofill request runs while the sign-in form offering passkeys is shown and idle. */
  private autofillWanted(): boolean {
    const config = this.configTask.value;
    if (!config || this.view !== 'form' || this.busy || this.signingIn || this.session.store.status !== 'signed-out')
      return false;
    const { methods, signUp } = this.offer(config);
    return !signUp && methods.includes('passkey');
  }

  protected override onInput(event: Event): void {
    super.onInput(event);
    const target = event.target;
    if (target instanceof HTMLInputElement && target.name === 'password') this.passwordTyped = target.value !== '';
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const config = this.configTask.value;
    if (!config || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const { methods, signUp } = this.offer(config);
    const submitter = event.submitter instanceof HTMLButtonElement ? event.submitter.value : '';
    // No button named (a script's `requestSubmit()`): the primary one, judged from the form as it is.
    const method = methods.find((m) => m === submitter) ?? primaryMethod(methods, !!field(form, 'password')?.value);
    if (!method || this.countdown.remaining(method)) return;
    this.markTouched();
    this.formError = '';
    this.limited = null;
    this.notice = '';
    this.problems = validate(form, method, signUp, config.passwordMinLength);
    if (await this.focusFirstProblem(form)) return;
    this.email = field(form, 'email')?.value ?? '';
    if (method === 'passkey') return this.signInWithPasskey(form);
    if (method === 'magic-link') return this.sendLink(form);
    const value = (name: 'displayName' | 'password') => field(form, name)?.value ?? '';
    const store = this.session.store;
    const redirectUrl = returnAddress(this.redirect);
    const options = this.requestOptions;
    await this.run(
      form,
      () =>
        this.completeSignIn('password', async () => {
          if (!signUp)
            return userOf(await store.signIn({ email: this.email, password: value('password'), redirectUrl }, options));
          const displayName = value('displayName').trim();
          const details = {
            email: this.email,
            password: value('password'),
            ...(displayName ? { displayName } : {}),
            redirectUrl,
          };
          const result = await store.signUp(details, options);
          this.emit('acct-signed-up', result);
          if (!result.user) void this.showView('verify', { unconfirmedSignIn: false });
          return result.user;
        }),
      { action: 'password' },
    );
  }

  /** A passkey picked in the email field's autofill. */
  private signInWithAutofill(assertion: PasskeyAssertion): Promise<void> {
    const store = this.session.store;
    return this.run(
      null,
      () => this.completeSignIn('passkey', async () => userOf(await signInWithAssertion(store, assertion))),
      { action: 'passkey' },
    );
  }

  /** "Email me a sign-in link", and "Send a new link": the "check your inbox" view then follows the link. */
  private async sendLink(form: HTMLFormElement | null): Promise<void> {
    await this.run(
      form,
      async () => {
        const sent = await this.session.store.requestMagicLink(
          this.email,
          returnAddress(this.redirect),
          this.requestOptions,
        );
        this.link.start(sent);
        if (this.view === 'link-sent') this.notice = this.t.linkResent;
        else void this.showView('link-sent');
      },
      { action: 'magic-link' },
    );
  }

  private resendLink(): void {
    if (this.busy || this.countdown.remaining('magic-link')) return;
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
    super.sessionChanged();
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
