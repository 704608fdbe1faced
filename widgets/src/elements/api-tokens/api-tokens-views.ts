/**
 * Templates of `<acct-api-tokens>`: the creation form and a token's row (with its inline revoke
 * confirmation); the copy-once dialog's content, which `<acct-webhooks>` shares, is secret-view.ts.
 * Pure functions of what they are given; the element holds the state and the handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { API_TOKEN_SCOPES } from '../../../../contract/constants.js';
import type { ApiToken } from '../../../../contract/api-tokens.js';
import { selectField, textField } from '../../core/form-fields.js';
import { fullDateTime, relativeTime } from '../../core/time-format.js';
import type { Translation } from '../../core/i18n/index.js';
import { renderInlineConfirm } from '../../core/views.js';

/** The expiry choices, in days (0: never). */
export const EXPIRY_DAYS = [0, 30, 90, 365] as const;

export interface FormView {
  t: Translation;
  busy: boolean;
  errors: Record<string, string>;
  submit: (event: SubmitEvent) => unknown;
}

export function renderCreateForm({ t, busy, errors, submit }: FormView): TemplateResult {
  const a = t.apiTokens;
  return html`<form part="form create-form" @submit=${submit} novalidate>
    <h3 part="section-title">${a.createTitle}</h3>
    ${textField({ name: 'name', label: a.name, hint: a.nameHint, error: errors.name, required: true, maxlength: 255 })}
    <fieldset part="scopes" aria-describedby=${errors.scopes ? 'scopes-error' : nothing}>
      <legend>${a.scopes}</legend>
      ${API_TOKEN_SCOPES.map(
        (scope) => html`<label part="scope"
          ><input type="checkbox" name="scopes" value=${scope} /><span
            >${a.scope[scope] ?? scope} <code>${scope}</code></span
          ></label
        >`,
      )}
      <p part="field-error" class="field-error" id="scopes-error">${errors.scopes ?? nothing}</p>
    </fieldset>
    ${selectField({
      name: 'expiresAt',
      label: a.expiry,
      value: '90',
      error: errors.expiresAt,
      options: EXPIRY_DAYS.map((days) => ({ value: String(days), label: days ? a.expiryDays(days) : a.expiryNever })),
    })}
    <button part="button create-button" class="primary" type="submit" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
      ${a.create}
    </button>
  </form>`;
}

export interface RowView {
  t: Translation;
  now: Date;
  confirming: boolean;
  busy: boolean;
  ask: (event: Event) => unknown;
  confirm: (event: Event) => unknown;
  cancel: () => unknown;
  /** Escape in the confirmation. */
  keydown: (event: KeyboardEvent) => unknown;
}

const isExpired = (token: ApiToken, now: Date) => token.expiresAt !== null && new Date(token.expiresAt) <= now;

/** "Expired", "Expires <date>" or "Does not expire". */
function expiryText(token: ApiToken, t: Translation, now: Date): string {
  if (!token.expiresAt) return t.apiTokens.noExpiry;
  return isExpired(token, now)
    ? t.apiTokens.expired
    : t.apiTokens.expires(fullDateTime(t.$lang, new Date(token.expiresAt)));
}

function details(token: ApiToken, t: Translation, now: Date): string[] {
  const a = t.apiTokens;
  const lang = t.$lang;
  const created = fullDateTime(lang, new Date(token.createdAt));
  const who = token.createdBy ? (token.createdBy.displayName ?? token.createdBy.email) : null;
  return [
    who ? a.createdBy(who, created) : a.createdOn(created),
    token.lastUsedAt ? a.lastUsed(relativeTime(lang, new Date(token.lastUsedAt), now)) : a.neverUsed,
    expiryText(token, t, now),
  ];
}

export function renderTokenRow(token: ApiToken, view: RowView): TemplateResult {
  const a = view.t.apiTokens;
  const expired = isExpired(token, view.now);
  return html`<li part="item" class=${expired ? 'expired' : ''} data-id=${token.id}>
    <div class="summary">
      <p part="token-name" class="name">${token.name}</p>
      <p part="details" class="details"><code part="prefix">${token.prefix}…</code></p>
      <p part="details scope-list" class="details">${token.scopes.map((s) => html`<code>${s}</code> `)}</p>
      <p part="details" class="details">${details(token, view.t, view.now).join(' · ')}</p>
    </div>
    ${
      view.confirming
        ? renderInlineConfirm({
            id: token.id,
            question: a.confirmRevoke(token.name),
            confirmLabel: a.confirm,
            cancelLabel: a.cancel,
            busy: view.busy,
            confirm: view.confirm,
            cancel: view.cancel,
            keydown: view.keydown,
          })
        : html`<button part="button revoke-button" class="danger small" type="button" data-id=${token.id} aria-label=${a.revokeLabel(token.name)} @click=${view.ask}>
          ${a.revoke}
        </button>`
    }
  </li>`;
}
