/**
 * Templates the account elements share for the states around their content: loading, a load that
 * failed (with "Try again"), and signed out (a slot holding a default message). One look and one
 * set of part names across elements, so a site styles them once.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, type Translation } from './i18n/index.js';

export function renderLoading(t: Translation): TemplateResult {
  return html`<p part="status" class="status" role="status">${t.loading}</p>`;
}

/** `what` says what could not load ("Your devices could not be loaded."); the error's own message follows. */
export function renderLoadError(t: Translation, what: string, error: unknown, retry: () => void): TemplateResult {
  return html`
    <p part="error" class="error" role="alert">${what} ${errorMessage(t, error)}</p>
    <div>
      <button part="button retry-button" class="retry" type="button" @click=${retry}>${t.retry}</button>
    </div>
  `;
}

/**
 * A value that reads left to right in every language — an email address, an IP address — isolated
 * from the text around it. In a right-to-left paragraph the bidirectional algorithm would order
 * its runs as words of the sentence: `1234@example.com` reads `example.com@1234`, `2001:db8::1`
 * reads `db8::1:2001`. (A value a right-to-left message puts in its sentence is isolated by the
 * registry, contract/bidi.ts; code, like a token or a web address, by the host styles.)
 */
export const leftToRight = (value: string): TemplateResult => html`<bdi dir="ltr">${value}</bdi>`;

/** The `signed-out` slot, with `text` as its default content. */
export function renderSignedOut(text: string): TemplateResult {
  return html`<slot name="signed-out"><p part="signed-out" class="status">${text}</p></slot>`;
}

/** What `renderInlineConfirm` shows and calls. */
export interface InlineConfirm {
  /** The row's id: names the question (`confirm-<id>`) and rides on the confirm button as `data-id`. */
  id: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  /** May be async: nothing waits for it. */
  confirm(event: Event): unknown;
  cancel(event: Event): void;
  /** Escape in the confirmation (the element returns focus to the row's button). */
  keydown?(event: KeyboardEvent): void;
}

/** What a list row that asks before it removes calls: its button asks, the confirmation confirms or cancels. */
export interface ConfirmRowHandlers {
  ask(event: Event): void;
  /** May be async: nothing waits for it. */
  confirm(event: Event): unknown;
  cancel(): void;
  /** Escape in the confirmation. */
  keydown(event: KeyboardEvent): void;
}

/**
 * The confirmation that replaces a row's destructive button ("Sign out this device?", "Remove this
 * passkey?"): the question, then the dangerous action and Cancel. One markup and one set of part
 * names (`confirm`, `confirm-button`, `cancel-button`) for every list that asks before it removes.
 */
export function renderInlineConfirm(c: InlineConfirm): TemplateResult {
  const questionId = `confirm-${c.id}`;
  return html`<div part="confirm" class="confirm" role="group" aria-labelledby=${questionId} data-id=${c.id}
    @keydown=${c.keydown ?? nothing}>
    <p id=${questionId}>${c.question}</p>
    <button part="button confirm-button" class="danger small" type="button" data-id=${c.id} ?disabled=${c.busy} @click=${c.confirm}>
      ${c.confirmLabel}
    </button>
    <button part="button cancel-button" class="small cancel" type="button" ?disabled=${c.busy} @click=${c.cancel}>
      ${c.cancelLabel}
    </button>
  </div>`;
}
