/**
 * The part of `<acct-login>` that does not depend on how the user signs in: the settings and the
 * session it renders from, which view shows, the busy/error runner every request goes through
 * (the working button, the wait after a 429, where focus goes after a failure), focus moving
 * between views and fields, the render root (shadow or light DOM), the views fetched on demand
 * (login-other-views.ts), and sign out and retry. The forgotten password and the confirmation
 * link are in login-messages.ts; the element itself (login.ts, over login-completion.ts) adds the
 * sign-in methods and their views on top. This class is never registered on its own.
 */
import type { TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { AcctElement } from '../../core/acct-element.js';
import { ApiError, type ClientConfig, type RequestOptions } from '../../core/api-client.js';
import { RetryCountdown } from '../../core/countdown.js';
import { cancelScheduledDeletion } from '../../core/deletion-notice.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage, inSeconds } from '../../core/i18n/index.js';
import { adoptLightDomStyles } from '../../core/light-dom.js';
import { OnDemand } from '../../core/on-demand.js';
import { SessionController } from '../../core/session-controller.js';
import { renderLoadError } from '../../core/views.js';
import type { ChangeCause } from '../../core/session-store.js';
import { isAbort } from '../../core/webauthn.js';
import { field, FIELDS, serverProblems, type Problems } from './login-form.js';
import type * as OtherViewsModule from './login-other-views.js';
import type { ViewContext } from './login-views.js';

/** The views besides the sign-in form (login-other-views.ts), a module fetched on demand. */
export type OtherViews = typeof OtherViewsModule;

/** Browser refusals of a passkey request that are the user's choice or circumstance, not failures: said quietly, no `acct-error`. */
const QUIET_PASSKEY_CODES = new Set(['passkey_cancelled', 'passkey_unavailable', 'passkey_timed_out']);

export interface RunOptions {
  /** The action the request belongs to: its button shows the spinner, and a 429 disables it for the wait. */
  action?: string;
  /** The notice when the user closed the browser's passkey dialog. */
  cancelled?: string;
}

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
  /** The action whose request is in flight (see `RunOptions.action`). */
  @state() protected working: string | null = null;
  /** The action whose 429 the form error explains, counting down; null when the error is another. */
  @state() protected limited: string | null = null;
  @state() protected formError = '';
  @state() protected notice = '';
  /** The address the last mail went to (and the one carried between views). */
  @state() protected email = '';
  /** The verify view came from signing in unconfirmed (rather than from signing up). */
  @state() protected unconfirmedSignIn = false;

  @query('.retry') private retryButton?: HTMLButtonElement | null;

  /**
   * The views besides the form: fetched when a request starts (most lead to one) or the card
   * switches to one, and by then usually here; the render of such a view waits for it. Each of
   * those moments tries again after a failure (`again`); a render never does.
   */
  protected readonly otherViews = new OnDemand(() => import('./login-other-views.js'), "the sign-in card's views");

  /** The next render shows one of the other views: it waits for their module (fetched again after a failure). */
  protected needOtherViews(): void {
    // Once here, nothing to wait for: store changes while signed in come often.
    if (!this.otherViews.value) this.holdRendersFor(this.otherViews.again());
  }

  /**
   * A view of the module fetched on demand, once it is here: the card waits for it when it
   * switches view, so this is rarely `loading` (the placeholder); a fetch that failed says so,
   * with a retry.
   */
  protected withOtherViews(
    loading: () => TemplateResult,
    render: (views: OtherViews) => TemplateResult,
  ): TemplateResult {
    const views = this.otherViews;
    if (views.value) return render(views.value);
    if (views.error !== undefined) {
      return renderLoadError(this.t, this.t.loadFailed, views.error, () => {
        void views.again().then(() => this.requestUpdate());
      });
    }
    void views.fetch().then(() => this.requestUpdate());
    return loading();
  }

  /** Set by the first submit; until then a refused emailed link's message stays on the form. */
  protected touched = false;
  /** Set by a submit after the session ended elsewhere: its news has been read. */
  @state() private endedNewsHidden = false;
  private idPrefix = '';
  protected readonly session = new SessionController(
    this,
    () => this.serverUrl,
    (cause) => this.storeChanged(cause),
  );
  protected readonly countdown = new RetryCountdown(this, (action) => {
    if (this.limited !== action) return;
    this.limited = null;
    this.formError = '';
    this.notice = this.t.card.tryAgainNow;
  });

  // The settings from the page's store (one request however many elements ask); re-runs when
  // `server` changes, and a stale answer for the previous server is dropped by the task.
  protected readonly configTask = new Task(this, {
    task: async ([store]) => {
      const config = await store.config();
      await this.configArrived(config);
      return config;
    },
    args: () => [this.session.store] as const,
  });

  /**
   * What the form needs fetched before it first shows, now that the settings say what it offers
   * (the provider buttons, login-oauth.ts): awaited, so the form appears whole rather than growing.
   */
  protected async configArrived(_config: ClientConfig): Promise<void> {}

  /** Called on every change of the session store, before the element re-renders. */
  protected sessionChanged(): void {}

  private storeChanged(cause: ChangeCause): void {
    // Someone is signed in (on load, or from another tab): the panel that says so is one of the
    // other views.
    if (this.session.store.status === 'signed-in') this.needOtherViews();
    // Signed out by another device (or an expiry) while this card showed who was signed in: its
    // panel goes, and with it the focus if it was there. Put it on the form's heading, under which
    // the news shows (`signedOutNews`), rather than leave it on <body>.
    if (cause === 'revoked' || cause === 'expired') {
      this.endedNewsHidden = false;
      if (this.focusedInside()) {
        this.view = 'form';
        // The re-render for this change is requested after this call: ask for it now, so that
        // `updateComplete` waits for the form rather than resolving on the panel about to go.
        this.requestUpdate();
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus());
      }
    }
    this.sessionChanged();
  }

  /** The store's news of a session ended elsewhere, until the user submits the form again. */
  protected get signedOutNews(): string {
    const reason = this.session.store.signedOutReason;
    return reason && !this.endedNewsHidden && this.session.store.status === 'signed-out'
      ? this.t.card.signedOut[reason]
      : '';
  }

  /** The user submitted a form: the messages left from before (a refused link, a session ended elsewhere) go. */
  protected markTouched(): void {
    this.touched = true;
    this.endedNewsHidden = true;
  }

  /** The element's own `lang`, for the mail a request sends (the client falls back to the page's). */
  protected get requestOptions(): RequestOptions {
    return this.lang ? { lang: this.lang } : {};
  }

  /** The element's focused node, if focus is inside it (its shadow root, or its light DOM in `no-shadow` mode). */
  protected focusedInside(): Element | null {
    if (this.shadowRoot) return this.shadowRoot.activeElement;
    const active = document.activeElement;
    return active && this.contains(active) ? active : null;
  }

  /** The form error, or the 429's wait counting down while it lasts. */
  protected get shownError(): string {
    if (!this.limited) return this.formError;
    const left = this.countdown.remaining(this.limited);
    return left ? this.t.tooManyRequestsWait(inSeconds(this.t.$lang, left)) : '';
  }

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
      working: this.working,
      waiting: (action) => (this.countdown.remaining(action) ? this.countdown.clock(action) : null),
      problems: this.problems,
      minLength: this.configTask.value?.passwordMinLength ?? 0,
    };
  }

  /**
   * Runs a request with the card busy (the action's button working, the others disabled,
   * `aria-busy`), and turns a failure into what the user sees: messages next to the fields the
   * server named, the "confirm your address" view for an unconfirmed sign-in, a 429's wait
   * counting down on the action's button, else a message about the whole form; `acct-error` in
   * every case but two. An abort is our own doing (the element left, another ceremony replaced
   * this one). A passkey request the browser refused for the user's reasons (the dialog closed, no
   * passkey on this device, no answer in time) is said politely, in the notice's live region.
   * A failure that left focus on a button (the user clicked or pressed it) moves focus to the
   * message, so it is not lost when the button is disabled or replaced; focus in a field stays.
   */
  protected async run(
    form: HTMLFormElement | null,
    request: () => Promise<void>,
    { action, cancelled = '' }: RunOptions = {},
  ): Promise<void> {
    this.busy = true;
    this.working = action ?? null;
    // Whatever the request leads to (a message, the second step, the signed-in panel) is likely one
    // of the other views: fetched beside it rather than after.
    void this.otherViews.again();
    try {
      await request();
    } catch (error) {
      if (isAbort(error)) return;
      if (error instanceof ApiError && QUIET_PASSKEY_CODES.has(error.code)) {
        this.notice = (error.code === 'passkey_cancelled' && cancelled) || errorMessage(this.t, error);
        return;
      }
      const fromButton = this.focusedInside() instanceof HTMLButtonElement;
      const problems =
        form && error instanceof ApiError ? serverProblems(error.fields, (name) => !!field(form, name)) : {};
      this.limited = null;
      if (error instanceof ApiError && error.code === 'email_not_verified') {
        void this.showView('verify', { unconfirmedSignIn: true });
      } else if (form && Object.keys(problems).length) {
        this.problems = problems;
        void this.focusFirstProblem(form);
      } else {
        if (action && this.countdown.startFrom(action, error)) this.limited = action;
        this.formError = errorMessage(this.t, error);
        if (fromButton) void this.focusFormError();
      }
      // After the state it shows is set, so that a listener awaiting `updateComplete` sees it.
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.busy = false;
      this.working = null;
    }
  }

  private async focusFormError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="form-error"]')?.focus();
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
    if (view !== 'form') this.needOtherViews();
    this.view = view;
    this.unconfirmedSignIn = unconfirmedSignIn;
    this.problems = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus();
  }

  protected backToForm(): void {
    this.formError = '';
    this.notice = '';
    void this.showView('form');
  }

  protected async signOut(): Promise<void> {
    if (this.busy) return;
    const user = this.session.store.user;
    await this.run(
      null,
      async () => {
        await this.session.store.signOut();
        this.notice = '';
        this.emit('acct-signed-out', { user });
        void this.showView('form');
      },
      { action: 'sign-out' },
    );
  }

  /** "Cancel deletion" while the signed-in account is scheduled for deletion (core/deletion-notice.ts). */
  protected async cancelDeletion(): Promise<void> {
    if (this.busy) return;
    await this.run(
      null,
      async () => {
        await cancelScheduledDeletion(this.session.store);
        this.notice = this.t.deletionNotice.cancelled;
        this.emit('acct-deletion-cancelled', {});
      },
      { action: 'cancel-deletion' },
    );
  }

  protected onKeydown(event: KeyboardEvent): void {
    // Enter in a field presses the primary button — the method the user is on (a typed password
    // makes it "Sign in") — rather than the browser's choice, the form's first button. Nothing
    // while busy, or while the primary action waits out a rate limit.
    const target = event.target;
    if (event.key !== 'Enter' || event.isComposing || !(target instanceof HTMLInputElement) || !target.form) return;
    // Judged from the fields as they are now: a value set without an input event (some password
    // managers, scripts) has not made "Sign in" primary on screen yet.
    const form = target.form;
    const password = field(form, 'password')?.value
      ? form.querySelector<HTMLButtonElement>('button[name="method"][value="password"]')
      : null;
    const button = password ?? form.querySelector<HTMLButtonElement>('button[name="method"].primary');
    if (!button) return;
    event.preventDefault();
    if (!this.busy && !button.disabled) form.requestSubmit(button);
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
      this.emit('acct-error', errorDetail(this.t, this.configTask.error));
    } else {
      // The retry button is gone: keep keyboard users in the form, not at the top of the page.
      this.renderRoot.querySelector<HTMLElement>('input, button')?.focus();
    }
  }
}
