/**
 * `<acct-reauth-dialog>`: the step-up question (docs/security.md F3). When the server refuses a
 * sensitive change with 403 `reauthentication_required`, the API client (core/api-client.ts, its
 * `reauthenticate` hook, which the session store answers with `askReauthentication`) puts this
 * dialog on top of the page; the user proves it is them in place — password, passkey, or a
 * one-time code when the server offers `totp` — and the change is retried once, without signing
 * out. Cancel or Escape: the change fails with its original error. A modal `<dialog>`
 * (`showModal()`: the rest of the page is inert, focus stays inside), labelled by its title and
 * described by its explanation; focus goes to the first field and comes back where it was.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ReauthMethodName } from '../../../../contract/reauthentication.js';
import { AcctElement } from '../../core/acct-element.js';
import { ApiError, type ApiClient } from '../../core/api-client.js';
import { errorMessage } from '../../core/i18n/index.js';
import { controlStyles } from '../../core/styles/controls.styles.js';
import { formStyles } from '../../core/styles/form.styles.js';
import { modalStyles } from '../../core/styles/modal.styles.js';
import { isAbort, passkeyAssertion, WebAuthnController } from '../../core/webauthn.js';
import { reauthDialogStyles } from './reauth-dialog.styles.js';

/** The method whose secret the form asks for: the password first, else a one-time code; null for neither. */
function secretMethod(methods: ReauthMethodName[] | null): 'password' | 'totp' | null {
  if (methods?.includes('password')) return 'password';
  if (methods?.includes('totp')) return 'totp';
  return null;
}

/** The deepest focused element, through open shadow roots: where focus returns after the dialog. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * Asks the signed-in user to prove it is them again before a sensitive change, without signing
 * out. Shown by acct itself (every element's API client) when the server answers
 * `reauthentication_required`; a site never writes it, but may style it.
 *
 * @summary Confirms it is the user before a sensitive change, in place.
 *
 * @tag acct-reauth-dialog
 *
 * @fires {CustomEvent<{ proved: boolean }>} acct-reauth-answered - The dialog closed: `proved` after the server accepted a proof, false on Cancel or Escape.
 *
 * @csspart dialog - The dialog box.
 * @csspart title - The heading: "Confirm it's you".
 * @csspart form - The form with the password or code field.
 * @csspart field - The field's wrapper.
 * @csspart label - The field's label.
 * @csspart input - The password or code field.
 * @csspart button - Every button.
 * @csspart primary-button - Confirm.
 * @csspart passkey-button - Use a passkey.
 * @csspart cancel-button - Cancel (also Escape).
 * @csspart error - Why the last proof was refused.
 */
export class AcctReauthDialog extends AcctElement {
  static override stringAreas = ['reauth'] as const;

  static override styles = [AcctElement.styles, controlStyles, formStyles, modalStyles, reauthDialogStyles];

  /** The client to prove through: the page's session store's, set by `askReauthentication`. */
  @property({ attribute: false }) api: ApiClient | null = null;

  @state() private methods: ReauthMethodName[] | null = null;
  @state() private busy = false;
  @state() private error: unknown = null;

  @query('dialog') private dialog!: HTMLDialogElement;
  private readonly webauthn = new WebAuthnController(this);
  private readonly returnFocus = deepActiveElement();
  private answered = false;

  private get client(): ApiClient {
    if (!this.api) throw new ApiError('network_error', 0, 'No API client to prove through.');
    return this.api;
  }

  override render(): TemplateResult {
    const t = this.t;
    const r = t.reauth;
    const methods = this.methods;
    const secret = secretMethod(methods);
    return html`
      <dialog part="dialog" aria-labelledby="title" aria-describedby="explain" lang=${t.$lang} aria-busy=${this.busy ? 'true' : 'false'} @cancel=${this.onCancel}>
        <h2 part="title" id="title">${r.title}</h2>
        <p id="explain">${methods && !methods.length ? r.noMethod : r.explain}</p>
        ${secret ? this.renderForm(secret) : nothing}
        <p part="error" class="error" role="alert">${this.error ? errorMessage(t, this.error) : nothing}</p>
        <div class="actions">
          ${
            methods?.includes('passkey')
              ? html`<button part="button passkey-button" class="passkey" type="button" ?disabled=${this.busy} @click=${this.usePasskey}>${r.usePasskey}</button>`
              : nothing
          }
          <button part="button cancel-button" class="cancel" type="button" @click=${() => this.answer(false)}>${r.cancel}</button>
        </div>
      </dialog>
    `;
  }

  private renderForm(method: 'password' | 'totp'): TemplateResult {
    const r = this.t.reauth;
    const password = method === 'password';
    return html`<form part="form" @submit=${this.onSubmit} novalidate>
      <div part="field" class="field">
        <label part="label" for="secret">${password ? r.password : r.code}</label>
        <input part="input" id="secret" name="secret" required ?disabled=${this.busy}
          type=${password ? 'password' : 'text'} autocomplete=${password ? 'current-password' : 'one-time-code'}
          inputmode=${password ? 'text' : 'numeric'} maxlength=${password ? 1024 : 64}
          aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="explain" />
      </div>
      <div class="actions">
        <button part="button primary-button" class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? r.checking : r.confirm}</button>
      </div>
    </form>`;
  }

  protected override firstUpdated(): void {
    this.dialog.showModal();
    void this.loadMethods();
  }

  /** Asks the server which ways to confirm this user has, then focuses the first. */
  private async loadMethods(): Promise<void> {
    try {
      this.methods = (await this.client.call('GET /api/auth/reauthenticate', {}, { lang: this.lang })).methods;
    } catch (error) {
      this.methods = [];
      this.error = error;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#secret, .passkey, .cancel')?.focus();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#secret')!;
    if (!input.value) return input.focus();
    const proof =
      secretMethod(this.methods) === 'password'
        ? ({ method: 'password', password: input.value } as const)
        : ({ method: 'totp', code: input.value.trim() } as const);
    const proved = await this.prove(() => this.client.call('POST /api/auth/reauthenticate', { body: proof }));
    if (!proved) {
      input.value = '';
      input.focus();
    }
  }

  private async usePasskey(): Promise<void> {
    await this.prove(() =>
      this.webauthn.run(async (ceremony) => {
        const { response } = await passkeyAssertion(
          this.client,
          ceremony,
          undefined,
          'POST /api/auth/reauthenticate/passkey-options',
        );
        return this.client.call('POST /api/auth/reauthenticate', { body: { method: 'passkey', response } });
      }),
    );
  }

  /** Runs one proof; closes the dialog as proved when the server accepted it, else shows why not. */
  private async prove(attempt: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await attempt();
      this.answer(true);
      return true;
    } catch (error) {
      // A passkey prompt the user closed is no error worth a message.
      if (!isAbort(error) && !(error instanceof ApiError && error.code === 'passkey_cancelled')) this.error = error;
      return false;
    } finally {
      this.busy = false;
    }
  }

  private onCancel(event: Event): void {
    // Escape: the browser would close the dialog by itself; it counts as Cancel.
    event.preventDefault();
    this.answer(false);
  }

  private answer(proved: boolean): void {
    if (this.answered) return;
    this.answered = true;
    this.webauthn.cancel();
    this.dialog.close();
    this.returnFocus?.focus();
    this.emit('acct-reauth-answered', { proved });
  }
}

/** Registers `<acct-reauth-dialog>` if nothing has yet (acct.js loaded twice, or a bundler's copy). */
export function defineReauthDialog(): void {
  AcctReauthDialog.define('acct-reauth-dialog');
}

export interface ReauthQuestion {
  api: ApiClient;
  /** Language and colour scheme: the asking element's, else the page's. */
  lang: string;
  theme: string;
}

/** Shows the dialog on top of the page; resolves true once the user proved it is them, false on Cancel. */
export function askReauthentication(question: ReauthQuestion): Promise<boolean> {
  defineReauthDialog();
  const element = document.createElement('acct-reauth-dialog');
  element.api = question.api;
  if (question.lang) element.lang = question.lang;
  if (question.theme === 'dark' || question.theme === 'auto') element.theme = question.theme;
  return new Promise((resolve) => {
    element.addEventListener(
      'acct-reauth-answered',
      (event) => {
        element.remove();
        resolve(event.detail.proved);
      },
      { once: true },
    );
    document.body.append(element);
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'acct-reauth-dialog': AcctReauthDialog;
  }
}
