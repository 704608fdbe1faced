/**
 * The rows of `<acct-connected-apps>`: a connected app (its icon or a plug, its name, who connected
 * it and when, when acct last obtained its tokens, the account at the app) with "Disconnect",
 * which asks first; and an app on offer with "Connect". Template functions; the element passes
 * what to show and the handlers, which Lit calls with the element as `this`.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { AvailableApp, ConnectedApp } from '../../../../contract/connected-apps.js';
import { fullDateTime, relativeTime } from '../../core/time-format.js';
import type { Translation } from '../../core/i18n/index.js';
import { renderInlineConfirm, type ConfirmRowHandlers } from '../../core/views.js';

/** A plug, for an app the operator gave no icon. */
const plugIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75"
  stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${svg`<path d="M9 2v6M15 2v6M6 8h12v3a6 6 0 0 1-12 0zM12 17v5"/>`}</svg>`;

/** The app's icon (decorative: its name is written next to it), or the plug. */
const icon = (url: string | null | undefined) =>
  html`<span class="icon">${url ? html`<img src=${url} alt="" width="24" height="24" />` : plugIcon}</span>`;

export interface RowState {
  t: Translation;
  /** Owners and admins get the buttons. */
  canManage: boolean;
  /** This row's disconnection is being confirmed. */
  confirming: boolean;
  /** Why the last action on this row failed. */
  error: string;
  busy: boolean;
  now: Date;
}

/** "Connected by Ada 3 days ago · last synced 2 minutes ago", the exact dates in tooltips. */
function renderDetails(t: Translation, app: ConnectedApp, now: Date): TemplateResult {
  const texts = t.connectedApps;
  const when = (iso: string) => relativeTime(t.$lang, new Date(iso), now);
  const who = app.connectedBy?.displayName || app.connectedBy?.email;
  const connected = who
    ? texts.connectedBy(who, when(app.connectedAt))
    : texts.connectedByUnknown(when(app.connectedAt));
  return html`<span title=${fullDateTime(t.$lang, new Date(app.connectedAt))}>${connected}</span>${
    app.lastSyncAt
      ? html` · <span title=${fullDateTime(t.$lang, new Date(app.lastSyncAt))}>${texts.lastSync(when(app.lastSyncAt))}</span>`
      : nothing
  }`;
}

export function renderConnectedRow(
  app: ConnectedApp,
  iconUrl: string | null,
  state: RowState,
  on: ConfirmRowHandlers,
): TemplateResult {
  const { t, canManage, confirming, error, busy, now } = state;
  const texts = t.connectedApps;
  return html`
    <li part="item" data-app=${app.id}>
      ${icon(iconUrl)}
      <div class="main">
        <p class="title"><span part="name">${app.providerName}</span></p>
        ${app.providerAccountId ? html`<p class="meta account">${texts.account(app.providerAccountId)}</p>` : nothing}
        <p part="details" class="meta">${renderDetails(t, app, now)}</p>
        ${error ? html`<p part="action-error" class="error" role="alert">${error}</p>` : nothing}
      </div>
      <div class="row-actions">
        ${
          !canManage || confirming
            ? nothing
            : html`<button part="button disconnect-button" class="small danger" type="button" data-id=${app.id}
                aria-label=${texts.disconnectLabel(app.providerName)} ?disabled=${busy} @click=${on.ask}>${texts.disconnect}</button>`
        }
      </div>
      ${
        confirming
          ? renderInlineConfirm({
              id: app.id,
              question: texts.confirmDisconnect(app.providerName),
              confirmLabel: texts.confirm,
              cancelLabel: texts.cancel,
              busy,
              ...on,
            })
          : nothing
      }
    </li>
  `;
}

export function renderAvailableRow(
  app: AvailableApp,
  connected: boolean,
  state: Pick<RowState, 't' | 'canManage' | 'busy'>,
  connect: (event: Event) => Promise<void>,
): TemplateResult {
  const texts = state.t.connectedApps;
  return html`
    <li part="available-item" data-available=${app.id}>
      ${icon(app.iconUrl)}
      <div class="main">
        <p class="title"><span part="name">${app.name}</span></p>
      </div>
      <div class="row-actions">
        ${
          state.canManage
            ? html`<button part="button connect-button" class="small" type="button" data-app=${app.id}
                aria-label=${connected ? texts.reconnectLabel(app.name) : texts.connectLabel(app.name)}
                ?disabled=${state.busy} @click=${connect}>${connected ? texts.reconnect : texts.connect}</button>`
            : nothing
        }
      </div>
    </li>
  `;
}
