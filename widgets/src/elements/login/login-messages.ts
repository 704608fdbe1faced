/**
 * `<acct-login>`'s flows around the form that end in a message: the forgotten-password form and
 * "check your inbox" once the reset link is sent, and "confirm your address" after signing up or
 * signing in unconfirmed, with the confirmation link sent again. Their templates are in
 * login-other-views.ts, fetched on demand; this class is never registered on its own.
 */
import type { TemplateResult } from 'lit';
import { returnAddress } from '../../core/return-address.js';
import { LoginBase, type OtherViews } from './login-base.js';
import { field, validate } from './login-form.js';

export abstract class LoginMessages extends LoginBase {
  protected showForgot(): void {
    const form = this.renderRoot.querySelector('form');
    this.email = (form && field(form, 'email')?.value) || this.email;
    this.formError = '';
    this.notice = '';
    void this.showView('forgot');
  }

  protected async onForgot(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    this.formError = '';
    this.problems = validate(form, 'reset', false, 0);
    if (await this.focusFirstProblem(form)) return;
    this.email = field(form, 'email')?.value ?? '';
    this.markTouched();
    await this.run(
      form,
      async () => {
        await this.session.store.requestPasswordReset(this.email, returnAddress(this.redirect), this.requestOptions);
        void this.showView('reset-sent');
      },
      { action: 'reset' },
    );
  }

  /** "Send the link again" on the confirm-your-address view. */
  protected async resend(): Promise<void> {
    if (this.busy || this.countdown.remaining('resend')) return;
    this.notice = '';
    await this.run(
      null,
      async () => {
        await this.session.store.resendVerification(this.email, returnAddress(this.redirect), this.requestOptions);
        this.notice = this.t.linkResent;
      },
      { action: 'resend' },
    );
  }

  /** The forgotten-password form and the "check your inbox" messages. */
  protected renderMessage(views: OtherViews, view: 'forgot' | 'reset-sent' | 'verify'): TemplateResult {
    const t = this.t;
    switch (view) {
      case 'forgot':
        return views.renderForgot(
          this.ctx,
          this.email,
          this.shownError,
          { submit: this.onForgot, back: this.backToForm },
          { formErrorTicks: !!this.limited },
        );
      case 'reset-sent':
        return views.renderSent(
          this.ctx,
          { title: t.resetSentTitle, text: [t.resetSent(this.email)], notice: '', formError: '' },
          { back: this.backToForm },
        );
      case 'verify': {
        const text = this.unconfirmedSignIn ? t.verifyNeeded(this.email) : t.verifySent(this.email);
        const message = {
          title: t.verifyTitle,
          text: [text],
          notice: this.notice,
          formError: this.shownError,
          formErrorTicks: !!this.limited,
        };
        return views.renderSent(this.ctx, message, { back: this.backToForm, resend: this.resend });
      }
    }
  }
}
