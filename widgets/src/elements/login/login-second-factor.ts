/**
 * `<acct-login>`'s second step (issue 14): after a right password, magic link, provider sign-in
 * or a passkey that did not verify its user, for an account with two-step verification, the
 * store holds the waiting sign-in (`secondFactor`) and the card asks for the authenticator app's
 * code — `autocomplete="one-time-code"`, `inputmode="numeric"` — or, after "Use a recovery code",
 * one of the saved codes. A wrong code says so by its error code; an expired sign-in goes back to
 * the form. The element itself (login.ts) renders it; this class is never registered on its own.
 */
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { SecondFactorRequired } from '../../../../contract/mfa.js';
import { LoginPasskey } from './login-passkey.js';
import { renderActionButton, renderFormError, renderTitle } from './login-views.js';

export abstract class LoginSecondFactor extends LoginPasskey {
  /** "Use a recovery code" was chosen. */
  @state() private useRecovery = false;
  /** The waiting sign-in the second step was last shown for (focus moves to it once). */
  private shownFor: SecondFactorRequired | null = null;

  protected override sessionChanged(): void {
    super.sessionChanged();
    const pending = this.session.store.secondFactor;
    if (!pending || pending === this.shownFor) return;
    this.shownFor = pending;
    this.useRecovery = false;
    this.formError = '';
    this.notice = '';
    // The step's words are a string area of their own (core/i18n/en-second-factor.ts): the next
    // render waits for them.
    void this.useStrings('second-factor');
    // The re-render for this change is requested after this call: ask for it now, so that
    // `updateComplete` waits for the second step rather than resolving on the form about to go.
    this.requestUpdate();
    void this.updateComplete.then(() => this.focusCode());
  }

  /** The second step, when a sign-in waits for it; null otherwise. */
  protected renderSecondFactor(): TemplateResult | null {
    const store = this.session.store;
    if (!store.secondFactor || store.status === 'signed-in') return null;
    const ctx = this.ctx;
    const t = this.t.secondFactor;
    const recovery = this.useRecovery;
    const id = ctx.id('mfa-code');
    return html`
      <form part="form" novalidate aria-labelledby=${ctx.id('title')} aria-busy=${ctx.busy ? 'true' : 'false'} @submit=${this.onSecondFactor}>
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
        ${renderFormError(this.shownError)}
        <div class="actions">${renderActionButton(ctx, { action: 'mfa', label: t.verify, primary: true, type: 'submit' })}</div>
        <p part="switch" class="switch">
          <button part="switch-button" class="link" type="button" @click=${this.toggleRecovery}>${recovery ? t.useApp : t.useRecovery}</button>
        </p>
        <p part="switch" class="switch">
          <button part="switch-button" class="link" type="button" @click=${this.startOver}>${t.startOver}</button>
        </p>
      </form>
    `;
  }

  private async onSecondFactor(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const input = form.querySelector<HTMLInputElement>('input');
    const value = input?.value.trim() ?? '';
    if (!value) {
      input?.focus();
      return;
    }
    this.markTouched();
    this.formError = '';
    const proof = this.useRecovery ? { recoveryCode: value } : { code: value.replace(/\s+/g, '') };
    const store = this.session.store;
    await this.run(null, () => this.completeSignIn('mfa', async () => (await store.verifySecondFactor(proof)).user), {
      action: 'mfa',
    });
    // A wrong code: the field is emptied for the next one, and keeps focus.
    if (store.secondFactor && this.formError && input) {
      input.value = '';
      input.focus();
    }
  }

  private toggleRecovery(): void {
    this.useRecovery = !this.useRecovery;
    this.formError = '';
    void this.updateComplete.then(() => this.focusCode());
  }

  private startOver(): void {
    this.formError = '';
    this.session.store.cancelSecondFactor();
    void this.showView('form');
  }

  private focusCode(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name="code"], input[name="recoveryCode"]')?.focus();
  }
}
