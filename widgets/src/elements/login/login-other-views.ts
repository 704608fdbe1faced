/**
 * `<acct-login>`'s views besides the sign-in form: the forgotten-password form, the "check your
 * inbox" messages, the second step of a sign-in, the offer to add a passkey and the signed-in
 * panel. Most visitors see only the form, so this module is not in the page: the element fetches
 * it (login-base.ts, `otherViews`) when a request starts — in parallel with it, as most lead here
 * — or when it switches view, and holds its render until it is here. Like login-views.ts, each
 * takes what it shows and the handlers to call.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { deletionDate } from '../../core/deletion-notice.js';
import {
  renderActionButton,
  renderField,
  renderFormError,
  renderNotice,
  renderTitle,
  type Listener,
  type ViewContext,
} from './login-views.js';

export interface ForgotHandlers {
  submit: Listener<SubmitEvent>;
  back: Listener;
}

export function renderForgot(
  ctx: ViewContext,
  email: string,
  formError: string,
  on: ForgotHandlers,
  { formErrorTicks = false } = {},
): TemplateResult {
  const t = ctx.t;
  return html`
    <form part="form" novalidate aria-labelledby=${ctx.id('title')} aria-busy=${ctx.busy ? 'true' : 'false'} @submit=${on.submit}>
      ${renderTitle(ctx, t.forgotTitle)}
      <p part="hint" class="hint">${t.forgotIntro}</p>
      ${renderField(ctx, 'email', { label: t.email, type: 'email', autocomplete: 'username', required: true, value: email })}
      ${renderFormError(formError, { live: !formErrorTicks })}
      <div class="actions">
        ${renderActionButton(ctx, { action: 'reset', label: t.sendResetLink, primary: true, type: 'submit' })}
      </div>
      <p part="switch" class="switch">
        <button part="switch-button" class="link" type="button" @click=${on.back}>${t.backToSignIn}</button>
      </p>
    </form>
  `;
}

export interface SentHandlers {
  back: Listener;
  /** Present when the mail can be sent again from here. */
  resend?: Listener;
}

export interface SentView {
  title: string;
  /** One paragraph each. */
  text: string[];
  notice: string;
  formError: string;
  /** The resend button's label, when it is not "Send the link again". */
  resendLabel?: string;
  /** The resend button's action key (its busy and rate-limit state). */
  resendAction?: string;
  /** Whether `formError` counts down (see `renderFormError`). */
  formErrorTicks?: boolean;
}

/**
 * "Check your inbox": after a reset request, after asking for a sign-in link, or "confirm your
 * address" after signing up or trying to sign in unconfirmed.
 */
export function renderSent(ctx: ViewContext, view: SentView, on: SentHandlers): TemplateResult {
  const t = ctx.t;
  return html`
    <div part="message" class="message" aria-busy=${ctx.busy ? 'true' : 'false'}>
      ${renderTitle(ctx, view.title)} ${view.text.map((paragraph) => html`<p>${paragraph}</p>`)}
      ${renderFormError(view.formError, { live: !view.formErrorTicks })} ${renderNotice(view.notice)}
      ${
        on.resend
          ? html`<div class="actions">
            ${renderActionButton(ctx, { action: view.resendAction ?? 'resend', label: view.resendLabel ?? t.resendLink, parts: 'resend-button', click: on.resend })}
          </div>`
          : nothing
      }
      <p part="switch" class="switch">
        <button part="switch-button" class="link" type="button" @click=${on.back}>${t.backToSignIn}</button>
      </p>
    </div>
  `;
}

/**
 * "Sign in faster next time": after a sign-in by password or emailed link, with `offer-passkey`.
 * Adding is the primary action; "Not now" goes on as if nothing was asked.
 */
export function renderPasskeyOffer(
  ctx: ViewContext,
  { notice, formError }: { notice: string; formError: string },
  on: { add: Listener; dismiss: Listener },
): TemplateResult {
  const t = ctx.t;
  return html`
    <div part="passkey-offer" class="message" aria-busy=${ctx.busy ? 'true' : 'false'}>
      ${renderTitle(ctx, t.offerPasskey.title)}
      <p>${t.offerPasskey.text}</p>
      ${renderFormError(formError)} ${renderNotice(notice)}
      <div class="actions">
        ${renderActionButton(ctx, { action: 'add-passkey', label: t.offerPasskey.add, primary: true, parts: 'add-passkey-button', click: on.add })}
        ${renderActionButton(ctx, { action: 'not-now', label: t.offerPasskey.notNow, parts: 'not-now-button', click: on.dismiss })}
      </div>
    </div>
  `;
}

/**
 * Who is signed in, with "Sign out"; `notice` is news such as "Your email address is confirmed.";
 * `deletion` the date the account is scheduled for deletion, with "Cancel deletion".
 */
export function renderSignedIn(
  ctx: ViewContext,
  {
    name,
    notice,
    redirect,
    formError,
    deletion,
  }: { name: string; notice: string; redirect: string; formError: string; deletion?: string | undefined },
  on: { signOut: Listener; handOver?: Listener | undefined; cancelDeletion: Listener },
): TemplateResult {
  const t = ctx.t;
  // On the hosted sign-in page, "Continue" hands the session to the site page (a link would
  // arrive there signed out); elsewhere it is a plain link.
  const continueTo = on.handOver
    ? renderActionButton(ctx, { action: 'continue', label: t.continue, primary: true, click: on.handOver })
    : html`<a part="button primary-button" class="button primary" href=${redirect}>${t.continue}</a>`;
  return html`
    <div part="signed-in" class="message" aria-busy=${ctx.busy ? 'true' : 'false'}>
      ${renderTitle(ctx, t.signedInAs(name))} ${notice ? html`<p part="notice" class="notice">${notice}</p>` : nothing}
      ${deletion ? html`<p part="deletion-notice" class="notice">${t.deletionNotice.text(deletionDate(t.$lang, deletion))}</p>` : nothing}
      ${renderFormError(formError)}
      <div class="actions">
        ${redirect ? continueTo : nothing}
        ${
          deletion
            ? renderActionButton(ctx, {
                action: 'cancel-deletion',
                label: t.deletionNotice.cancel,
                parts: 'cancel-deletion-button',
                click: on.cancelDeletion,
              })
            : nothing
        }
        ${renderActionButton(ctx, { action: 'sign-out', label: t.signOut, parts: 'sign-out-button', click: on.signOut })}
      </div>
    </div>
  `;
}

export interface SecondStepHandlers {
  submit: Listener<SubmitEvent>;
  /** "Use a recovery code" / "Use the authenticator app". */
  toggle: Listener;
  startOver: Listener;
}

/**
 * The second step of a sign-in (login-second-factor.ts): the authenticator app's code —
 * `autocomplete="one-time-code"`, `inputmode="numeric"` — or, with `recovery`, a saved code.
 */
export function renderSecondStep(
  ctx: ViewContext,
  { recovery, formError }: { recovery: boolean; formError: string },
  on: SecondStepHandlers,
): TemplateResult {
  const t = ctx.t.secondFactor;
  const id = ctx.id('mfa-code');
  return html`
    <form part="form" novalidate aria-labelledby=${ctx.id('title')} aria-busy=${ctx.busy ? 'true' : 'false'} @submit=${on.submit}>
      ${renderTitle(ctx, t.title)}
      <p part="hint" class="hint" id=${ctx.id('mfa-intro')}>${recovery ? t.recoveryIntro : t.intro}</p>
      <div part="field" class="field">
        <label part="label" for=${id}>${recovery ? t.recoveryLabel : t.codeLabel}</label>
        ${
          recovery
            ? html`<input part="input" id=${id} name="recoveryCode" type="text" autocomplete="off" autocapitalize="off" spellcheck="false" required maxlength="64" aria-describedby=${ctx.id('mfa-intro')} />`
            : html`<input part="input" id=${id} name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" required maxlength="8" aria-describedby=${ctx.id('mfa-intro')} />`
        }
      </div>
      ${renderFormError(formError)}
      <div class="actions">${renderActionButton(ctx, { action: 'mfa', label: t.verify, primary: true, type: 'submit' })}</div>
      <p part="switch" class="switch">
        <button part="switch-button" class="link" type="button" @click=${on.toggle}>${recovery ? t.useApp : t.useRecovery}</button>
      </p>
      <p part="switch" class="switch">
        <button part="switch-button" class="link" type="button" @click=${on.startOver}>${t.startOver}</button>
      </p>
    </form>
  `;
}
