/**
 * The copy-once dialog's content, shared by `<acct-api-tokens>` (a new token) and `<acct-webhooks>`
 * (an endpoint's signing secret): the secret in a read-only field, "Copy", and "I have stored it".
 * A module of its own, so that the webhooks element does not load the API tokens' other views.
 */
import { html, type TemplateResult } from 'lit';
import type { Translation } from '../../core/i18n/index.js';

export interface SecretView {
  secret: string;
  copyStatus: string;
  copy: () => unknown;
  done: () => unknown;
  /** The dialog's words: the API tokens' (`t.apiTokens`), or the webhooks' for a signing secret (`t.webhooks`). */
  texts: Pick<Translation['apiTokens'], 'createdTitle' | 'createdText' | 'secretLabel' | 'copy' | 'done'>;
}

/** The copy-once dialog's content: the secret in a read-only field, "Copy", and "I have stored it". */
export function renderSecret({ secret, copyStatus, copy, done, texts: a }: SecretView): TemplateResult {
  return html`<h2 id="secret-title" part="dialog-title">${a.createdTitle}</h2>
    <p id="secret-text">${a.createdText}</p>
    <label part="label" for="secret">${a.secretLabel}</label>
    <input part="input secret" id="secret" type="text" readonly .value=${secret} spellcheck="false" autocomplete="off"
      @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
    <div class="actions">
      <button part="button copy-button" type="button" @click=${copy}>${a.copy}</button>
      <button part="button done-button" class="primary" type="button" @click=${done}>${a.done}</button>
    </div>
    <p part="status" class="status" role="status">${copyStatus}</p>`;
}
