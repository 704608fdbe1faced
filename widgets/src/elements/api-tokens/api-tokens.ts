/**
 * `<acct-api-tokens organization-id="…">`: an organization's API tokens, for its owners and
 * admins (the server answers 403 to anyone else, which the element says). The list shows each
 * token's name, prefix, scopes, creator, last use and expiry; creating one opens a modal dialog
 * with the secret, the only time it is ever shown, and a "Copy" button; revoking asks first
 * (inline). This module only declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ApiToken } from '../../../../contract/api-tokens.js';
import type { ApiTokenScope } from '../../../../contract/constants.js';
import { AccountElement } from '../../core/account-element.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage, fieldErrors } from '../../core/i18n/index.js';
import { InlineConfirmation } from '../../core/inline-confirmation.js';
import type { ChangeCause } from '../../core/session-store.js';
import { renderCreateForm, renderTokenRow } from './api-tokens-views.js';
import { renderSecret } from './secret-view.js';
import { apiTokensStyles } from './api-tokens.styles.js';
import { copyOrSelect } from '../../core/clipboard.js';

const DAY_MS = 86_400_000;

/**
 * Lists, creates and revokes an organization's API tokens.
 *
 * @summary API tokens of an organization: list, create with a copy-once dialog, revoke after confirming.
 *
 * @tag acct-api-tokens
 *
 * @slot signed-out - Shown instead of the tokens while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctApiTokenDetail>} acct-api-token-created - A token was created; `detail` is
 * `{ organizationId, token }` (never the secret).
 * @fires {CustomEvent<AcctApiTokenDetail>} acct-api-token-revoked - A token was revoked; `detail` is `{ organizationId, token }`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - An action failed, or loading again after "Try again" failed;
 * `detail` is `{ code, status, message }`.
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart description - The introduction.
 * @csspart form - The creation form.
 * @csspart create-form - The creation form (with `form`).
 * @csspart section-title - The "New token" and "Tokens" headings.
 * @csspart field - A field: label, control, error.
 * @csspart label - A field's label (and the dialog's token label).
 * @csspart input - A text field (and the dialog's token).
 * @csspart select - The expiry choice.
 * @csspart hint - A field's hint.
 * @csspart field-error - A field's error.
 * @csspart scopes - The scope checkboxes.
 * @csspart scope - One scope's checkbox and label.
 * @csspart button - Every button.
 * @csspart create-button - "Create token".
 * @csspart list - The tokens.
 * @csspart item - A token's row.
 * @csspart token-name - A token's name.
 * @csspart prefix - A token's first characters.
 * @csspart details - A token's prefix, scopes, creator, last use and expiry lines.
 * @csspart scope-list - A token's scopes (with `details`).
 * @csspart revoke-button - A token's "Revoke".
 * @csspart confirm - The inline confirmation of a revocation: its question and buttons.
 * @csspart confirm-button - The button that confirms.
 * @csspart cancel-button - The button that leaves the confirmation (also Escape).
 * @csspart dialog - The dialog showing a new token once.
 * @csspart dialog-title - Its heading.
 * @csspart secret - The new token (with `input`).
 * @csspart copy-button - "Copy".
 * @csspart done-button - "I have stored it", which closes the dialog.
 * @csspart empty - The message when there is no token.
 * @csspart notice - An announcement (a token revoked).
 * @csspart action-error - Why the last action failed.
 * @csspart status - A loading message, the copy result.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the tokens could not be loaded.
 * @csspart retry-button - The button that loads them again.
 *
 * @cssproperty [--acct-api-tokens-max-width=44rem] - The widest the card grows.
 */
export class AcctApiTokens extends AccountElement {
  static override stringAreas = ['api-tokens'] as const;

  static override styles = [AccountElement.styles, apiTokensStyles];

  /** The organization whose tokens to show (its id, as `GET /api/organizations` answers it). */
  @property({ attribute: 'organization-id' }) organizationId = '';

  @state() private busy = false;
  @state() private formErrors: Record<string, string> = {};
  @state() private actionError = '';
  @state() private announcement = '';
  /** The newest list after an action (newer than the task's). */
  @state() private latest: ApiToken[] | undefined;
  /** The secret of the token just created, while its dialog is open; forgotten when it closes. */
  @state() private secret = '';
  @state() private copyStatus = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  /** The token whose revocation is being confirmed. */
  private readonly confirmation = new InlineConfirmation(this, {
    opener: (id) => `[part~="revoke-button"][data-id="${id}"]`,
    opening: () => {
      this.announcement = '';
      this.actionError = '';
    },
  });

  private readonly load = new Task(this, {
    task: async ([store, key, id], { signal }): Promise<ApiToken[] | undefined> => {
      if (!key || !id) return undefined;
      const { tokens } = await store.api.call('GET /api/organizations/:id/api-tokens', { params: { id } }, { signal });
      this.latest = undefined;
      return tokens;
    },
    args: () => [this.session.store, this.sessionKey, this.organizationId] as const,
  });

  protected override sessionChanged(cause: ChangeCause): void {
    if (cause !== 'refresh') this.confirmation.close();
  }

  private get tokens(): ApiToken[] {
    return this.latest ?? this.load.value ?? [];
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base ${this.secret ? 'covered' : ''}" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title" tabindex="-1">${t.apiTokens.title}</h2>
        ${
          this.organizationId || this.sessionKey === null
            ? this.renderForSession(this.load, t.apiTokens, () => this.renderContent())
            : html`<p part="status" class="status">${t.apiTokens.noOrganization}</p>`
        }
        ${this.actionError ? html`<p part="action-error" class="error" role="alert">${this.actionError}</p>` : nothing}
        <div class="live" role="status">${this.announcement ? html`<p part="notice" class="notice">${this.announcement}</p>` : nothing}</div>
      </section>
      <dialog part="dialog" aria-labelledby="secret-title" aria-describedby="secret-text" lang=${t.$lang} @close=${this.forgetSecret}>
        ${this.secret ? renderSecret({ secret: this.secret, copyStatus: this.copyStatus, copy: this.copy, done: this.closeDialog, texts: t.apiTokens }) : nothing}
      </dialog>
    `;
  }

  private renderContent(): TemplateResult {
    const t = this.t;
    const now = new Date();
    const tokens = this.tokens;
    return html`
      <p part="description">${t.apiTokens.intro}</p>
      ${renderCreateForm({ t, busy: this.busy, errors: this.formErrors, submit: this.create })}
      <h3 part="section-title">${t.apiTokens.listTitle}</h3>
      ${
        tokens.length
          ? html`<ul part="list">
            ${tokens.map((token) =>
              renderTokenRow(token, {
                t,
                now,
                confirming: this.confirmation.open === token.id,
                busy: this.busy,
                ask: this.confirmation.ask,
                confirm: this.revoke,
                cancel: this.confirmation.cancel,
                keydown: this.confirmation.keydown,
              }),
            )}
          </ul>`
          : html`<p part="empty" class="status">${t.apiTokens.empty}</p>`
      }
    `;
  }

  private readonly create = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const days = Number(data.get('expiresAt'));
    const body = {
      name: String(data.get('name') ?? ''),
      scopes: data.getAll('scopes').map(String) as ApiTokenScope[],
      expiresAt: days ? new Date(Date.now() + days * DAY_MS).toISOString() : null,
    };
    const errors: Record<string, string> = {};
    if (!body.name.trim()) errors.name = this.t.fields.required!;
    if (!body.scopes.length) errors.scopes = this.t.apiTokens.scopesRequired;
    this.formErrors = errors;
    this.actionError = '';
    // Focus on the first thing to fix (the name, else the first scope), as the onboarding
    // elements do: left on "Create token", a keyboard user had to look for it.
    if (Object.keys(errors).length)
      return this.focusAfterUpdate('[aria-invalid=true],fieldset[aria-describedby] input');
    this.busy = true;
    try {
      const created = await this.session.store.api.call('POST /api/organizations/:id/api-tokens', {
        params: { id: this.organizationId },
        body,
      });
      this.latest = [created.token, ...this.tokens];
      form.reset();
      this.secret = created.secret;
      this.copyStatus = '';
      await this.updateComplete;
      this.dialog.showModal();
      this.emit('acct-api-token-created', { organizationId: this.organizationId, token: created.token });
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = false;
    }
  };

  private readonly copy = async (): Promise<void> => {
    const copied = await copyOrSelect(this.secret, this.renderRoot.querySelector<HTMLInputElement>('#secret'));
    this.copyStatus = copied ? this.t.apiTokens.copied : this.t.apiTokens.copyFailed;
  };

  private readonly closeDialog = (): void => this.dialog.close();

  private readonly forgetSecret = (): Promise<void> => {
    this.secret = '';
    this.copyStatus = '';
    // After the render that uncovers the card: until then "Create" is hidden and takes no focus.
    return this.focusAfterUpdate('[part~="create-button"]');
  };

  private readonly revoke = async (event: Event): Promise<void> => {
    const id = (event.currentTarget as HTMLElement).dataset.id!;
    const token = this.tokens.find((t) => t.id === id);
    if (!token || this.busy) return;
    this.busy = true;
    this.actionError = '';
    try {
      await this.session.store.api.call('DELETE /api/organizations/:id/api-tokens/:tokenId', {
        params: { id: this.organizationId, tokenId: id },
      });
      this.latest = this.tokens.filter((t) => t.id !== id);
      this.confirmation.close();
      this.announcement = this.t.apiTokens.revoked(token.name);
      this.emit('acct-api-token-revoked', { organizationId: this.organizationId, token });
      // The row is gone: focus goes to the card's heading.
      await this.focusAfterUpdate('h2');
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = false;
    }
  };

  private failed(error: unknown): void {
    const fields = fieldErrors(this.t, error);
    this.formErrors = fields;
    if (!Object.keys(fields).length) this.actionError = errorMessage(this.t, error);
    this.emit('acct-error', errorDetail(this.t, error));
  }
}
