/**
 * `<acct-connected-apps>`: an organization's connected apps (`GET
 * /api/organizations/:id/connected-apps`): those connected, with who connected them and when, and
 * those on offer. Owners and admins connect and disconnect (after an inline confirmation, `DELETE
 * …/connected-apps/:connectionId`); plain members only see.
 *
 * Connecting: "Connect" asks the server for an attempt (`POST …/connected-apps/:app/connect`) and
 * goes to the app's authorization page (cancel `acct-app-connect-starting` to go there another
 * way). The app sends the browser to acct, which sends it back to this page with the app's answer
 * in the fragment (`#acct_app=…`); the element takes it out of the address at once and hands it to
 * the server (`POST …/connected-apps/callback`), which accepts it only from the session that
 * started. This module only declares the class; `define.ts` registers it.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { CONNECTED_APP_FRAGMENT } from '../../../../contract/constants.js';
import type { ConnectedApp, ConnectedAppList } from '../../../../contract/connected-apps.js';
import type { Organization } from '../../../../contract/organizations.js';
import { AccountElement } from '../../core/account-element.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import { InlineConfirmation } from '../../core/inline-confirmation.js';
import { takeFromFragment } from '../../core/return-code.js';
import type { ChangeCause } from '../../core/session-store.js';
import { renderAvailableRow, renderConnectedRow } from './connected-app-row.js';
import { connectedAppsStyles } from './connected-apps.styles.js';

interface Listing extends ConnectedAppList {
  /** The organization shown; null when the user has none. */
  organization: Organization | null;
}

/**
 * An organization's connected apps: what is connected, by whom and when; connect and disconnect.
 *
 * @summary An organization's third-party apps (OAuth 2): connected ones with who and when, connect, disconnect.
 *
 * @tag acct-connected-apps
 *
 * @slot signed-out - Shown instead of the list while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctAppConnectStartingDetail>} acct-app-connect-starting - Cancelable: the browser
 * is about to go to the app's authorization page `detail.url` for `detail.app`; cancel to go there another way.
 * @fires {CustomEvent<AcctConnectedAppDetail>} acct-app-connected - The app's answer was accepted on the
 * return to the page; `detail.app` is the connection.
 * @fires {CustomEvent<AcctConnectedAppDetail>} acct-app-disconnected - An admin disconnected an app; `detail.app`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Connecting, finishing a connection, disconnecting, or
 * loading the list again after "Try again", failed; `detail` is `{ code, status, message }` (e.g. `connect_refused`).
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart section-title - The headings of the connected and the available apps.
 * @csspart list - The list of connected apps.
 * @csspart item - A connected app's row.
 * @csspart name - An app's name.
 * @csspart details - Who connected it and when, and when it last synced.
 * @csspart available-list - The list of apps on offer.
 * @csspart available-item - An app on offer.
 * @csspart button - Every button.
 * @csspart connect-button - A "Connect" (or "Reconnect") button.
 * @csspart disconnect-button - A connected app's "Disconnect" button.
 * @csspart confirm - The inline confirmation of a disconnection: its question and buttons.
 * @csspart confirm-button - The button that confirms it.
 * @csspart cancel-button - The button that leaves the confirmation (also Escape).
 * @csspart notice - The announcement after an app was connected or disconnected.
 * @csspart hint - Why a plain member has no buttons, or that there is no organization yet.
 * @csspart action-error - Why connecting (or disconnecting, in its row) failed.
 * @csspart empty - The message when no app is connected.
 * @csspart status - The loading message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the list could not be loaded.
 * @csspart retry-button - The button that loads the list again.
 *
 * @cssproperty [--acct-connected-apps-max-width=40rem] - The widest the card grows.
 */
export class AcctConnectedApps extends AccountElement {
  static override stringAreas = ['connected-apps'] as const;

  static override styles = [AccountElement.styles, connectedAppsStyles];

  /** Which of the user's organizations; empty: their first. */
  @property({ attribute: 'organization-id' }) organizationId = '';

  @state() private busy = false;
  @state() private announcement = '';
  /** Why connecting failed (the start, or the app's answer on the return). */
  @state() private actionError = '';
  /** Why disconnecting a connection failed, shown in its row. */
  @state() private rowError: { id: string; message: string } | null = null;
  /** The app's answer from the page's fragment, until it is handed over while signed in. */
  private returned: Record<string, string> | null = takeAppFragment();
  /** The connection whose disconnection is being confirmed. */
  private readonly confirmation = new InlineConfirmation(this, {
    opener: (id) => `[part~="disconnect-button"][data-id="${id}"]`,
    opening: () => {
      this.announcement = '';
      this.rowError = null;
    },
  });

  private readonly list = new Task(this, {
    task: async ([store, key, wanted], { signal }): Promise<Listing | undefined> => {
      if (!key) return undefined;
      const { organizations } = await store.api.call('GET /api/organizations', {}, { signal });
      const organization = (wanted ? organizations.find((o) => o.id === wanted) : organizations[0]) ?? null;
      if (!organization) return { organization, available: [], connected: [] };
      const listing = await store.api.call(
        'GET /api/organizations/:id/connected-apps',
        { params: { id: organization.id } },
        { signal },
      );
      return { organization, ...listing };
    },
    args: () => [this.session.store, this.sessionKey, this.organizationId] as const,
  });

  protected override sessionChanged(cause: ChangeCause): void {
    if (cause === 'refresh') return;
    this.confirmation.close();
    this.rowError = null;
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title" tabindex="-1">${t.connectedApps.title}</h2>
        <p class="intro">${t.connectedApps.intro}</p>
        ${this.renderForSession(this.list, t.connectedApps, (listing) => this.renderListing(listing))}
      </section>
    `;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The app's answer is handed over once the organization is known (the attempt is bound to it);
    // before this render rather than after it, so that it shows the element busy.
    if (this.returned && this.list.value?.organization) void this.finishReturn(this.list.value.organization.id);
  }

  private renderListing(listing: Listing): TemplateResult {
    const texts = this.t.connectedApps;
    const { organization, available, connected } = listing;
    if (!organization) return html`<p part="hint" class="status">${texts.noOrganization}</p>`;
    const canManage = organization.role !== 'member';
    const now = new Date();
    const { ask, cancel, keydown } = this.confirmation;
    const handlers = { ask, confirm: this.confirmDisconnect, cancel, keydown };
    const iconOf = (app: ConnectedApp) => available.find((a) => a.id === app.provider)?.iconUrl ?? null;
    const rowState = { t: this.t, canManage, busy: this.busy, now };
    return html`
      <h3 part="section-title">${texts.connectedTitle}</h3>
      ${
        connected.length
          ? html`<ul part="list">
            ${connected.map((app) =>
              renderConnectedRow(
                app,
                iconOf(app),
                {
                  ...rowState,
                  confirming: this.confirmation.open === app.id,
                  error: this.rowError?.id === app.id ? this.rowError.message : '',
                },
                handlers,
              ),
            )}
          </ul>`
          : html`<p part="empty" class="status">${texts.empty}</p>`
      }
      <h3 part="section-title">${texts.availableTitle}</h3>
      ${this.actionError ? html`<p part="action-error" class="error" role="alert">${this.actionError}</p>` : nothing}
      ${
        available.length
          ? html`<ul part="available-list">
            ${available.map((app) =>
              renderAvailableRow(
                app,
                connected.some((c) => c.provider === app.id),
                rowState,
                this.startConnect,
              ),
            )}
          </ul>`
          : html`<p part="empty" class="status">${texts.noneAvailable}</p>`
      }
      ${!canManage && available.length ? html`<p part="hint" class="status">${texts.adminsOnly}</p>` : nothing}
      <div class="live" role="status">${this.announcement ? html`<p part="notice" class="notice">${this.announcement}</p>` : nothing}</div>
    `;
  }

  /** Asks for a connect attempt and goes to the app's page, which sends the browser back here. */
  private async startConnect(event: Event): Promise<void> {
    const appId = (event.currentTarget as HTMLElement).dataset.app ?? '';
    const listing = this.list.value;
    const app = listing?.available.find((a) => a.id === appId);
    if (!app || !listing?.organization || this.busy) return;
    this.busy = true;
    this.actionError = '';
    this.announcement = '';
    try {
      const { url } = await this.session.store.api.call('POST /api/organizations/:id/connected-apps/:app/connect', {
        params: { id: listing.organization.id, app: app.id },
        body: { returnTo: location.href.split('#')[0]! },
      });
      const starting = this.emit('acct-app-connect-starting', { app, url }, { cancelable: true });
      if (!starting.defaultPrevented) location.assign(url);
      else this.busy = false;
    } catch (error) {
      this.fail(error);
      this.busy = false;
    }
  }

  /** Hands the app's answer from the address to the server. */
  private async finishReturn(organizationId: string): Promise<void> {
    const answer = this.returned;
    this.returned = null;
    if (!answer?.state) return;
    this.busy = true;
    try {
      const { app } = await this.session.store.api.call('POST /api/organizations/:id/connected-apps/callback', {
        params: { id: organizationId },
        body: { state: answer.state, code: answer.code, iss: answer.iss, error: answer.error },
      });
      this.emit('acct-app-connected', { app });
      await this.list.run();
      this.announcement = this.t.connectedApps.connected(app.providerName);
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private fail(error: unknown): void {
    this.actionError = errorMessage(this.t, error);
    this.emit('acct-error', errorDetail(this.t, error));
  }

  private async confirmDisconnect(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const listing = this.list.value;
    const app = listing?.connected.find((a) => a.id === id);
    if (!app || !listing?.organization || this.busy) return;
    this.busy = true;
    let disconnected = false;
    try {
      await this.session.store.api.call('DELETE /api/organizations/:id/connected-apps/:connectionId', {
        params: { id: listing.organization.id, connectionId: app.id },
      });
      this.confirmation.close();
      this.emit('acct-app-disconnected', { app });
      await this.list.run();
      this.announcement = this.t.connectedApps.disconnected(app.providerName);
      disconnected = true;
    } catch (error) {
      this.confirmation.close();
      this.rowError = { id: app.id, message: errorMessage(this.t, error) };
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.busy = false;
    }
    // Once the buttons are enabled again (a disabled one cannot take focus): the heading if the row is gone, else its Disconnect.
    await (disconnected ? this.focusAfterUpdate('h2') : this.confirmation.focusOpener(app.id));
  }
}

/**
 * Takes `#acct_app=…` out of the page's address (the code must not stay in the history or be
 * bookmarked) and returns the app's answer it carries; null when there is none.
 */
function takeAppFragment(): Record<string, string> | null {
  const carried = takeFromFragment(CONNECTED_APP_FRAGMENT)?.[CONNECTED_APP_FRAGMENT];
  return carried == null ? null : Object.fromEntries(new URLSearchParams(carried));
}
