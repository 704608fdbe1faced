/**
 * `<acct-password>`: the signed-in user changes their password (`POST /api/auth/password/change`)
 * by typing the current one and the new one twice. The server ends the user's other sessions and
 * mails a notice; the element says how many devices were signed out. Someone without a password
 * (signed up by link, passkey or a provider) sets one through "Forgot password?" on the sign-in
 * form, which the element explains. This module only declares the class; `define.ts` registers it.
 */
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { AccountElement } from '../../core/account-element.js';
import type { ApiError } from '../../core/api-client.js';
import { errorDetail } from '../../core/events.js';
import { textField } from '../../core/form-fields.js';
import { errorMessage, fieldErrors } from '../../core/i18n/index.js';
import { formStyles } from '../../core/styles/form.styles.js';
import { renderSignedOut } from '../../core/views.js';
import { passwordStyles } from './password.styles.js';

/**
 * Change the signed-in user's password.
 *
 * @summary Change the password: the current one, the new one twice; other devices are signed out.
 *
 * @tag acct-password
 *
 * @slot signed-out - Shown instead of the form while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctPasswordChangedDetail>} acct-password-changed - The password was changed;
 * `detail.otherSessionsEnded` is how many other sessions ended with it.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - The change failed; `detail` is `{ code, status, message }`
 * (e.g. `wrong_password`).
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart intro - What changing the password does.
 * @csspart form - The form.
 * @csspart field - A label with its field.
 * @csspart label - A field's label.
 * @csspart input - A password field.
 * @csspart field-error - A field's error.
 * @csspart button - The button.
 * @csspart primary-button - "Change password".
 * @csspart status - The confirmation after a change.
 * @csspart form-error - Why the change failed.
 * @csspart signed-out - The default content of the `signed-out` slot.
 *
 * @cssproperty [--acct-password-max-width=30rem] - The widest the card grows.
 */
export class AcctPassword extends AccountElement {
  static override stringAreas = ['account'] as const;

  static override styles = [AccountElement.styles, formStyles, passwordStyles];

  @state() private busy = false;
  @state() private done = '';
  @state() private error = '';
  @state() private fields: Record<string, string> = {};

  override render(): TemplateResult {
    const t = this.t;
    const p = t.passwordChange;
    const content =
      this.session.store.status === 'signed-out'
        ? renderSignedOut(p.signedOut)
        : html`<p part="intro" class="intro">${p.intro}</p>
            <form part="form" @submit=${this.submit} novalidate>
              ${textField({ name: 'currentPassword', label: p.current, type: 'password', autocomplete: 'current-password', required: true, error: this.fields.currentPassword })}
              ${textField({ name: 'newPassword', label: p.new, type: 'password', autocomplete: 'new-password', required: true, error: this.fields.newPassword })}
              ${textField({ name: 'confirmPassword', label: p.confirm, type: 'password', autocomplete: 'new-password', required: true, error: this.fields.confirmPassword })}
              <button part="button primary-button" class="primary" type="submit" ?disabled=${this.busy}>${p.submit}</button>
            </form>
            <p part="status" class="status" role="status">${this.done}</p>
            <p part="form-error" class="form-error" role="alert">${this.error}</p>
            <p class="hint">${p.noPassword}</p>`;
    return html`<section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
      <h2 part="title" id="title">${p.title}</h2>
      ${content}
    </section>`;
  }

  /**
   * Checks the form in the browser first, as the sign-in form does (each empty field says what to
   * do, the new password meets the server's minimum, the two new ones match) and focuses the first
   * field to fix; only then asks the server, whose refusals of a field are shown on that field.
   */
  private readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const value = (name: string) => String(form.get(name) ?? '');
    const t = this.t;
    const v = t.validation;
    const next = value('newPassword');
    const again = value('confirmPassword');
    this.busy = true;
    this.done = this.error = '';
    // Only a typed new password needs the minimum: an empty form asks the server nothing.
    const min = next ? ((await this.session.store.config().catch(() => null))?.passwordMinLength ?? 0) : 0;
    let fields: Record<string, string> = {};
    if (!value('currentPassword')) fields.currentPassword = v.passwordMissing;
    // Counted as the server counts: code points, so "é" or an emoji is one character.
    if (!next) fields.newPassword = v.passwordMissing;
    else if ([...next].length < min) fields.newPassword = v.passwordTooShort(min);
    if (!again) fields.confirmPassword = t.fields.required!;
    else if (again !== next) fields.confirmPassword = t.passwordChange.mismatch;
    try {
      if (Object.keys(fields).length) return;
      const { otherSessionsEnded } = await this.session.store.api.call('POST /api/auth/password/change', {
        body: { currentPassword: value('currentPassword'), newPassword: next },
      });
      formElement.reset();
      this.done = t.passwordChange.changed(otherSessionsEnded);
      this.emit('acct-password-changed', { otherSessionsEnded });
    } catch (error) {
      fields = fieldErrors(t, error);
      // The new password's own problems (only the server knows the common ones), in the sign-in form's words.
      const problem = (error as ApiError | null)?.fields?.newPassword;
      if (problem === 'password_too_short' && min) fields.newPassword = v.passwordTooShort(min);
      if (problem === 'password_too_long') fields.newPassword = v.passwordTooLong;
      if (problem === 'password_too_common') fields.newPassword = v.passwordTooCommon;
      // A refusal shown on its fields needs no generic "Some fields are missing or invalid." too.
      if (!Object.keys(fields).length) this.error = errorMessage(t, error);
      this.emit('acct-error', errorDetail(t, error));
    } finally {
      this.fields = fields;
      this.busy = false;
      await this.focusAfterUpdate('[aria-invalid=true]');
    }
  };
}
