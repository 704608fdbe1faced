/**
 * `<acct-login>`'s second step (issue 14): after a right password, magic link, provider sign-in
 * or a passkey that did not verify its user, for an account with two-step verification, the
 * store holds the waiting sign-in (`secondFactor`) and the card asks for the authenticator app's
 * code — `autocomplete="one-time-code"`, `inputmode="numeric"` — or, after "Use a recovery code",
 * one of the saved codes. A wrong code says so by its error code; an expired sign-in goes back to
 * the form. The element itself (login.ts) renders it, with the form in login-other-views.ts; this
 * class is never registered on its own.
 */
import type { PropertyValues, TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { SecondFactorRequired } from '../../../../contract/mfa.js';
import type { OtherViews } from './login-base.js';
import { LoginPasskey } from './login-passkey.js';

export abstract class LoginSecondFactor extends LoginPasskey {
  /**
   * The `<acct-login>` elements in the page: with none for its server, the store shows the step in a
   * dialog (second-step-dialog.ts).
   * @internal
   */
  static readonly onPage: LoginSecondFactor[] = [];

  /** "Use a recovery code" was chosen. */
  @state() private useRecovery = false;
  /** The waiting sign-in the second step was last shown for (focus moves to it once). */
  private shownFor: SecondFactorRequired | null = null;
  /** The code field should take focus as soon as it shows. */
  private codeToFocus = false;

  override connectedCallback(): void {
    super.connectedCallback();
    LoginSecondFactor.onPage.push(this);
    // A card added while a sign-in waits (the dialog's, second-step-dialog.ts) shows it at once.
    this.showWaitingStep();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    LoginSecondFactor.onPage.splice(LoginSecondFactor.onPage.indexOf(this), 1);
  }

  /** Whether this card shows the waiting sign-in of `store` (it is that of its server). @internal */
  showsSecondStepOf(store: unknown): boolean {
    return this.session.store === store;
  }

  protected override sessionChanged(): void {
    super.sessionChanged();
    this.showWaitingStep();
  }

  /** Turns the card to the store's waiting sign-in, once for each. */
  private showWaitingStep(): void {
    const pending = this.session.store.secondFactor;
    if (!pending || pending === this.shownFor) return;
    this.shownFor = pending;
    this.useRecovery = false;
    this.formError = '';
    this.notice = '';
    // The step's words are a string area of their own (core/i18n/en-second-factor.ts), and its
    // form is in the views fetched on demand: the next render waits for both.
    void this.useStrings('second-factor');
    this.needOtherViews();
    // The re-render for this change is requested after this call: ask for it now, so that
    // `updateComplete` waits for the second step rather than resolving on the form about to go.
    this.requestUpdate();
    this.codeToFocus = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Focus goes to the code field once it shows: the step's views and strings may arrive after
    // the next render (a card connected while a sign-in waits renders before they are here).
    if (this.codeToFocus && this.focusCode()) this.codeToFocus = false;
  }

  /** Whether a sign-in waits for its second step, which the card then shows. */
  protected get secondStepShown(): boolean {
    const store = this.session.store;
    return !!store.secondFactor && store.status !== 'signed-in';
  }

  /** The second step, from the views' module (login-other-views.ts). */
  protected renderSecondFactor(views: OtherViews): TemplateResult {
    return views.renderSecondStep(
      this.ctx,
      { recovery: this.useRecovery, formError: this.shownError },
      { submit: this.onSecondFactor, toggle: this.toggleRecovery, startOver: this.startOver },
    );
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

  /** Focuses the code field; false while it is not there. */
  private focusCode(): boolean {
    const field = this.renderRoot.querySelector<HTMLInputElement>('input[name="code"], input[name="recoveryCode"]');
    field?.focus();
    return !!field;
  }
}
