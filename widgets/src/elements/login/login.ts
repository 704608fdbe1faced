/**
 * `<acct-login>`: the sign-in (and sign-up) form. It asks the server which methods are enabled
 * (`GET /api/config`) and renders a real form for them: labelled fields with the autocomplete
 * tokens password managers and passkey autofill look for, one button per method, and a switch to
 * sign up when the server allows it. This module only declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Task, TaskStatus } from '@lit/task';
import { AcctElement } from '../../core/acct-element.js';
import { ApiClient, ApiError, type ClientConfig, type SignInMethod } from '../../core/api-client.js';
import type { AcctErrorDetail } from '../../core/events.js';
import { errorMessage, type Translation } from '../../core/i18n/index.js';
import { loginStyles } from './login.styles.js';

type FieldName = 'displayName' | 'email' | 'password';
type Problem = keyof Translation['validation'];
type Problems = Partial<Record<FieldName, Problem>>;

/** In the order the form shows them, which is the order focus visits the first invalid one. */
const FIELDS: readonly FieldName[] = ['displayName', 'email', 'password'];

/** The methods to offer: those named in `requested`, in its order, that the server enables; all of the server's when empty. */
function chooseMethods(requested: string, enabled: readonly SignInMethod[]): SignInMethod[] {
  const wanted = requested.split(/\s+/).filter(Boolean);
  if (!wanted.length) return [...enabled];
  return [...new Set(wanted)].filter((m): m is SignInMethod => (enabled as readonly string[]).includes(m));
}

/** What is wrong with the form for submitting with `method`; empty when it may be sent. */
function validate(form: HTMLFormElement, method: SignInMethod, signUp: boolean, minLength: number): Problems {
  const field = (name: FieldName) => form.elements.namedItem(name) as HTMLInputElement | null;
  const problems: Problems = {};
  const displayName = field('displayName');
  if (displayName && !displayName.value.trim()) problems.displayName = 'displayNameMissing';
  const email = field('email');
  // Signing in with a passkey needs no email: the authenticator offers the accounts it holds.
  if (email && (signUp || method !== 'passkey')) {
    if (email.validity.valueMissing) problems.email = 'emailMissing';
    else if (email.validity.typeMismatch) problems.email = 'emailInvalid';
  }
  const password = field('password');
  if (password && method === 'password') {
    if (!password.value) problems.password = 'passwordMissing';
    // Only a new password must meet today's minimum: one set before the minimum was raised must
    // still sign in, so sign-in leaves the length to the server.
    else if (signUp && password.value.length < minLength) problems.password = 'passwordTooShort';
  }
  return problems;
}

interface FieldOptions {
  label: string;
  type: 'text' | 'email' | 'password';
  autocomplete: string;
  required: boolean;
  minlength?: number;
  hint?: string;
}

/**
 * A sign-in form for the methods the acct server enables, with a switch to create an account.
 *
 * @summary Sign in (or sign up) with a passkey, an emailed link or a password, as the server allows.
 *
 * @tag acct-login
 *
 * @slot header - Content above the heading, such as the site's logo.
 * @slot footer - Content below the form, such as links to the terms or to help.
 *
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Loading the form failed again after the user
 * pressed "Try again"; `detail` is `{ code, status, message }`. The first, automatic load failing
 * fires nothing, because events fire on user action only: the element shows that error itself.
 * @fires {CustomEvent} acct-signed-in - Planned: the user signed in. Not fired yet, because the
 * sign-in endpoints do not exist yet.
 * @fires {CustomEvent} acct-signed-up - Planned: the user created an account. Not fired yet.
 *
 * @csspart base - The card around everything.
 * @csspart form - The form.
 * @csspart title - The heading, "Sign in to {product}".
 * @csspart field - A field: its label, input, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A text field.
 * @csspart hint - A field's hint, such as the password's minimum length when signing up.
 * @csspart field-error - A field's validation message.
 * @csspart actions - The group of method buttons.
 * @csspart button - Every button of the card but the mode switch.
 * @csspart primary-button - The first method's button, the one Enter presses.
 * @csspart switch - The line offering the other mode.
 * @csspart switch-button - The link-like button switching between signing in and signing up.
 * @csspart status - The loading message.
 * @csspart error - A message about the whole form: it could not load, or no method is available.
 * @csspart retry-button - The button that loads the form again after a failure.
 *
 * @cssproperty [--acct-login-max-width=26rem] - The widest the card grows.
 */
export class AcctLogin extends AcctElement {
  static override styles = [AcctElement.styles, loginStyles];

  /** Which form shows: `sign-in`, or `sign-up` when the server allows sign-up (else sign-in shows). */
  @property({ reflect: true }) mode: 'sign-in' | 'sign-up' = 'sign-in';

  /** Space-separated sign-in methods to offer, in order (e.g. `password passkey`); only those the server enables show. Empty: the server's list. */
  @property() methods = '';

  /** Validation problems from the last submit, per field. */
  @state() private problems: Problems = {};

  @query('.retry') private retryButton?: HTMLButtonElement | null;

  // Re-runs when `server` changes; aborts the fetch in flight when it does.
  private readonly configTask = new Task(this, {
    task: async (_args, { signal }) => new ApiClient(this.serverUrl).getConfig({ signal }),
    args: () => [this.server] as const,
  });

  override render(): TemplateResult {
    const t = this.t;
    const loading = () => html`<p part="status" class="status" role="status">${t.loading}</p>`;
    // `lang` on the content: when the page's language is one we lack, the English text says so to screen readers.
    return html`
      <div part="base" class="base" lang=${t.$lang}>
        <slot name="header"></slot>
        ${this.configTask.render({
          initial: loading,
          pending: loading,
          complete: (config) => this.renderForm(config),
          error: (error) => this.renderLoadError(error),
        })}
        <slot name="footer"></slot>
      </div>
    `;
  }

  private renderLoadError(error: unknown): TemplateResult {
    const t = this.t;
    return html`
      <p part="error" class="error" role="alert">${t.loadFailed} ${errorMessage(t, error)}</p>
      <div>
        <button part="button retry-button" class="retry" type="button" @click=${this.retry}>${t.retry}</button>
      </div>
    `;
  }

  private renderForm(config: ClientConfig): TemplateResult {
    const t = this.t;
    const { methods, signUp } = this.offer(config);
    if (!methods.length) return html`<p part="error" class="error" role="alert">${t.errors.no_methods}</p>`;
    const hasPassword = methods.includes('password');
    return html`
      <form part="form" novalidate aria-labelledby="title" @submit=${this.onSubmit} @input=${this.onInput}>
        <h2 part="title" id="title">${signUp ? t.signUpTitle(config.productName) : t.signInTitle(config.productName)}</h2>
        ${signUp
          ? this.renderField('displayName', { label: t.displayName, type: 'text', autocomplete: 'name', required: true })
          : nothing}
        ${this.renderField('email', {
          label: t.email,
          type: 'email',
          // `webauthn` lets the browser offer saved passkeys in this field's autofill (conditional
          // UI); only signing in can use them, a new account has no passkey yet.
          autocomplete: !signUp && methods.includes('passkey') ? 'username webauthn' : 'username',
          required: true,
        })}
        ${hasPassword
          ? this.renderField('password', {
              label: t.password,
              type: 'password',
              autocomplete: signUp ? 'new-password' : 'current-password',
              // Marked required only when it is the only way in; with other methods it may stay empty.
              required: methods.length === 1,
              minlength: config.passwordMinLength,
              ...(signUp ? { hint: t.passwordHint(config.passwordMinLength) } : {}),
            })
          : nothing}
        <div part="actions" class="actions">${methods.map((method, i) => this.renderMethodButton(method, i === 0, signUp))}</div>
        ${config.signUpEnabled
          ? html`<p part="switch" class="switch">
              ${signUp ? t.haveAccount : t.noAccount}
              <button part="switch-button" class="link" type="button" @click=${this.switchMode}>
                ${signUp ? t.signInInstead : t.createAccount}
              </button>
            </p>`
          : nothing}
      </form>
    `;
  }

  private renderField(name: FieldName, field: FieldOptions): TemplateResult {
    const problem = this.problems[name];
    const describedBy = [field.hint ? `${name}-hint` : '', problem ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`
      <div part="field" class="field">
        <label part="label" for=${name}>${field.label}</label>
        <input
          part="input"
          id=${name}
          name=${name}
          type=${field.type}
          autocomplete=${field.autocomplete}
          ?required=${field.required}
          minlength=${ifDefined(field.minlength)}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
        />
        ${field.hint ? html`<p part="hint" class="hint" id="${name}-hint">${field.hint}</p>` : nothing}
        <p part="field-error" class="field-error" id="${name}-error">${problem ? this.problemText(problem) : nothing}</p>
      </div>
    `;
  }

  private renderMethodButton(method: SignInMethod, primary: boolean, signUp: boolean): TemplateResult {
    const t = this.t;
    const labels: Record<SignInMethod, string> = {
      passkey: signUp ? t.passkeySignUp : t.passkeySignIn,
      'magic-link': signUp ? t.magicLinkSignUp : t.magicLinkSignIn,
      password: signUp ? t.signUp : t.signIn,
    };
    // All are submit buttons so that Enter in a field presses the first (primary) one, and the
    // submit event's `submitter` tells which method was chosen.
    return html`<button
      part=${primary ? 'button primary-button' : 'button'}
      class=${primary ? 'primary' : ''}
      type="submit"
      name="method"
      value=${method}
    >
      ${labels[method]}
    </button>`;
  }

  private problemText(problem: Problem): string {
    const t = this.t;
    const min = this.configTask.value?.passwordMinLength ?? 0;
    return problem === 'passwordTooShort' ? t.validation.passwordTooShort(min) : t.validation[problem];
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
    if (!config) return;
    const form = event.currentTarget as HTMLFormElement;
    const { methods, signUp } = this.offer(config);
    const submitter = event.submitter instanceof HTMLButtonElement ? event.submitter.value : '';
    const method = methods.find((m) => m === submitter) ?? methods[0];
    if (!method) return;
    this.problems = validate(form, method, signUp, config.passwordMinLength);
    const firstInvalid = FIELDS.find((name) => this.problems[name]);
    if (firstInvalid) {
      // Focus moves to the first invalid field, whose label and message (aria-describedby) a
      // screen reader then reads; one alert per field would talk over each other.
      await this.updateComplete;
      (form.elements.namedItem(firstInvalid) as HTMLInputElement | null)?.focus();
      return;
    }
    // Valid. Nothing is sent yet: the sign-in endpoints (passwords, magic links, passkeys) arrive
    // with their own issue and none exists on the server today. Until then the form keeps what
    // was typed and fires nothing, because `acct-signed-in` without a session would tell the host
    // page something false, and a "not available yet" message would ship a string to delete later.
  }

  private onInput(event: Event): void {
    // A field's message goes as soon as the user edits it; the next submit checks again.
    const name = (event.target as HTMLInputElement).name as FieldName;
    if (!this.problems[name]) return;
    const { [name]: _fixed, ...rest } = this.problems;
    this.problems = rest;
  }

  private switchMode(): void {
    this.mode = this.mode === 'sign-up' ? 'sign-in' : 'sign-up';
    this.problems = {};
  }

  private async retry(): Promise<void> {
    await this.configTask.run();
    await this.updateComplete;
    if (this.configTask.status === TaskStatus.ERROR) {
      // The old button was replaced while loading; give focus back to the new one.
      this.retryButton?.focus();
      const error = this.configTask.error;
      this.emit<AcctErrorDetail>('acct-error', {
        code: error instanceof ApiError ? error.code : 'unknown',
        status: error instanceof ApiError ? error.status : 0,
        message: errorMessage(this.t, error),
      });
    } else {
      // The retry button is gone: keep keyboard users in the form, not at the top of the page.
      this.renderRoot.querySelector<HTMLElement>('input, button')?.focus();
    }
  }
}

/** The two forms `<acct-login>` shows. */
export type LoginMode = AcctLogin['mode'];
