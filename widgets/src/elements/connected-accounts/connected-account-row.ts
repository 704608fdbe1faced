/**
 * One row of `<acct-connected-accounts>`: the provider's brand name and the address it gave, when
 * it was connected and last used, and "Unlink", which asks first — or, on the last way to sign in,
 * a sentence saying why it cannot be unlinked. A template function; the element passes what to
 * show and the handlers, which Lit calls with the element as `this`.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { ConnectedAccount } from '../../../../contract/connected-accounts.js';
import { fullDateTime, relativeTime } from '../../core/time-format.js';
import type { Translation } from '../../core/i18n/index.js';
import { leftToRight, renderInlineConfirm, type ConfirmRowHandlers } from '../../core/views.js';

/**
 * A chain link, for every provider alike: brand marks belong to the providers' sign-in buttons
 * (`<acct-login>`), and the row names the brand in words.
 */
const linkIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75"
  stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${svg`<path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7"/><path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7"/>`}</svg>`;

export interface RowState {
  t: Translation;
  /** This row's unlinking is being confirmed. */
  confirming: boolean;
  /** It is the user's last way to sign in: no "Unlink", a sentence instead. */
  lastMethod: boolean;
  /** Why the last action on this row failed. */
  error: string;
  busy: boolean;
  now: Date;
}

function renderTimes(t: Translation, account: ConnectedAccount, now: Date): TemplateResult {
  const time = (iso: string, text: (when: string) => string) => {
    const date = new Date(iso);
    return html`<time datetime=${iso} title=${fullDateTime(t.$lang, date)}>${text(relativeTime(t.$lang, date, now))}</time>`;
  };
  const texts = t.connectedAccounts;
  return html`${time(account.createdAt, texts.linked)} ·
  ${account.lastUsedAt ? time(account.lastUsedAt, texts.lastUsed) : texts.neverUsed}`;
}

export function renderAccountRow(account: ConnectedAccount, state: RowState, on: ConfirmRowHandlers): TemplateResult {
  const { t, confirming, lastMethod, error, busy, now } = state;
  const texts = t.connectedAccounts;
  const name = account.providerName;
  return html`
    <li part="item" data-account=${account.id}>
      <span class="icon">${linkIcon}</span>
      <div class="main">
        <p class="title"><span part="name">${name}</span></p>
        ${account.email ? html`<p class="meta email">${leftToRight(account.email)}</p>` : nothing}
        <p part="details" class="meta">${renderTimes(t, account, now)}</p>
        ${lastMethod ? html`<p part="hint" class="last-method">${texts.lastMethod}</p>` : nothing}
        ${error ? html`<p part="action-error" class="error" role="alert">${error}</p>` : nothing}
      </div>
      <div class="row-actions">
        ${
          confirming || lastMethod
            ? nothing
            : html`<button part="button unlink-button" class="small danger unlink-button" type="button" data-id=${account.id}
                aria-label=${texts.unlinkLabel(name)} ?disabled=${busy} @click=${on.ask}>${texts.unlink}</button>`
        }
      </div>
      ${
        confirming
          ? renderInlineConfirm({
              id: account.id,
              question: texts.confirmUnlink(name),
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
