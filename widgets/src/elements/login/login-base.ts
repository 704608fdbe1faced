/**
 * The part of `<acct-login>` that does not depend on how the user signs in: the settings and the
 * session it renders from, which view shows, the busy/error runner every request goes through,
 * focus moving between views and fields, the render root (shadow or light DOM), and the small
 * flows around the form — forgotten password, confirmation link again, sign out, retry. The
 * element itself (login.ts) adds the sign-in methods and their views on top; this class is never
 * registered on its own.
 */
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { AcctElement } from '../../core/acct-element.js';
import { ApiError } from '../../core/api-client.js';
import { errorDetail, type AcctErrorDetail, type AcctSignedOutDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import { adoptLightDomStyles } from '../../core/light-dom.js';
import { returnAddress } from '../../core/return-code.js';
import { SessionController } from '../../core/session-controller.js';
import { isAbort } from '../../core/webauthn.js';
import { field, FIELDS, serverProblems, validate, type Problems } from './login-form.js';
import type { ViewContext } from './login-views.js';

/** What the card shows besides the sign-in/sign-up form. */
export type View = 'form' | 'forgot' | 'reset-sent' | 'verify' | 'link-sent' | 'offer-passkey';

let lightDomInstances = 0;

export abstract class LoginBase extends AcctElement {
  /** Where to go after signing in (absolute, or relative to the page); emailed links come back there too. Empty: stay, and links come back to this page. */
  @property() redirect = '';

  /** Renders into the element's own light DOM instead of a shadow root, for password managers that cannot fill shadow DOM (then `::part()` and the slots do not apply); read when the element first connects. */
  @property({ type: Boolean, reflect: true, attribute: 'no-shadow' }) noShadow = false;

  @state() protected view: View = 'form';
  /** Validation problems from the last submit, per field. */
  @state() protected problems: Problems = {};
  /** A request is in flight: buttons are disabled and nothing else is sent. */
  @state() protected busy = false;
  @state() protected formError = '';
  @state() protected notice = '';
  /** The address the last mail went to (and the one carried between views). */
  @state() protected email = '';
  /** The verify view came from signing in unconfirmed (rather than from signing up). */
  @state() protected unconfirmedSignIn = false;

  @query('.retry') private retryButton?: HTMLButtonElement | null;

  /** Set by the first submit; until then a refused emailed link's message stays on the form. */
  protected touched = false;
  private idPrefix = '';
  protected readonly session = new SessionController(this, () => this.serverUrl, () => this.sessionChanged());

  // The settings from the page's store (one request however many elements ask); re-runs when
  // `server` changes, and a stale answer for the previous server is dropped by the task.
  protected readonly configTask = new Task(this, {
    task: async ([store]) => store.config(),
    args: () => [this.session.store] as const,
  });

  /** Called on every change of the session store, before the element re-renders. */
  protected sessionChanged(): void {}

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (!this.noShadow) return super.createRenderRoot();
    adoptLightDomStyles(this, (this.constructor as typeof LoginBase).elementStyles);
    // Ids now share the page with other forms (and other acct-logins): make them unique.
    this.idPrefix = `acct-login-${++lightDomInstances}-`;
    return this;
  }

  protected get ctx(): ViewContext {
    return {
      t: this.t,
      id: (name) => `${this.idPrefix}${name}`,
      busy: this.busy,
      problems: this.problems,
      minLength: this.configTask.value?.passwordMinLength ?? 0,
    };
  }

  /**
   * Runs a request with the card busy (buttons disabled, `aria-busy`), and turns a failure into
   * what the user sees: messages next to the fields the server named, the "confirm your address"
   * view for an unconfirmed sign-in, else a message about the whole form; `acct-error` in every
   * case but two. An abort is our own doing (the element left, another ceremony replaced this
   * one). The user closing the browser's passkey dialog is their choice: `cancelled` says so
   * politely, in the notice's live region rather than as an alert.
   */
  protected async run(form: HTMLFormElement | null, request: () => Promise<void>, { cancelled = '' } = {}): Promise<void> {
    this.busy = true;
    try {
      await request();
    } catch (error) {
      if (isAbort(error)) return;
      if (error instanceof ApiError && error.code === 'passkey_cancelled') {
        this.notice = cancelled || errorMessage(this.t, error);
        return;
      }
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
  protected async focusFirstProblem(form: HTMLFormElement): Promise<boolean> {
    const first = FIELDS.find((name) => this.problems[name]);
    if (!first) return false;
    // Focus moves to the first invalid field, whose label and message (aria-describedby) a
    // screen reader then reads; one alert per field would talk over each other.
    await this.updateComplete;
    field(form, first)?.focus();
    return true;
  }

  /** Switches view and moves focus to its heading, so that screen readers announce where the user now is. */
  protected async showView(view: View, { unconfirmedSignIn = this.unconfirmedSignIn } = {}): Promise<void> {
    this.view = view;
    this.unconfirmedSignIn = unconfirmedSignIn;
    this.problems = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus();
  }

  protected showForgot(): void {
    const form = this.renderRoot.querySelector('form');
    this.email = (form && field(form, 'email')?.value) || this.email;
    this.formError = '';
    this.notice = '';
    void this.showView('forgot');
  }

  protected backToForm(): void {
    this.formError = '';
    this.notice = '';
    void this.showView('form');
  }

  protected async onForgot(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    this.formError = '';
    this.problems = validate(form, 'reset', false, 0);
    if (await this.focusFirstProblem(form)) return;
    this.email = field(form, 'email')?.value ?? '';
    await this.run(form, async () => {
      await this.session.store.requestPasswordReset(this.email, returnAddress(this.redirect));
      void this.showView('reset-sent');
    });
  }

  /** "Send the link again" on the confirm-your-address view. */
  protected async resend(): Promise<void> {
    if (this.busy) return;
    this.notice = '';
    await this.run(null, async () => {
      await this.session.store.resendVerification(this.email, returnAddress(this.redirect));
      this.notice = this.t.linkResent;
    });
  }

  protected async signOut(): Promise<void> {
    if (this.busy) return;
    const user = this.session.store.user;
    await this.run(null, async () => {
      await this.session.store.signOut();
      this.notice = '';
      this.emit<AcctSignedOutDetail>('acct-signed-out', { user });
      void this.showView('form');
    });
  }

  protected onKeydown(event: KeyboardEvent): void {
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

  protected onInput(event: Event): void {
    // A field's message goes as soon as the user edits it; the next submit checks again.
    const name = (event.target as HTMLInputElement).name as keyof Problems;
    if (!this.problems[name]) return;
    const { [name]: _fixed, ...rest } = this.problems;
    this.problems = rest;
  }

  protected async retry(): Promise<void> {
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
