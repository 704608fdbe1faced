/**
 * `<acct-connected-accounts>`: the signed-in user's linked sign-in providers (`GET
 * /api/connected-accounts`), each unlinked after an inline confirmation (`DELETE
 * /api/connected-accounts/:id`). The last way to sign in shows why it cannot be unlinked instead
 * of an "Unlink" button; the server decides again and answers `last_sign_in_method` if the list
 * was stale. It follows the page's session store like the other account lists. This module only
 * declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ConnectedAccount, ConnectedAccountList } from '../../../../contract/connected-accounts.js';
import { AccountElement } from '../../core/account-element.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import type { ChangeCause } from '../../core/session-store.js';
import { providerName, renderAccountRow } from './connected-account-row.js';
import { connectedAccountsStyles } from './connected-accounts.styles.js';

/**
 * The user's connected accounts (Google, GitHub, an OpenID Connect provider…), with a way to unlink them.
 *
 * @summary The signed-in user's connected sign-in providers: when connected, last used, and unlink.
 *
 * @tag acct-connected-accounts
 *
 * @slot signed-out - Shown instead of the list while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctAccountUnlinkedDetail>} acct-account-unlinked - The user unlinked an account; `detail` is `{ account }`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Unlinking, or loading the list again after "Try again", failed;
 * `detail` is `{ code, status, message }` (e.g. `last_sign_in_method`).
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart list - The list of accounts.
 * @csspart item - An account's row.
 * @csspart name - The provider's name.
 * @csspart details - When the account was connected and last used.
 * @csspart hint - Why the user's last way to sign in cannot be unlinked, in its row.
 * @csspart button - Every button.
 * @csspart unlink-button - A row's "Unlink" button.
 * @csspart confirm - The inline confirmation of an unlinking: its question and buttons.
 * @csspart confirm-button - The button that confirms it.
 * @csspart cancel-button - The button that leaves the confirmation.
 * @csspart notice - The announcement after an account was unlinked.
 * @csspart action-error - Why unlinking failed, in the account's row.
 * @csspart empty - The message when the user has no connected account.
 * @csspart status - The loading message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the list could not be loaded.
 * @csspart retry-button - The button that loads the list again.
 *
 * @cssproperty [--acct-connected-accounts-max-width=40rem] - The widest the card grows.
 */
export class AcctConnectedAccounts extends AccountElement {
  static override styles = [AccountElement.styles, connectedAccountsStyles];

  /** The account whose unlinking is being confirmed, or null. */
  @state() private confirming: string | null = null;
  /** A request is in flight. */
  @state() private busy = false;
  @state() private announcement = '';
  /** Why unlinking an account failed, shown in its row. */
  @state() private rowError: { id: string; message: string } | null = null;

  // Loads for the signed-in user, again when the user or the session changes; nothing while signed out.
  private readonly list = new Task(this, {
    task: async ([store, key], { signal }): Promise<ConnectedAccountList | undefined> => {
      if (!key) return undefined;
      return store.api.call('GET /api/connected-accounts', {}, { signal });
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  protected override sessionChanged(cause: ChangeCause): void {
    // Someone else signed in or out: a question about the previous list no longer applies.
    if (cause === 'refresh') return;
    this.confirming = null;
    this.rowError = null;
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title" tabindex="-1">${t.connectedAccounts.title}</h2>
        <p class="intro">${t.connectedAccounts.intro}</p>
        ${this.renderForSession(this.list, t.connectedAccounts, (listing) => this.renderListing(listing))}
      </section>
    `;
  }

  private renderListing({ accounts, otherSignInMethods }: ConnectedAccountList): TemplateResult {
    const t = this.t;
    const now = new Date();
    // The only account of a user with no other way to sign in stays: say so in its row.
    const lastMethod = accounts.length === 1 && otherSignInMethods.length === 0;
    const handlers = { ask: this.ask, confirm: this.confirmUnlink, cancel: this.cancel, keydown: this.onKeydown };
    const row = (account: ConnectedAccount) =>
      renderAccountRow(
        account,
        {
          t,
          confirming: this.confirming === account.id,
          lastMethod,
          error: this.rowError?.id === account.id ? this.rowError.message : '',
          busy: this.busy,
          now,
        },
        handlers,
      );
    return html`
      ${
        accounts.length
          ? html`<ul part="list">${accounts.map(row)}</ul>`
          : html`<p part="empty" class="status">${t.connectedAccounts.empty}</p>`
      }
      <div class="live" role="status">${this.announcement ? html`<p part="notice" class="notice">${this.announcement}</p>` : nothing}</div>
    `;
  }

  /** Opens the confirmation and puts focus on its least harmful choice, as in an alert dialog (WAI-ARIA APG). */
  private async ask(event: Event): Promise<void> {
    this.announcement = '';
    this.rowError = null;
    this.confirming = (event.currentTarget as HTMLElement).dataset.id ?? null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm .cancel')?.focus();
  }

  private async cancel(): Promise<void> {
    const id = this.confirming;
    this.confirming = null;
    await this.focusUnlink(id);
  }

  private async confirmUnlink(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const account = this.list.value?.accounts.find((a) => a.id === id);
    if (!account || this.busy) return;
    this.busy = true;
    try {
      await this.session.store.api.call('DELETE /api/connected-accounts/:id', { params: { id: account.id } });
      this.confirming = null;
      this.emit('acct-account-unlinked', { account });
      await this.list.run();
      this.announcement = this.t.connectedAccounts.unlinked(providerName(account));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      // In the row it is about: "this is your only way to sign in" must be read next to its account.
      this.confirming = null;
      this.rowError = { id: account.id, message: errorMessage(this.t, error) };
      this.emit('acct-error', errorDetail(this.t, error));
      await this.focusUnlink(account.id);
    } finally {
      this.busy = false;
    }
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    void this.cancel();
  }

  /** Back to a row's "Unlink" once the question in its place is gone. */
  private async focusUnlink(id: string | null): Promise<void> {
    await this.updateComplete;
    if (id) this.renderRoot.querySelector<HTMLElement>(`[part~="unlink-button"][data-id="${id}"]`)?.focus();
  }
}
