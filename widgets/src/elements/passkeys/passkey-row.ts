/**
 * One row of `<acct-passkeys>`: the passkey's name with its "Synced" or "This device only" badge,
 * when it was added and last used, and its actions — "Rename", which turns the name into a small
 * form (Enter saves, Escape cancels), and "Remove", which asks first. A template function; the
 * element passes what to show and the handlers, which Lit calls with the element as `this`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Passkey } from '../../../../contract/passkeys.js';
import { fullDateTime, relativeTime } from '../../core/time-format.js';
import { icon } from '../../core/icons.js';
import type { Translation } from '../../core/i18n/index.js';
import { renderInlineConfirm } from '../../core/views.js';

/** What a passkey is called: its name, else "Passkey" in the reader's language (the server makes up no name). */
export const passkeyLabel = (t: Translation, passkey: Passkey): string => passkey.name ?? t.genericNames.passkey;

export interface RowState {
  t: Translation;
  /** This row's name is being edited. */
  renaming: boolean;
  /** Why the name typed cannot be saved, while renaming. */
  renameProblem: string;
  /** This row's removal is being confirmed. */
  confirming: boolean;
  /** Why the last action on this row failed (shown as an alert in the row). */
  error: string;
  busy: boolean;
  now: Date;
}

export interface RowHandlers {
  rename(event: Event): void;
  save(event: SubmitEvent): void;
  cancelRename(): void;
  ask(event: Event): void;
  confirm(event: Event): void;
  cancelRemove(): void;
  /** Escape in the rename form or the confirmation. */
  keydown(event: KeyboardEvent): void;
}

/** "Added 3 days ago · last used yesterday", each time with its full date in a tooltip. */
function renderTimes(t: Translation, passkey: Passkey, now: Date): TemplateResult {
  const time = (iso: string, text: (when: string) => string) => {
    const date = new Date(iso);
    return html`<time datetime=${iso} title=${fullDateTime(t.$lang, date)}>${text(relativeTime(t.$lang, date, now))}</time>`;
  };
  return html`${time(passkey.createdAt, t.passkeys.created)} ·
  ${passkey.lastUsedAt ? time(passkey.lastUsedAt, t.passkeys.lastUsed) : t.passkeys.neverUsed}`;
}

function renderRenameForm(passkey: Passkey, { t, renameProblem, busy }: RowState, on: RowHandlers): TemplateResult {
  const inputId = `name-${passkey.id}`;
  const errorId = `${inputId}-error`;
  return html`<form part="rename-form" class="rename" novalidate data-id=${passkey.id} @submit=${on.save} @keydown=${on.keydown}>
    <label part="label" for=${inputId}>${t.passkeys.nameLabel}</label>
    <div class="rename-controls">
      <input
        part="input"
        id=${inputId}
        name="name"
        type="text"
        autocomplete="off"
        maxlength="100"
        required
        .value=${passkeyLabel(t, passkey)}
        aria-invalid=${renameProblem ? 'true' : 'false'}
        aria-describedby=${renameProblem ? errorId : nothing}
      />
      <button part="button save-button" class="primary small" type="submit" ?disabled=${busy}>${t.passkeys.save}</button>
      <button part="button cancel-button" class="small" type="button" ?disabled=${busy} @click=${on.cancelRename}>${t.passkeys.cancel}</button>
    </div>
    <p part="field-error" class="field-error" id=${errorId}>${renameProblem}</p>
  </form>`;
}

export function renderPasskeyRow(passkey: Passkey, state: RowState, on: RowHandlers): TemplateResult {
  const { t, renaming, confirming, error, busy, now } = state;
  const name = passkeyLabel(t, passkey);
  const badge = passkey.synced
    ? html`<span part="badge" class="badge" title=${t.passkeys.syncedHint}>${t.passkeys.synced}</span>`
    : html`<span part="badge device-badge" class="badge device" title=${t.passkeys.deviceOnlyHint}>${t.passkeys.deviceOnly}</span>`;
  return html`
    <li part="item" data-passkey=${passkey.id}>
      <span class="icon">${icon('passkey')}</span>
      <div class="main">
        ${
          renaming
            ? renderRenameForm(passkey, state, on)
            : html`<p class="title"><span part="name">${name}</span> ${badge}</p>`
        }
        <p part="details" class="meta">${renderTimes(t, passkey, now)}</p>
        ${error ? html`<p part="action-error" class="error" role="alert">${error}</p>` : nothing}
      </div>
      <div class="row-actions">
        ${
          renaming || confirming
            ? nothing
            : html`<button part="button rename-button" class="small rename-button" type="button" data-id=${passkey.id}
                aria-label=${t.passkeys.renameLabel(name)} ?disabled=${busy} @click=${on.rename}>${t.passkeys.rename}</button>
              <button part="button remove-button" class="small danger remove-button" type="button" data-id=${passkey.id}
                aria-label=${t.passkeys.removeLabel(name)} ?disabled=${busy} @click=${on.ask}>${t.passkeys.remove}</button>`
        }
      </div>
      ${
        confirming
          ? renderInlineConfirm({
              id: passkey.id,
              question: t.passkeys.confirmRemove(name),
              confirmLabel: t.passkeys.confirm,
              cancelLabel: t.passkeys.cancel,
              busy,
              confirm: on.confirm,
              cancel: on.cancelRemove,
              keydown: on.keydown,
            })
          : nothing
      }
    </li>
  `;
}
