/**
 * `<acct-connected-accounts>`: the signed-in user's linked sign-in providers (`GET
 * /api/connected-accounts`), each unlinked after an inline confirmation (`DELETE
 * /api/connected-accounts/:id`). The last way to sign in shows why it cannot be unlinked instead
 * of an "Unlink" button; the server decides again and answers `last_sign_in_method` if the list
 * was stale. It follows the page's session store like the other account lists.
 *
 * Linking: "Link <provider>" for each provider the server offers (`GET /api/config`) that is not
 * linked yet. It asks the server for a link attempt (`POST /api/connected-accounts/link`) and
 * goes to the provider's page; the provider's return brings the browser back to this page with
 * `#acct_link=<code>`, which the element redeems as the same signed-in user (`POST
 * /api/connected-accounts/link/complete`), or `#acct_link_error=<code>`, which it explains. The
 * fragment is removed from the address at once. This module only declares the class; `define.ts`
 * registers it.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ConnectedAccount, ConnectedAccountList } from '../../../../contract/connected-accounts.js';
import { LINK_FRAGMENT } from '../../../../contract/constants.js';
import type { OAuthProviderSummary } from '../../../../contract/oauth.js';
import { AccountElement } from '../../core/account-element.js';
import { ApiError } from '../../core/api-client.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import { InlineConfirmation } from '../../core/inline-confirmation.js';
import { takeFromFragment } from '../../core/return-code.js';
import type { ChangeCause } from '../../core/session-store.js';
import { renderAccountRow } from './connected-account-row.js';
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
 * @fires {CustomEvent<AcctAccountLinkedDetail>} acct-account-linked - An account was linked on the provider's return; `detail` is `{ account }`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Unlinking, linking, or loading the list again after "Try again", failed;
 * `detail` is `{ code, status, message }` (e.g. `last_sign_in_method`, `already_linked`).
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
 * @csspart cancel-button - The button that leaves the confirmation (also Escape).
 * @csspart notice - The announcement after an account was unlinked.
 * @csspart action-error - Why unlinking failed, in the account's row.
 * @csspart empty - The message when the user has no connected account.
 * @csspart link - The "Link another account" group: its heading and buttons.
 * @csspart link-button - A "Link <provider>" button.
 * @csspart link-error - Why linking failed (the provider's return, or the start).
 * @csspart status - The loading message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the list could not be loaded.
 * @csspart retry-button - The button that loads the list again.
 *
 * @cssproperty [--acct-connected-accounts-max-width=40rem] - The widest the card grows.
 */
export class AcctConnectedAccounts extends AccountElement {
  static override stringAreas = ['security'] as const;

  static override styles = [AccountElement.styles, connectedAccountsStyles];

  /** A request is in flight. */
  @state() private busy = false;
  @state() private announcement = '';
  /** Why unlinking an account failed, shown in its row. */
  @state() private rowError: { id: string; message: string } | null = null;
  /** Why linking failed, under the "Link" buttons. */
  @state() private linkError = '';
  /** What the provider's return put in the page's fragment, until it is handled while signed in. */
  private returned: { code: string } | { error: string } | null = takeLinkFragment();
  /** The account whose unlinking is being confirmed. */
  private readonly confirmation = new InlineConfirmation(this, {
    opener: (id) => `[part~="unlink-button"][data-id="${id}"]`,
    opening: () => {
      this.announcement = '';
      this.rowError = null;
    },
  });

  // Loads for the signed-in user, again when the user or the session changes; nothing while signed
  // out. The providers offered come along, for the "Link" buttons (none if the config fails).
  private readonly list = new Task(this, {
    task: async ([store, key], { signal }): Promise<Listing | undefined> => {
      if (!key) return undefined;
      const [listing, config] = await Promise.all([
        store.api.call('GET /api/connected-accounts', {}, { signal }),
        store.config().catch(() => null),
      ]);
      return { ...listing, providers: config?.providers ?? [] };
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  protected override sessionChanged(cause: ChangeCause): void {
    // Someone else signed in or out: a question about the previous list no longer applies.
    if (cause === 'refresh') return;
    this.confirmation.close();
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

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The provider's return is handled once the user is known: the code is theirs only. Before
    // this render rather than after it, so that an error it brings shows in it.
    if (this.returned && this.sessionKey) void this.finishReturn();
  }

  private renderListing({ accounts, otherSignInMethods, providers }: Listing): TemplateResult {
    const t = this.t;
    const now = new Date();
    // The only account of a user with no other way to sign in stays: say so in its row.
    const lastMethod = accounts.length === 1 && otherSignInMethods.length === 0;
    const { ask, cancel, keydown } = this.confirmation;
    const handlers = { ask, confirm: this.confirmUnlink, cancel, keydown };
    const row = (account: ConnectedAccount) =>
      renderAccountRow(
        account,
        {
          t,
          confirming: this.confirmation.open === account.id,
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
      ${this.renderLinks(providers.filter((p) => !accounts.some((a) => a.provider === p.id)))}
      <div class="live" role="status">${this.announcement ? html`<p part="notice" class="notice">${this.announcement}</p>` : nothing}</div>
    `;
  }

  private renderLinks(unlinked: OAuthProviderSummary[]): TemplateResult | typeof nothing {
    const texts = this.t.connectedAccounts;
    if (!unlinked.length && !this.linkError) return nothing;
    return html`<div part="link" class="link" role="group" aria-labelledby="link-title">
      <h3 id="link-title">${texts.linkTitle}</h3>
      ${this.linkError ? html`<p part="link-error" class="error" role="alert">${this.linkError}</p>` : nothing}
      <div class="link-buttons">
        ${unlinked.map(
          (p) => html`<button part="button link-button" class="small" type="button" data-provider=${p.id}
            ?disabled=${this.busy} @click=${this.startLink}>${texts.link(p.name)}</button>`,
        )}
      </div>
    </div>`;
  }

  /** Asks for a link attempt and goes to the provider; the provider sends the browser back here. */
  private async startLink(event: Event): Promise<void> {
    const provider = (event.currentTarget as HTMLElement).dataset.provider ?? '';
    if (this.busy) return;
    this.busy = true;
    this.linkError = '';
    this.announcement = '';
    try {
      const returnTo = location.href.split('#')[0]!;
      const { url } = await this.session.store.api.call('POST /api/connected-accounts/link', {
        body: { provider, returnTo },
      });
      location.assign(url);
    } catch (error) {
      this.linkError = errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
      this.busy = false;
    }
  }

  /** Redeems the code the provider's return brought, or explains its error. */
  private async finishReturn(): Promise<void> {
    const returned = this.returned;
    this.returned = null;
    if (!returned) return;
    if ('error' in returned) {
      const error = new ApiError(returned.error, 400, returned.error);
      this.linkError = errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
      return;
    }
    try {
      const { account } = await this.session.store.api.call('POST /api/connected-accounts/link/complete', {
        body: { code: returned.code },
      });
      this.emit('acct-account-linked', { account });
      await this.list.run();
      this.announcement = this.t.connectedAccounts.linkDone(account.providerName);
    } catch (error) {
      this.linkError = errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
    }
  }

  private async confirmUnlink(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const account = this.list.value?.accounts.find((a) => a.id === id);
    if (!account || this.busy) return;
    this.busy = true;
    let unlinked = false;
    try {
      await this.session.store.api.call('DELETE /api/connected-accounts/:id', { params: { id: account.id } });
      this.confirmation.close();
      this.emit('acct-account-unlinked', { account });
      await this.list.run();
      this.announcement = this.t.connectedAccounts.unlinked(account.providerName);
      unlinked = true;
    } catch (error) {
      // In the row it is about: "this is your only way to sign in" must be read next to its account.
      this.confirmation.close();
      this.rowError = { id: account.id, message: errorMessage(this.t, error) };
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.busy = false;
    }
    // Once the buttons are enabled again (a disabled one cannot take focus): the heading if the row is gone, else its Unlink.
    await (unlinked ? this.focusAfterUpdate('h2') : this.confirmation.focusOpener(account.id));
  }
}

type Listing = ConnectedAccountList & { providers: OAuthProviderSummary[] };

/**
 * Takes `#acct_link=…` or `#acct_link_error=…` out of the page's address (a code must not stay
 * in the history or be bookmarked) and returns it; null when there is none.
 */
function takeLinkFragment(): { code: string } | { error: string } | null {
  const taken = takeFromFragment(LINK_FRAGMENT.code, LINK_FRAGMENT.error);
  const code = taken?.[LINK_FRAGMENT.code];
  const error = taken?.[LINK_FRAGMENT.error];
  if (code) return { code };
  return error ? { error } : null;
}
