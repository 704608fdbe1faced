/**
 * `<acct-passkeys>`: the signed-in user's passkeys (`GET /api/passkeys`). It adds one with the
 * browser's dialog (`startRegistration`, then `POST /api/passkeys/register/verify`), renames one
 * inline (`PATCH /api/passkeys/:id`) and removes one after an inline confirmation (`DELETE
 * /api/passkeys/:id`, which also signs out the other devices that signed in with it). It follows
 * the page's session store like the other account lists: it loads when someone signs in, and
 * shows the `signed-out` slot otherwise. This module only declares the class; `define.ts`
 * registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { AccountElement } from '../../core/account-element.js';
import { ApiError } from '../../core/api-client.js';
import type { Passkey } from '../../../../contract/passkeys.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import { InlineConfirmation } from '../../core/inline-confirmation.js';
import type { ChangeCause } from '../../core/session-store.js';
import { browserSupportsWebAuthn, isAbort, registerPasskey, WebAuthnController } from '../../core/webauthn.js';
import { passkeyLabel, renderPasskeyRow } from './passkey-row.js';
import { passkeysStyles } from './passkeys.styles.js';

/** What the list task answers: the passkeys, or that the server does not take passkeys at all. */
interface Listing {
  enabled: boolean;
  passkeys: Passkey[];
}

/**
 * The user's passkeys, with a way to add, rename and remove them.
 *
 * @summary The signed-in user's passkeys: add one, rename or remove them, and see which are synced.
 *
 * @tag acct-passkeys
 *
 * @slot signed-out - Shown instead of the list while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctPasskeyAddedDetail>} acct-passkey-added - The user registered a new passkey; `detail` is `{ passkey }`.
 * @fires {CustomEvent<AcctPasskeyRemovedDetail>} acct-passkey-removed - The user removed a passkey; `detail` is
 * `{ passkey, sessionsEnded }`, the number of other devices that had signed in with it and are now signed out.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Adding, renaming or removing a passkey, or loading the list again
 * after "Try again", failed; `detail` is `{ code, status, message }` (e.g. `reauthentication_required`,
 * `last_sign_in_method`). Closing the browser's dialog is not a failure and fires nothing.
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart list - The list of passkeys.
 * @csspart item - A passkey's row.
 * @csspart name - A passkey's name.
 * @csspart badge - A passkey's "Synced" or "This device only" badge.
 * @csspart device-badge - The "This device only" badge (with `badge`).
 * @csspart details - When the passkey was added and last used.
 * @csspart button - Every button.
 * @csspart add-button - The "Add a passkey" button.
 * @csspart rename-button - A row's "Rename" button.
 * @csspart remove-button - A row's "Remove" button.
 * @csspart rename-form - The inline form that renames a passkey.
 * @csspart label - The rename form's label.
 * @csspart input - The rename form's text field.
 * @csspart field-error - Why the name typed cannot be saved.
 * @csspart save-button - The rename form's "Save" button.
 * @csspart cancel-button - The button that leaves the rename form or the confirmation (also Escape).
 * @csspart confirm - The inline confirmation of a removal: its question and buttons.
 * @csspart confirm-button - The button that confirms the removal.
 * @csspart notice - The announcement after a passkey was added, renamed or removed.
 * @csspart action-error - Why adding (in the footer) or changing a passkey (in its row) failed.
 * @csspart empty - The message when the user has no passkey.
 * @csspart unsupported - The message when this browser cannot create passkeys, or the server does not take them.
 * @csspart status - The loading message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the list could not be loaded.
 * @csspart retry-button - The button that loads the list again.
 *
 * @cssproperty [--acct-passkeys-max-width=40rem] - The widest the card grows.
 */
export class AcctPasskeys extends AccountElement {
  static override stringAreas = ['security'] as const;

  static override styles = [AccountElement.styles, passkeysStyles];

  /** The passkey being renamed, or null. */
  @state() private renaming: string | null = null;
  @state() private renameProblem = '';
  /** A request is in flight. */
  @state() private busy = false;
  @state() private announcement = '';
  /** Why adding failed (footer). */
  @state() private actionError = '';
  /** Why renaming or removing a passkey failed, shown in its row. */
  @state() private rowError: { id: string; message: string } | null = null;

  private readonly ceremonies = new WebAuthnController(this);
  /** The passkey whose removal is being confirmed. */
  private readonly confirmation = new InlineConfirmation(this, {
    opener: (id) => `[part~="remove-button"][data-id="${id}"]`,
    opening: () => this.reset(),
  });

  // Loads for the signed-in user, again when the user or the session changes; nothing while signed out.
  private readonly list = new Task(this, {
    task: async ([store, key], { signal }): Promise<Listing | undefined> => {
      if (!key) return undefined;
      // A server without passkeys has no such routes (404): say so rather than "could not load".
      if (!(await store.config()).methods.includes('passkey')) return { enabled: false, passkeys: [] };
      const { passkeys } = await store.api.call('GET /api/passkeys', {}, { signal });
      return { enabled: true, passkeys };
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  protected override sessionChanged(cause: ChangeCause): void {
    // Someone else signed in or out: an edit or a question about the previous list no longer applies.
    if (cause === 'refresh') return;
    this.renaming = null;
    this.confirmation.close();
    this.rowError = null;
    this.actionError = '';
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title" tabindex="-1">${t.passkeys.title}</h2>
        <p class="intro">${t.passkeys.intro}</p>
        ${this.renderForSession(this.list, t.passkeys, (listing) => this.renderListing(listing))}
      </section>
    `;
  }

  private renderListing({ enabled, passkeys }: Listing): TemplateResult {
    const t = this.t;
    if (!enabled) return html`<p part="unsupported" class="status">${t.passkeys.disabled}</p>`;
    const now = new Date();
    const handlers = {
      rename: this.startRename,
      save: this.saveRename,
      cancelRename: this.cancelRename,
      ask: this.confirmation.ask,
      confirm: this.confirmRemove,
      cancelRemove: this.confirmation.cancel,
      keydown: this.onKeydown,
    };
    const row = (p: Passkey) => {
      const error = this.rowError?.id === p.id ? this.rowError.message : '';
      const rowState = {
        t,
        renaming: this.renaming === p.id,
        renameProblem: this.renameProblem,
        confirming: this.confirmation.open === p.id,
        error,
        busy: this.busy,
        now,
      };
      return renderPasskeyRow(p, rowState, handlers);
    };
    return html`
      ${passkeys.length ? html`<ul part="list">${passkeys.map(row)}</ul>` : html`<p part="empty" class="status">${t.passkeys.empty}</p>`}
      <div class="live" role="status">${this.announcement ? html`<p part="notice" class="notice">${this.announcement}</p>` : nothing}</div>
      <div class="footer">
        ${
          browserSupportsWebAuthn()
            ? html`<button part="button add-button" class="primary add" type="button" ?disabled=${this.busy} @click=${this.add}>${t.passkeys.add}</button>`
            : html`<p part="unsupported" class="status">${t.passkeys.unsupported}</p>`
        }
        ${this.actionError ? html`<p part="action-error" class="error" role="alert">${this.actionError}</p>` : nothing}
      </div>
    `;
  }

  /** "Add a passkey": the browser's dialog, then the server registers it. */
  private async add(): Promise<void> {
    if (this.busy) return;
    this.reset();
    const added = await this.act(
      async () => {
        const passkey = await this.ceremonies.run((ceremony) => registerPasskey(this.session.store.api, ceremony));
        this.emit('acct-passkey-added', { passkey });
        return this.t.passkeys.added(passkeyLabel(this.t, passkey));
      },
      (message) => (this.actionError = message),
    );
    // Closing the dialog is a choice: a quiet word, no alert.
    if (added === 'cancelled') this.announcement = this.t.passkeys.addCancelled;
  }

  private async startRename(event: Event): Promise<void> {
    this.reset();
    this.renaming = (event.currentTarget as HTMLElement).dataset.id ?? null;
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part~="rename-form"] input');
    input?.focus();
    input?.select();
  }

  private async saveRename(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const id = form.dataset.id!;
    const input = form.elements.namedItem('name') as HTMLInputElement;
    const name = input.value.trim();
    if (!name) {
      this.renameProblem = this.t.passkeys.nameMissing;
      input.focus();
      return;
    }
    const done = await this.act(
      async () => {
        const { passkey } = await this.session.store.api.call('PATCH /api/passkeys/:id', {
          params: { id },
          body: { name },
        });
        this.renaming = null;
        return this.t.passkeys.renamed(passkeyLabel(this.t, passkey));
      },
      (message) => (this.renameProblem = message),
    );
    if (done === 'ok') await this.focusRename(id);
  }

  private async cancelRename(): Promise<void> {
    const id = this.renaming;
    this.renaming = null;
    this.renameProblem = '';
    await this.focusRename(id);
  }

  private async confirmRemove(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const passkey = this.list.value?.passkeys.find((p) => p.id === id);
    if (!passkey) return;
    const done = await this.act(
      async () => {
        const { sessionsEnded } = await this.session.store.api.call('DELETE /api/passkeys/:id', {
          params: { id: passkey.id },
        });
        this.confirmation.close();
        this.emit('acct-passkey-removed', { passkey, sessionsEnded });
        return [this.t.passkeys.removed(passkeyLabel(this.t, passkey)), this.t.passkeys.sessionsEnded(sessionsEnded)]
          .filter(Boolean)
          .join(' ');
      },
      // In the row it is about: "this is your only way to sign in" must be read next to its passkey.
      (message) => {
        this.confirmation.close();
        this.rowError = { id: passkey.id, message };
      },
    );
    if (done === 'ok') await this.focusAfterUpdate('h2');
    else if (done === 'failed') await this.confirmation.focusOpener(passkey.id);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    if (this.renaming) void this.cancelRename();
    else this.confirmation.cancel();
  }

  /**
   * Runs a change with the list busy, reloads the list and announces `request`'s message; a
   * failure goes to `failed` (and `acct-error`), an abort or a closed passkey dialog nowhere.
   */
  private async act(
    request: () => Promise<string>,
    failed: (message: string) => void,
  ): Promise<'ok' | 'failed' | 'cancelled'> {
    this.busy = true;
    try {
      const message = await request();
      await this.list.run();
      this.announcement = message;
      return 'ok';
    } catch (error) {
      if (isAbort(error) || (error instanceof ApiError && error.code === 'passkey_cancelled')) return 'cancelled';
      failed(errorMessage(this.t, error));
      this.emit('acct-error', errorDetail(this.t, error));
      return 'failed';
    } finally {
      this.busy = false;
    }
  }

  /** Clears the messages of the previous action before a new one starts. */
  private reset(): void {
    this.announcement = '';
    this.actionError = '';
    this.rowError = null;
    this.renameProblem = '';
    this.renaming = null;
    this.confirmation.close();
  }

  /** Back to a row's "Rename" once the form in its place is gone. */
  private async focusRename(id: string | null): Promise<void> {
    if (id) await this.focusAfterUpdate(`[part~="rename-button"][data-id="${id}"]`);
  }
}
