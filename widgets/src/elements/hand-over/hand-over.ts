/**
 * `<acct-hand-over>`: the question the session store asks before an emailed link's code signs in
 * an account whose flow this browser did not start (docs/security.md, login CSRF through the hand-over
 * code). A site does not write it: the store appends it to `<body>` on top of whatever the page
 * shows, waits for the answer, and removes it. A modal `<dialog>` (`showModal()`: the rest of the
 * page is inert, focus stays inside, Escape is Cancel), labelled by its question and described by
 * what it means, with focus first on Cancel — the choice that changes nothing, as in an alert
 * dialog (WAI-ARIA APG). This module declares the class and `askHandOver`, which shows it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { HandOverAnswer } from '../../../../contract/events.js';
import { AcctElement } from '../../core/acct-element.js';
import { controlStyles } from '../../core/styles/controls.styles.js';
import { modalStyles } from '../../core/styles/modal.styles.js';

/** What the user decides (contract/events.ts, `acct-hand-over-answered`). */
export type { HandOverAnswer };

/**
 * Asks whether to sign in as the account an emailed link's code belongs to, when this browser
 * did not start that link's flow. Shown by acct itself (the page's session store) when a page
 * opens from such a link; a site never writes it, but may style it.
 *
 * @summary Asks before a sign-in link that this browser did not request signs in.
 *
 * @tag acct-hand-over
 *
 * @fires {CustomEvent<{ answer: HandOverAnswer }>} acct-hand-over-answered - The user chose: `continue` or `cancel` (Cancel, Escape).
 *
 * @csspart dialog - The dialog box.
 * @csspart title - The question: "Sign in to {product} as {email}?"
 * @csspart button - Both buttons.
 * @csspart continue-button - Signs in as the link's account.
 * @csspart cancel-button - Changes nothing (also Escape).
 */
export class AcctHandOver extends AcctElement {
  static override styles = [AcctElement.styles, controlStyles, modalStyles];

  /** The email address of the account the link signs into. */
  @property() email = '';
  /** The product's name (the server's `ACCT_PRODUCT_NAME`). */
  @property({ attribute: 'product-name' }) productName = '';
  /** Who is signed in on this page now, whose session continuing replaces; empty when nobody is. */
  @property() current = '';
  /** The emailed flow the link belongs to (`magic_link`, `invitation`, `password_reset`, `email_verification`): an invitation is explained as one. */
  @property() flow = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  private answered = false;

  override render(): TemplateResult {
    const t = this.t;
    const o = t.card.handOver;
    // `lang` on the content: when the page's language is one we lack, the English text says so to screen readers.
    return html`
      <dialog part="dialog" role="alertdialog" aria-labelledby="title" aria-describedby="text" lang=${t.$lang} @cancel=${this.onCancel}>
        <h2 part="title" id="title">${o.title(this.email, this.productName)}</h2>
        <div id="text">
          <p>${this.flow === 'invitation' ? o.explainInvitation : o.explain}</p>
          ${this.current ? html`<p>${o.replaces(this.current)}</p>` : nothing}
        </div>
        <div class="actions">
          <button part="button continue-button" class="primary" type="button" @click=${() => this.answer('continue')}>${o.continue}</button>
          <button part="button cancel-button" class="cancel" type="button" autofocus @click=${() => this.answer('cancel')}>${o.cancel}</button>
        </div>
      </dialog>
    `;
  }

  protected override firstUpdated(): void {
    this.dialog.showModal();
    // `autofocus` inside a shadow root is not honoured by every browser's showModal(): say it again.
    this.renderRoot.querySelector<HTMLElement>('.cancel')?.focus();
  }

  private onCancel(event: Event): void {
    // Escape: the browser closes the dialog by itself; it counts as Cancel.
    event.preventDefault();
    this.answer('cancel');
  }

  private answer(answer: HandOverAnswer): void {
    if (this.answered) return;
    this.answered = true;
    this.dialog.close();
    this.emit('acct-hand-over-answered', { answer });
  }
}

/** Registers `<acct-hand-over>` if nothing has yet (acct.js loaded twice, or a bundler's copy). */
export function defineHandOver(): void {
  AcctHandOver.define('acct-hand-over');
}

export interface HandOverQuestion {
  email: string;
  flow: string;
  productName: string;
  /** Who is signed in here now, if anyone (their address or name). */
  current: string;
  /** Language and colour scheme, from the element that started the store. */
  lang: string;
  theme: string;
}

/** Shows the question on top of the page and resolves with the answer; the element is removed after. */
export function askHandOver(question: HandOverQuestion): Promise<HandOverAnswer> {
  defineHandOver();
  const element = document.createElement('acct-hand-over') as AcctHandOver;
  Object.assign(element, {
    email: question.email,
    flow: question.flow,
    productName: question.productName,
    current: question.current,
  });
  if (question.lang) element.lang = question.lang;
  if (question.theme === 'dark' || question.theme === 'auto') element.theme = question.theme;
  return new Promise((resolve) => {
    element.addEventListener(
      'acct-hand-over-answered',
      (event) => {
        element.remove();
        resolve(event.detail.answer);
      },
      { once: true },
    );
    document.body.append(element);
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'acct-hand-over': AcctHandOver;
  }
}
