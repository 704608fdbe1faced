/**
 * Signing in with a provider from `<acct-login>` (issue 10): the `providers` and `oauth-mode`
 * attributes, the click on a provider's button — a popup opened at once (core/oauth-popup.ts),
 * else the whole page sent to the provider — and how the popup's answer ends: its code exchanged
 * for a session like an emailed link's (so `acct-signed-in`, `offer-passkey` and `redirect` follow
 * as for any sign-in), its failure shown by code, its window closed by the user back to the form.
 * The buttons themselves, and the popup's code, are in login-providers.ts, fetched only when there
 * is a provider to show; this class is never registered on its own.
 */
import { nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { OAuthProviderSummary } from '../../../../contract/oauth.js';
import { ApiError, type ClientConfig } from '../../core/api-client.js';
import type { PopupAttempt } from '../../core/oauth-popup.js';
import { OnDemand } from '../../core/on-demand.js';
import { returnAddress } from '../../core/return-address.js';
import { exchangeSignedIn } from '../../core/return-code.js';
import { LoginCompletion } from './login-completion.js';
import { chooseProviders, providerAction } from './login-form.js';

export abstract class LoginProviders extends LoginCompletion {
  /** Which sign-in providers to offer, in order: their ids separated by commas (e.g. `github,google`); only those the server enables show. Empty: the server's list. */
  @property() providers = '';

  /** How a provider's sign-in comes back: `popup` (the page stays; a blocked popup falls back to `redirect`) or `redirect` (the whole page goes to the provider and returns to `redirect`, else this page). */
  @property({ attribute: 'oauth-mode' }) oauthMode: 'popup' | 'redirect' = 'popup';

  /** The provider whose popup is open. */
  @state() private waitingFor: OAuthProviderSummary | null = null;
  private popup: PopupAttempt | null = null;
  /**
   * The provider buttons' module, fetched when there is a provider to show. Their words are a
   * string area of their own (core/i18n/en-providers.ts), fetched with them.
   */
  private readonly buttons = new OnDemand(
    () => Promise.all([import('./login-providers.js'), this.useStrings('providers')]).then(([module]) => module),
    'the provider buttons',
  );

  protected override async configArrived(config: ClientConfig): Promise<void> {
    await super.configArrived(config);
    // Awaited, so that the form shows whole; new settings try again after a failure, and without
    // the module the form shows without the buttons.
    if (chooseProviders(this.providers, config.providers).length) await this.buttons.again();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.popup?.cancel();
  }

  /** The provider buttons for `config`, with the "or" before the rest of the form when `more` follows. */
  protected renderProviderButtons(config: ClientConfig, more: boolean): TemplateResult | typeof nothing {
    const providers = chooseProviders(this.providers, config.providers);
    if (!providers.length) return nothing;
    const buttons = this.buttons.value;
    if (!buttons) {
      // The `providers` attribute changed since the settings came: fetched now, shown when here.
      if (this.buttons.error === undefined) void this.buttons.fetch().then(() => this.requestUpdate());
      return nothing;
    }
    return buttons.renderProviders(
      this.ctx,
      { providers, waitingFor: this.waitingFor, separator: more },
      { choose: this.chooseProvider, cancel: this.cancelProvider },
    );
  }

  /**
   * A provider's button. Everything before `window.open` is synchronous: the click's user
   * activation is what lets the popup through the blocker.
   */
  private chooseProvider(event: Event): void {
    const id = (event.currentTarget as HTMLButtonElement).value;
    const provider = this.configTask.value?.providers?.find((p) => p.id === id);
    const buttons = this.buttons.value;
    if (!provider || this.busy || !buttons) return;
    const { openOAuthPopup, oauthStartUrl, oauthWindow } = buttons;
    const store = this.session.store;
    const attempt =
      this.oauthMode === 'redirect' ? null : openOAuthPopup(store.serverUrl, id, { browserKey: store.browserKey });
    if (!attempt) {
      // Blocked, or asked for: the page itself goes, and the store exchanges the code on its return.
      const returnTo = returnAddress(this.redirect);
      oauthWindow.assign(
        oauthStartUrl(store.serverUrl, id, { mode: 'redirect', returnTo, browserKey: store.browserKey }),
      );
      return;
    }
    this.markTouched();
    this.formError = '';
    this.notice = '';
    this.popup = attempt;
    this.waitingFor = provider;
    void this.run(
      null,
      async () => {
        const outcome = await attempt.outcome;
        this.waitingFor = null;
        if ('closed' in outcome) return;
        if ('error' in outcome) throw new ApiError(outcome.error, 400, `The sign-in with ${provider.name} failed.`);
        await this.completeSignIn(`oauth_${id}`, async () => {
          // Started with this browser's key, so it signs in at once (no confirmation to ask).
          const answer = await store.exchangeCode(outcome.code);
          // An account with two-step verification: the store keeps the waiting sign-in, and the card asks for the code.
          if ('status' in answer && answer.status === 'mfa_required') return null;
          if (!exchangeSignedIn(answer)) throw new ApiError('invalid_code', 400, 'The sign-in could not be completed.');
          return answer.user;
        });
      },
      { action: providerAction(id) },
    ).finally(() => {
      this.popup = null;
      this.waitingFor = null;
    });
  }

  /** The Cancel of "Finish signing in with … in the window that opened": closes it, back to the form. */
  private cancelProvider(): void {
    this.popup?.cancel();
  }
}
