/**
 * The pieces `<acct-login>` renders, as templates: a labelled field, the method buttons, the
 * title and messages every view has, and the sign-in form. They take what they show and the
 * handlers to call; Lit calls the handlers with the element as `this`, because the element renders
 * them. Keeping them here keeps login.ts to state and behaviour. The other views are in
 * login-other-views.ts, fetched on demand.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ClientConfig, SignInMethod } from '../../core/api-client.js';
import type { Translation } from '../../core/i18n/index.js';

/**
 * What the views call on an event. It may be async: Lit ignores what a listener returns, and the
 * element's async handlers run their requests through `run` (login-base.ts), which catches every
 * failure and shows it.
 */
export type Listener<E extends Event = Event> = (event: E) => void | Promise<void>;
import { problemText, type FieldName, type Problems } from './login-form.js';

/** What every view needs from the element. */
export interface ViewContext {
  t: Translation;
  /** A document-unique id for `name` (prefixed in light-DOM mode, where ids share the page). */
  id(name: string): string;
  /** A request is in flight: every other button is disabled. */
  busy: boolean;
  /** The action whose request is in flight (its button shows a spinner and keeps focus); null when none. */
  working: string | null;
  /** The time left (`m:ss`) before `action` may be tried again after a 429; null when it may. */
  waiting(action: string): string | null;
  problems: Problems;
  minLength: number;
}

export interface ActionButton {
  /** Which action the button starts: its busy and rate-limit state are keyed by it (e.g. `password`, `resend`). */
  action: string;
  label: string;
  /** Its parts besides `button`, e.g. `resend-button`. */
  parts?: string;
  primary?: boolean;
  type?: 'submit' | 'button';
  name?: string;
  value?: string;
  click?: Listener;
  /** A decorative mark before the label (a provider's logo). */
  icon?: TemplateResult;
}

/**
 * A button of the card. While its own request runs it keeps focus and says so — a spinner and
 * `aria-busy` — with `aria-disabled` rather than `disabled`, because a disabled button loses focus
 * to `<body>` and a keyboard user would start again from the top of the page. While any other
 * request runs it is disabled; while its action waits out a rate limit it is disabled too, and
 * shows the time left.
 */
export function renderActionButton(ctx: ViewContext, button: ActionButton): TemplateResult {
  const working = ctx.working === button.action;
  const left = ctx.waiting(button.action);
  const parts = ['button', button.primary ? 'primary-button' : '', button.parts ?? ''].filter(Boolean).join(' ');
  return html`<button
    part=${parts}
    class=${button.primary ? 'primary' : ''}
    type=${button.type ?? 'button'}
    name=${ifDefined(button.name)}
    value=${ifDefined(button.value)}
    ?disabled=${(ctx.busy && !working) || left !== null}
    aria-disabled=${working ? 'true' : nothing}
    aria-busy=${working ? 'true' : nothing}
    @click=${button.click}
  >
    ${working ? html`<span class="spinner" aria-hidden="true"></span>` : (button.icon ?? nothing)}${left ? ctx.t.card.waitButton(button.label, left) : button.label}
  </button>`;
}

export interface FieldOptions {
  label: string;
  type: 'text' | 'email' | 'password';
  autocomplete: string;
  required: boolean;
  minlength?: number;
  hint?: string;
  /** Initial value, e.g. the address typed on another view; set only when it changes, so typing is kept. */
  value?: string;
}

export function renderField(ctx: ViewContext, name: FieldName, field: FieldOptions): TemplateResult {
  const problem = ctx.problems[name];
  const [inputId, hintId, errorId] = [ctx.id(name), ctx.id(`${name}-hint`), ctx.id(`${name}-error`)];
  const describedBy = [field.hint ? hintId : '', problem ? errorId : ''].filter(Boolean).join(' ');
  return html`
    <div part="field" class="field">
      <label part="label" for=${inputId}>${field.label}</label>
      <input
        part="input"
        id=${inputId}
        name=${name}
        type=${field.type}
        autocomplete=${field.autocomplete}
        ?required=${field.required}
        minlength=${ifDefined(field.minlength)}
        .value=${field.value ?? ''}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
      />
      ${field.hint ? html`<p part="hint" class="hint" id=${hintId}>${field.hint}</p>` : nothing}
      <p part="field-error" class="field-error" id=${errorId}>${problem ? problemText(ctx.t, problem, ctx.minLength) : nothing}</p>
    </div>
  `;
}

export function renderMethodButton(
  ctx: ViewContext,
  method: SignInMethod,
  primary: boolean,
  signUp: boolean,
): TemplateResult {
  const t = ctx.t;
  const labels: Record<SignInMethod, string> = {
    // Never on the sign-up form: see offerFor in login-form.ts.
    passkey: t.passkeySignIn,
    'magic-link': signUp ? t.magicLinkSignUp : t.magicLinkSignIn,
    password: signUp ? t.signUp : t.signIn,
  };
  // All are submit buttons, so the submit event's `submitter` tells which method was chosen;
  // Enter in a field presses the primary one (the element's keydown handler, see login-base.ts).
  return renderActionButton(ctx, {
    action: method,
    label: labels[method],
    primary,
    type: 'submit',
    name: 'method',
    value: method,
  });
}

/**
 * A message about the whole form. Inserted (not shown/hidden), because an alert is announced when
 * it appears; focusable, so that focus can rest on it after a failed request. A message counting
 * down (a rate limit's wait) changes every second: `live` marks it `aria-live="off"` inside, so
 * that it is announced once, when it appears, and not on every tick.
 */
export function renderFormError(message: string, { live = true } = {}): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p part="form-error" class="error" role="alert" tabindex="-1">${live ? message : html`<span aria-live="off">${message}</span>`}</p>`;
}

/**
 * A polite live region for news that is not an error ("we have sent another link"). It stays in
 * the DOM, empty, so that screen readers are already watching it when the text arrives. Not
 * `visible`: only announced, for news the card already shows in its own way.
 */
export function renderNotice(message: string, { visible = true } = {}): TemplateResult {
  const text = visible
    ? html`<p part="notice" class="notice">${message}</p>`
    : html`<p class="visually-hidden">${message}</p>`;
  return html`<div class="live" role="status">${message ? text : nothing}</div>`;
}

/** A view's heading; focusable from script so that focus can move to a new view and announce it. */
export function renderTitle(ctx: ViewContext, text: string): TemplateResult {
  return html`<h2 part="title" id=${ctx.id('title')} tabindex="-1">${text}</h2>`;
}

export interface SignInFormState {
  config: ClientConfig;
  /** The methods offered, in order. */
  methods: SignInMethod[];
  /** The method the user is on, whose button is the primary one (see `primaryMethod`). */
  primary: SignInMethod | undefined;
  signUp: boolean;
  /** Whether to show the switch to signing up. */
  canSignUp: boolean;
  /** The address typed on another view, carried over. */
  email: string;
  formError: string;
  /** Whether `formError` counts down (see `renderFormError`). */
  formErrorTicks: boolean;
  notice: string;
  /** News the user did not ask for, under the heading: "You were signed out on another device." */
  news: string;
  /** The browser is asking for a passkey (a modal ceremony): say so, with a way to cancel. */
  passkeyPrompt: boolean;
  /** The provider buttons (login-providers.ts), above the fields. */
  providers: TemplateResult | typeof nothing;
}

export interface SignInFormHandlers {
  submit: Listener<SubmitEvent>;
  input: Listener;
  keydown: Listener<KeyboardEvent>;
  forgot: Listener;
  switchMode: Listener;
  cancelPasskey: Listener;
}

/**
 * "Waiting for your passkey…" while the browser's dialog is up, with Cancel: a dialog that opens
 * on another device (a phone, a security key to touch) can take a while, and the page must not
 * look stuck or leave the user without a way out.
 */
function renderPasskeyWait(ctx: ViewContext, cancel: Listener): TemplateResult {
  const t = ctx.t;
  // No spinner of its own: the passkey button above already shows one.
  return html`<div part="passkey-wait" class="wait">
    <div>
      <p class="wait-title">${t.card.passkeyWaiting}</p>
      <p class="hint">${t.card.passkeyWaitingHint}</p>
    </div>
    <button part="button cancel-button" type="button" @click=${cancel}>${t.card.cancel}</button>
  </div>`;
}

/** The sign-in or sign-up form: fields, "Forgot password?", one button per method, the mode switch. */
export function renderSignInForm(ctx: ViewContext, form: SignInFormState, on: SignInFormHandlers): TemplateResult {
  const { t } = ctx;
  const { config, methods, signUp } = form;
  const hasPassword = methods.includes('password');
  // A passkey needs no address (the authenticator knows its accounts); every other method does.
  const emailNeeded = methods.some((m) => m !== 'passkey');
  return html`
    <form part="form" novalidate aria-labelledby=${ctx.id('title')} aria-busy=${ctx.busy ? 'true' : 'false'}
      @submit=${on.submit} @input=${on.input} @keydown=${on.keydown}>
      ${renderTitle(ctx, signUp ? t.signUpTitle(config.productName) : t.signInTitle(config.productName))}
      ${form.news ? html`<p part="notice" class="notice" role="alert">${form.news}</p>` : nothing}
      ${form.providers}
      ${signUp ? renderField(ctx, 'displayName', { label: t.displayName, type: 'text', autocomplete: 'name', required: true }) : nothing}
      ${renderField(ctx, 'email', {
        label: t.email,
        type: 'email',
        // `webauthn` lets the browser offer saved passkeys in this field's autofill (conditional
        // UI); only signing in can use them, a new account has no passkey yet.
        autocomplete: !signUp && methods.includes('passkey') ? 'username webauthn' : 'username',
        required: emailNeeded,
        value: form.email,
      })}
      ${
        hasPassword
          ? renderField(ctx, 'password', {
              label: t.password,
              type: 'password',
              autocomplete: signUp ? 'new-password' : 'current-password',
              // Marked required only when it is the only way in; with other methods it may stay empty.
              required: methods.length === 1,
              minlength: config.passwordMinLength,
              ...(signUp ? { hint: t.passwordHint(config.passwordMinLength) } : {}),
            })
          : nothing
      }
      ${
        hasPassword && !signUp
          ? html`<p class="forgot"><button part="forgot-button" class="link" type="button" @click=${on.forgot}>${t.forgotPassword}</button></p>`
          : nothing
      }
      ${renderFormError(form.formError, { live: !form.formErrorTicks })}
      <div class="actions">${methods.map((method) => renderMethodButton(ctx, method, method === form.primary, signUp))}</div>
      ${form.passkeyPrompt ? renderPasskeyWait(ctx, on.cancelPasskey) : nothing}
      ${form.passkeyPrompt ? renderNotice(t.card.passkeyWaiting, { visible: false }) : renderNotice(form.notice)}
      ${
        form.canSignUp
          ? html`<p part="switch" class="switch">
            ${signUp ? t.haveAccount : t.noAccount}
            <button part="switch-button" class="link" type="button" @click=${on.switchMode}>
              ${signUp ? t.signInInstead : t.createAccount}
            </button>
          </p>`
          : nothing
      }
    </form>
  `;
}
