/**
 * The screens of `<acct-mfa>`, as functions of its state: the status with its actions, the
 * enrolment (QR code, manual key, first code), the recovery codes shown once, and the inline
 * confirmation of regenerating or turning off. mfa.ts holds the state and the requests.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import type { MfaStatus, TotpEnrolment } from '../../../../contract/mfa.js';
import { fullDateTime } from '../../core/time-format.js';
import type { Translation } from '../../core/i18n/index.js';

type Listener = (event: Event) => unknown;

export interface MfaViewState {
  t: Translation;
  busy: boolean;
  /** Why the code typed was refused, shown under its field. */
  codeProblem: string;
  actionError: string;
  confirming: 'regenerate' | 'disable' | null;
}

export function renderStatus(
  s: MfaViewState,
  status: MfaStatus,
  on: { start: Listener; ask: Listener; confirm: Listener; cancel: Listener; keydown: (event: KeyboardEvent) => void },
): TemplateResult {
  const t = s.t.mfa;
  if (!status.enabled) {
    return html`
      <p part="status" class="status">${t.off}</p>
      <div class="row">
        <button part="button primary-button enable-button" class="primary" type="button" ?disabled=${s.busy} @click=${on.start}>${t.turnOn}</button>
      </div>
      ${renderActionError(s)}
    `;
  }
  const remaining = status.recoveryCodesRemaining;
  const since = status.enabledAt ? t.enabledSince(fullDateTime(s.t.$lang, new Date(status.enabledAt))) : '';
  return html`
    <p part="status" class="status">${t.on} ${since}</p>
    <p part="details" class=${remaining <= 2 ? 'warning' : ''}>${t.remaining(remaining)} ${remaining <= 2 ? t.fewLeft : ''}</p>
    ${
      s.confirming
        ? html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-question" @keydown=${on.keydown}>
          <p id="confirm-question">${s.confirming === 'disable' ? t.confirmDisable : t.confirmRegenerate}</p>
          <div class="row">
            <button part="button confirm-button" class="danger" type="button" ?disabled=${s.busy} @click=${on.confirm}>
              ${s.confirming === 'disable' ? t.disable : t.regenerate}
            </button>
            <button part="button cancel-button" class="cancel" type="button" ?disabled=${s.busy} @click=${on.cancel}>${t.cancel}</button>
          </div>
        </div>`
        : html`<div class="row">
          <button part="button regenerate-button" type="button" data-id="regenerate" ?disabled=${s.busy} @click=${on.ask}>${t.regenerate}</button>
          <button part="button disable-button" type="button" data-id="disable" ?disabled=${s.busy} @click=${on.ask}>${t.disable}</button>
        </div>`
    }
    ${renderActionError(s)}
  `;
}

export function renderEnrolment(
  s: MfaViewState,
  enrolment: TotpEnrolment,
  on: { submit: Listener; cancel: Listener },
): TemplateResult {
  const t = s.t.mfa;
  return html`
    <form part="form" class="stack" novalidate @submit=${on.submit}>
      <p>${t.scan}</p>
      <div part="qr-code" class="qr" role="img" aria-label=${t.qrLabel}>${unsafeSVG(enrolment.qrSvg)}</div>
      <p>${t.manualKey} <code part="key" class="key">${enrolment.secret}</code></p>
      <div part="field" class="field">
        <label part="label" for="code">${t.codeLabel}</label>
        <input
          part="input"
          id="code"
          name="code"
          type="text"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="8"
          required
          aria-invalid=${s.codeProblem ? 'true' : 'false'}
          aria-describedby="code-hint code-error"
        />
        <p part="hint" class="hint" id="code-hint">${t.codeHint}</p>
        <p part="field-error" class="field-error" id="code-error">${s.codeProblem || nothing}</p>
      </div>
      <div class="row">
        <button part="button primary-button confirm-button" class="primary" type="submit" ?disabled=${s.busy}>${t.confirm}</button>
        <button part="button cancel-button" type="button" ?disabled=${s.busy} @click=${on.cancel}>${t.cancel}</button>
      </div>
      ${renderActionError(s)}
    </form>
  `;
}

export function renderRecoveryCodes(
  s: MfaViewState,
  codes: string[],
  on: { copy: Listener; download: Listener; print: Listener; done: Listener },
): TemplateResult {
  const t = s.t.mfa;
  return html`
    <div class="stack">
      <h3 part="section-title" id="codes-title" tabindex="-1">${t.recoveryTitle}</h3>
      <p>${t.recoveryText}</p>
      <ul part="list" class="codes" aria-labelledby="codes-title">${codes.map((code) => html`<li part="item">${code}</li>`)}</ul>
      <div class="row">
        <button part="button copy-button" type="button" @click=${on.copy}>${t.copy}</button>
        <button part="button download-button" type="button" @click=${on.download}>${t.download}</button>
        <button part="button print-button" type="button" @click=${on.print}>${t.print}</button>
        <button part="button primary-button done-button" class="primary" type="button" @click=${on.done}>${t.done}</button>
      </div>
    </div>
  `;
}

function renderActionError(s: MfaViewState): TemplateResult | typeof nothing {
  return s.actionError ? html`<p part="action-error" class="error" role="alert">${s.actionError}</p>` : nothing;
}
