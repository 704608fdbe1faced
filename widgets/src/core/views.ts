/**
 * Templates the account elements share for the states around their content: loading, a load that
 * failed (with "Try again"), and signed out (a slot holding a default message). One look and one
 * set of part names across elements, so a site styles them once.
 */
import { html, type TemplateResult } from 'lit';
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

/** The `signed-out` slot, with `text` as its default content. */
export function renderSignedOut(text: string): TemplateResult {
  return html`<slot name="signed-out"><p part="signed-out" class="status">${text}</p></slot>`;
}
