/**
 * The passkey button of `<acct-login>`, "Continue with a passkey": the browser's dialog for any
 * passkey of this site, with "Waiting for your passkey…" and Cancel on the card while it is up.
 * (The email field's autofill is passkey-autofill.ts.) This class is never registered on its own.
 */
import { state } from 'lit/decorators.js';
import { isAbort, passkeyAssertion, signInWithAssertion } from '../../core/webauthn.js';
import { LoginProviders } from './login-oauth.js';
import { userOf } from '../../core/return-code.js';

export abstract class LoginPasskey extends LoginProviders {
  /** The browser is showing its passkey dialog for the button's ceremony. */
  @state() protected passkeyPrompt = false;
  /** The user pressed Cancel while waiting for the passkey. */
  private passkeyCancelled = false;

  /**
   * "Continue with a passkey": the browser's dialog, for any passkey of this site (no address
   * needed), with "Waiting for your passkey…" and Cancel on the card while it is up.
   */
  protected async signInWithPasskey(form: HTMLFormElement): Promise<void> {
    const store = this.session.store;
    this.passkeyCancelled = false;
    await this.run(
      form,
      async () => {
        try {
          await this.ceremonies.run(async (ceremony) => {
            // Starting this ceremony has cancelled the autofill request; it starts again once this ends.
            const assertion = await passkeyAssertion(store.api, ceremony, () => (this.passkeyPrompt = true));
            this.passkeyPrompt = false;
            await this.completeSignIn('passkey', async () => userOf(await signInWithAssertion(store, assertion)));
          });
        } catch (error) {
          // Our Cancel aborted the request: the one "cancelled" that is certainly the user's.
          if (isAbort(error) && this.passkeyCancelled) this.notice = this.t.passkeySignInCancelled;
          throw error;
        } finally {
          this.passkeyPrompt = false;
        }
      },
      { action: 'passkey', cancelled: this.t.passkeySignInCancelled },
    );
    if (this.passkeyCancelled) await this.focusMethod('passkey');
  }

  /** The Cancel of "Waiting for your passkey…". */
  protected cancelPasskey(): void {
    this.passkeyCancelled = true;
    this.ceremonies.cancel();
  }

  /** Puts focus back on a method's button (the Cancel that had it is gone). */
  private async focusMethod(method: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`button[name="method"][value="${method}"]`)?.focus();
  }
}
