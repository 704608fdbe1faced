/**
 * `<acct-login>`: the sign-in (and sign-up) form. It asks the server which methods are enabled
 * (`GET /api/config`) and renders a real form for them: labelled fields with the autocomplete
 * tokens password managers and passkey autofill look for, one button per method, a switch to sign
 * up, a forgotten-password form and the "check your inbox" messages. Signing in goes through the
 * page's session store, so every acct element on the page follows. The templates live in
 * login-views.ts and the form logic in login-form.ts; this module only declares the class, and
 * `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { AcctElement } from '../../core/acct-element.js';
import { ApiError, type ClientConfig, type SignInMethod } from '../../core/api-client.js';
import type { User } from '../../core/api-types.js';
import { errorDetail, type AcctErrorDetail, type AcctSignedInDetail, type AcctSignedOutDetail, type AcctSignedUpDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import { adoptLightDomStyles } from '../../core/light-dom.js';
import { returnAddress } from '../../core/return-code.js';
import { SessionController } from '../../core/session-controller.js';
import { controlStyles } from '../../core/styles/controls.styles.js';
import { renderLoadError, renderLoading } from '../../core/views.js';
import { chooseMethods, field, FIELDS, serverProblems, validate, WIRED_METHODS, type Problems } from './login-form.js';
import { loginStyles } from './login.styles.js';
import { renderForgot, renderSent, renderSignedIn, renderSignInForm, type ViewContext } from './login-views.js';

/** What the card shows besides the sign-in/sign-up form. */
type View = 'form' | 'forgot' | 'reset-sent' | 'verify';

let lightDomInstances = 0;

/**
 * A sign-in form for the methods the acct server enables, with a switch to create an account, a
 * forgotten-password form, and the "confirm your address" notice. While someone is signed in it
 * shows who, with "Sign out". Passkeys and emailed links are offered as the server configures them
 * but answer "not available yet" until their endpoints exist.
 *
 * @summary Sign in (or sign up) with a passkey, an emailed link or a password, as the server allows.
 *
 * @tag acct-login
 *
 * @slot header - Content above the heading, such as the site's logo (not in `no-shadow` mode).
 * @slot footer - Content below the form, such as links to the terms or to help (not in `no-shadow` mode).
 *
 * @fires {CustomEvent<AcctSignedInDetail>} acct-signed-in - The user signed in with the form; `detail` is
 * `{ user, method }`. Cancelable: `preventDefault()` keeps the element from going to `redirect`.
 * @fires {CustomEvent<AcctSignedUpDetail>} acct-signed-up - The user created an account; `detail` is
 * `{ user, verificationRequired }`, `user` being null while the address awaits confirmation.
 * @fires {CustomEvent<AcctSignedOutDetail>} acct-signed-out - The user pressed "Sign out" on the signed-in panel.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Something the user asked for failed (a wrong password,
 * an unreachable server, a retry of the form that failed again); `detail` is `{ code, status, message }`.
 * The first, automatic load failing fires nothing: the element shows that error itself.
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
 * @csspart resend-button - The button sending the confirmation link again.
 * @csspart sign-out-button - The "Sign out" button of the signed-in panel.
 * @csspart switch - The line offering the other mode, or the way back to signing in.
 * @csspart switch-button - The link-like button of that line.
 * @csspart message - The "check your inbox" messages.
 * @csspart signed-in - The panel shown while the user is signed in.
 * @csspart status - The loading message.
 * @csspart error - A message about the whole card: it could not load, or no method is available.
 * @csspart retry-button - The button that loads the form again after a failure.
 *
 * @cssproperty [--acct-login-max-width=26rem] - The widest the card grows.
 */
export class AcctLogin extends AcctElement {
  static override styles = [AcctElement.styles, controlStyles, loginStyles];

  /** Which form shows: `sign-in`, or `sign-up` when the server allows sign-up (else sign-in shows). */
  @property({ reflect: true }) mode: 'sign-in' | 'sign-up' = 'sign-in';

  /** Space-separated sign-in methods to offer, in order (e.g. `password passkey`); only those the server enables show. Empty: the server's list. */
  @property() methods = '';

  /** Where to go after signing in (absolute, or relative to the page); emailed links come back there too. Empty: stay, and links come back to this page. */
  @property() redirect = '';

  /** Renders into the element's own light DOM instead of a shadow root, for password managers that cannot fill shadow DOM (then `::part()` and the slots do not apply); read when the element first connects. */
  @property({ type: Boolean, reflect: true, attribute: 'no-shadow' }) noShadow = false;

  @state() private view: View = 'form';
  /** Validation problems from the last submit, per field. */
  @state() private problems: Problems = {};
  /** A request is in flight: buttons are disabled and nothing else is sent. */
  @state() private busy = false;
  @state() private formError = '';
  @state() private notice = '';
  /** The address the last mail went to (and the one carried between views). */
  @state() private email = '';
  /** The verify view came from signing in unconfirmed (rather than from signing up). */
  @state() private unconfirmedSignIn = false;

  @query('.retry') private retryButton?: HTMLButtonElement | null;

  /** Set by the first submit; until then a refused emailed link's message stays on the form. */
  private touched = false;
  private idPrefix = '';
  private readonly session = new SessionController(this, () => this.serverUrl);

  // The settings from the page's store (one request however many elements ask); re-runs when
  // `server` changes, and a stale answer for the previous server is dropped by the task.
  private readonly configTask = new Task(this, {
    task: async ([store]) => store.config(),
    args: () => [this.session.store] as const,
  });

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (!this.noShadow) return super.createRenderRoot();
    adoptLightDomStyles(this, (this.constructor as typeof AcctLogin).elementStyles);
    // Ids now share the page with other forms (and other acct-logins): make them unique.
    this.idPrefix = `acct-login-${++lightDomInstances}-`;
    return this;
  }

  private get ctx(): ViewContext {
    return {
      t: this.t,
      id: (name) => `${this.idPrefix}${name}`,
      busy: this.busy,
      problems: this.problems,
      minLength: this.configTask.value?.passwordMinLength ?? 0,
    };
  }

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
      const returned = store.returnedFrom && !store.returnedFrom.error ? (t.returned[store.returnedFrom.flow] ?? '') : '';
      const redirect = this.redirect ? returnAddress(this.redirect) : '';
      const name = store.user.displayName || store.user.email;
      return renderSignedIn(this.ctx, { name, returned, redirect, formError: this.formError }, { signOut: this.signOut });
    }
    switch (this.view) {
      case 'forgot':
        return renderForgot(this.ctx, this.email, this.formError, { submit: this.onForgot, back: this.backToForm });
      case 'reset-sent':
        return renderSent(this.ctx, { title: t.resetSentTitle, text: t.resetSent(this.email), notice: '', formError: '' }, { back: this.backToForm });
      case 'verify': {
        const text = this.unconfirmedSignIn ? t.verifyNeeded(this.email) : t.verifySent(this.email);
        const view = { title: t.verifyTitle, text, notice: this.notice, formError: this.formError };
        return renderSent(this.ctx, view, { back: this.backToForm, resend: this.resend });
      }
      default:
        return this.renderForm(config);
    }
  }

  private renderForm(config: ClientConfig): TemplateResult {
    const t = this.t;
    const { methods, signUp } = this.offer(config);
    if (!methods.length) return html`<p part="error" class="error" role="alert">${t.errors.no_methods}</p>`;
    // A link that came back refused (expired, used) is explained on the form until the next submit.
    const refused = this.session.store.returnedFrom?.error;
    const formError = this.formError || (refused && !this.touched ? errorMessage(t, refused) : '');
    return renderSignInForm(
      this.ctx,
      { config, methods, signUp, email: this.email, formError, notice: this.notice },
      { submit: this.onSubmit, input: this.onInput, keydown: this.onKeydown, forgot: this.showForgot, switchMode: this.switchMode },
    );
  }

  /** The methods shown and the mode in force, given the server's settings. */
  private offer(config: ClientConfig): { methods: SignInMethod[]; signUp: boolean } {
    return {
      methods: chooseMethods(this.methods, config.methods),
      signUp: config.signUpEnabled && this.mode === 'sign-up',
    };
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
    if (!WIRED_METHODS.includes(method)) {
      // Passkeys and emailed links are in the server's default configuration, so their buttons
      // stay where the site expects them (and where the journeys look for them) rather than the
      // form changing shape when they are wired; until then a click says so instead of failing.
      this.notice = this.t.methodUnavailable;
      return;
    }
    const value = (name: 'displayName' | 'email' | 'password') => field(form, name)?.value ?? '';
    this.email = value('email');
    await this.run(form, async () => {
      if (signUp) {
        const displayName = value('displayName').trim();
        const result = await this.session.store.signUp({
          email: this.email,
          password: value('password'),
          ...(displayName ? { displayName } : {}),
          redirectUrl: returnAddress(this.redirect),
        });
        this.emit<AcctSignedUpDetail>('acct-signed-up', result);
        if (result.user) this.signedIn(result.user, 'password');
        else this.showView('verify', { unconfirmedSignIn: false });
      } else {
        const redirectUrl = returnAddress(this.redirect);
        const { user } = await this.session.store.signIn({ email: this.email, password: value('password'), redirectUrl });
        this.signedIn(user, 'password');
      }
    });
  }

  private async onForgot(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    this.formError = '';
    this.problems = validate(form, 'reset', false, 0);
    if (await this.focusFirstProblem(form)) return;
    this.email = field(form, 'email')?.value ?? '';
    await this.run(form, async () => {
      await this.session.store.requestPasswordReset(this.email, returnAddress(this.redirect));
      this.showView('reset-sent');
    });
  }

  private async resend(): Promise<void> {
    if (this.busy) return;
    this.notice = '';
    await this.run(null, async () => {
      await this.session.store.resendVerification(this.email, returnAddress(this.redirect));
      this.notice = this.t.linkResent;
    });
  }

  private async signOut(): Promise<void> {
    if (this.busy) return;
    const user = this.session.store.user;
    await this.run(null, async () => {
      await this.session.store.signOut();
      this.emit<AcctSignedOutDetail>('acct-signed-out', { user });
      this.showView('form');
    });
  }

  /**
   * Runs a request with the card busy (buttons disabled, `aria-busy`), and turns a failure into
   * what the user sees: messages next to the fields the server named, the "confirm your address"
   * view for an unconfirmed sign-in, else a message about the whole form; `acct-error` in every case.
   */
  private async run(form: HTMLFormElement | null, request: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await request();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      const problems = form && error instanceof ApiError ? serverProblems(error.fields, (name) => !!field(form, name)) : {};
      if (error instanceof ApiError && error.code === 'email_not_verified') {
        void this.showView('verify', { unconfirmedSignIn: true });
      } else if (form && Object.keys(problems).length) {
        this.problems = problems;
        void this.focusFirstProblem(form);
      } else {
        this.formError = errorMessage(this.t, error);
      }
      // After the state it shows is set, so that a listener awaiting `updateComplete` sees it.
      this.emit<AcctErrorDetail>('acct-error', errorDetail(this.t, error));
    } finally {
      this.busy = false;
    }
  }

  /** Moves focus to the first invalid field; true when there was one. */
  private async focusFirstProblem(form: HTMLFormElement): Promise<boolean> {
    const first = FIELDS.find((name) => this.problems[name]);
    if (!first) return false;
    // Focus moves to the first invalid field, whose label and message (aria-describedby) a
    // screen reader then reads; one alert per field would talk over each other.
    await this.updateComplete;
    field(form, first)?.focus();
    return true;
  }

  private signedIn(user: User, method: string): void {
    const event = this.emit<AcctSignedInDetail>('acct-signed-in', { user, method }, { cancelable: true });
    if (this.redirect && !event.defaultPrevented) location.assign(returnAddress(this.redirect));
  }

  /** Switches view and moves focus to its heading, so that screen readers announce where the user now is. */
  private async showView(view: View, { unconfirmedSignIn = this.unconfirmedSignIn } = {}): Promise<void> {
    this.view = view;
    this.unconfirmedSignIn = unconfirmedSignIn;
    this.problems = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus();
  }

  private showForgot(): void {
    const form = this.renderRoot.querySelector('form');
    this.email = (form && field(form, 'email')?.value) || this.email;
    this.formError = '';
    this.notice = '';
    void this.showView('forgot');
  }

  private backToForm(): void {
    this.formError = '';
    this.notice = '';
    void this.showView('form');
  }

  private onKeydown(event: KeyboardEvent): void {
    // Enter presses the form's first button, which is the server's first method (a passkey by
    // default). A typed password says which method the user means, so Enter uses that instead.
    const target = event.target;
    if (event.key !== 'Enter' || event.isComposing || !(target instanceof HTMLInputElement) || !target.form) return;
    const password = field(target.form, 'password');
    const button = target.form.querySelector<HTMLButtonElement>('button[name="method"][value="password"]');
    if (!password?.value || !button) return;
    event.preventDefault();
    if (!this.busy) target.form.requestSubmit(button);
  }

  private onInput(event: Event): void {
    // A field's message goes as soon as the user edits it; the next submit checks again.
    const name = (event.target as HTMLInputElement).name as keyof Problems;
    if (!this.problems[name]) return;
    const { [name]: _fixed, ...rest } = this.problems;
    this.problems = rest;
  }

  private switchMode(): void {
    this.mode = this.mode === 'sign-up' ? 'sign-in' : 'sign-up';
    this.problems = {};
    this.formError = '';
    this.notice = '';
  }

  private async retry(): Promise<void> {
    const store = this.session.store;
    if (store.status === 'error') void store.refresh();
    await this.configTask.run();
    await this.updateComplete;
    if (this.configTask.status === TaskStatus.ERROR) {
      // The old button was replaced while loading; give focus back to the new one.
      this.retryButton?.focus();
      this.emit<AcctErrorDetail>('acct-error', errorDetail(this.t, this.configTask.error));
    } else {
      // The retry button is gone: keep keyboard users in the form, not at the top of the page.
      this.renderRoot.querySelector<HTMLElement>('input, button')?.focus();
    }
  }
}

/** The two forms `<acct-login>` shows. */
export type LoginMode = AcctLogin['mode'];
