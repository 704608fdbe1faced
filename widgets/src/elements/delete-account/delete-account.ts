/**
 * `<acct-delete-account>`: the signed-in user deletes their account (`POST /api/me/deletion`). It
 * explains what happens — the grace period, what is deleted, the rule for organizations the user
 * owns alone — asks why (optional), and confirms by having the user type their address. The
 * server then ends every session of the user, so the element signs the page out and shows the
 * date the account will be deleted. Signed in again during the grace period, the user sees that
 * date with "Cancel deletion" (`DELETE /api/me/deletion`). A sign-in older than ten minutes is
 * refused (`reauthentication_required`): the element explains it and offers to sign in again.
 * This module only declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { AccountElement } from '../../core/account-element.js';
import { ApiError } from '../../core/api-client.js';
import { DELETION_REASONS, type DeletionReason } from '../../../../contract/constants.js';
import { cancelScheduledDeletion, deletionDate } from '../../core/deletion-notice.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import type { ChangeCause } from '../../core/session-store.js';
import { renderLoadError, renderLoading, renderSignedOut } from '../../core/views.js';
import { deleteAccountStyles } from './delete-account.styles.js';

/**
 * Deleting the signed-in user's account, with a grace period during which it can be cancelled.
 *
 * @summary Delete the account: what happens, why (optional), confirm by typing the email; cancel during the grace period.
 *
 * @tag acct-delete-account
 *
 * @slot signed-out - Shown while nobody is signed in (and no deletion was just asked for here); defaults to a short message.
 *
 * @fires {CustomEvent<AcctDeletionRequestedDetail>} acct-deletion-requested - The user asked for the deletion; every
 * session has ended. `detail` is `{ scheduledFor }`.
 * @fires {CustomEvent<Record<string, never>>} acct-deletion-cancelled - The user cancelled the scheduled deletion.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Asking for or cancelling the deletion failed; `detail` is
 * `{ code, status, message }` (e.g. `reauthentication_required`, `email_mismatch`).
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart description - The explanation of what happens.
 * @csspart form - The deletion form.
 * @csspart label - A field's label.
 * @csspart select - The reason list.
 * @csspart input - The feedback and the typed address.
 * @csspart button - Every button.
 * @csspart delete-button - The "Delete my account" button.
 * @csspart form-error - Why the deletion was refused.
 * @csspart sign-in-button - "Sign in again", when a recent sign-in is needed.
 * @csspart notice - The scheduled date, and the news after a cancellation.
 * @csspart cancel-deletion-button - "Cancel deletion".
 * @csspart status - The loading message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the session could not be read.
 * @csspart retry-button - The button that reads it again.
 *
 * @cssproperty [--acct-delete-account-max-width=40rem] - The widest the card grows.
 */
export class AcctDeleteAccount extends AccountElement {
  static override stringAreas = ['account'] as const;

  static override styles = [AccountElement.styles, deleteAccountStyles];

  /** The address typed so far: the delete button waits for it to match. */
  @state() private typed = '';
  @state() private busy = false;
  @state() private formError = '';
  /** The refusal was `reauthentication_required`: offer to sign in again. */
  @state() private needsSignIn = false;
  /** The date of the deletion just asked for here: shown after the page is signed out. */
  @state() private requested: string | null = null;
  @state() private announcement = '';
  /** The server's grace period in days (`GET /api/config`), once known; the text is vaguer without it. */
  @state() private graceDays: number | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.session.store.config().then(
      (config) => (this.graceDays = config.deletionGraceDays ?? null),
      // The form works without the number: the general wording stays.
      () => undefined,
    );
  }

  protected override sessionChanged(cause: ChangeCause): void {
    if (cause === 'refresh') return;
    // Another user, or signed in again: the form starts over.
    this.typed = '';
    this.formError = '';
    this.needsSignIn = false;
    if (this.session.store.status === 'signed-in') this.requested = null;
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title" tabindex="-1">${this.scheduledFor ? t.deleteAccount.scheduledTitle : t.deleteAccount.title}</h2>
        ${this.renderContent()}
        <div class="live" role="status">${this.announcement ? html`<p part="notice" class="notice">${this.announcement}</p>` : nothing}</div>
      </section>
    `;
  }

  /** The deletion's date: just asked for here, or the signed-in user's scheduled one. */
  private get scheduledFor(): string | null {
    const store = this.session.store;
    return this.requested ?? (store.status === 'signed-in' ? (store.user?.deletionScheduledFor ?? null) : null);
  }

  private renderContent(): TemplateResult {
    const t = this.t;
    const store = this.session.store;
    const scheduled = this.scheduledFor;
    if (scheduled) return this.renderScheduled(scheduled);
    if (store.status === 'loading') return renderLoading(t);
    if (store.status === 'error')
      return renderLoadError(t, t.deleteAccount.loadFailed, store.error, () => void store.refresh());
    if (store.status === 'signed-out' || !store.user) return renderSignedOut(t.deleteAccount.signedOut);
    return this.renderForm(store.user.email);
  }

  private renderScheduled(date: string): TemplateResult {
    const t = this.t.deleteAccount;
    const signedIn = this.session.store.status === 'signed-in';
    return html`
      <p part="notice" class="notice">${t.scheduledOn(deletionDate(this.t.$lang, date))}</p>
      ${this.requested ? html`<p part="description">${t.requestedDone}</p>` : nothing}
      ${this.formError ? html`<p part="form-error" class="error" role="alert">${this.formError}</p>` : nothing}
      ${
        signedIn
          ? html`<div class="footer">
            <button part="button cancel-deletion-button" class="primary" type="button" ?disabled=${this.busy} @click=${this.cancel}>
              ${t.cancel}
            </button>
          </div>`
          : nothing
      }
    `;
  }

  private renderForm(email: string): TemplateResult {
    const t = this.t.deleteAccount;
    const confirmed = this.typed.trim().toLowerCase() === email.toLowerCase();
    return html`
      <ul part="description" class="explain">
        <li>${t.intro}</li>
        <li>${t.grace(this.graceDays)}</li>
        <li>${t.deleted}</li>
        <li>${t.organizations}</li>
      </ul>
      <form part="form" novalidate @submit=${this.submit}>
        <div class="field">
          <label part="label" for="reason">${t.reason}</label>
          <select part="select" id="reason" name="reason">
            <option value="">${t.noReason}</option>
            ${DELETION_REASONS.map((reason) => html`<option value=${reason}>${t.reasons[reason]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label part="label" for="feedback">${t.feedback}</label>
          <textarea part="input" id="feedback" name="feedback" maxlength="2000"></textarea>
        </div>
        <div class="field">
          <label part="label" for="confirm-email">${t.confirmLabel(email)}</label>
          <input part="input" id="confirm-email" name="confirmEmail" type="email" autocomplete="off" spellcheck="false"
            aria-describedby=${this.formError ? 'form-error' : nothing} .value=${this.typed} @input=${this.onType} />
        </div>
        ${this.formError ? html`<p part="form-error" id="form-error" class="error" role="alert">${this.formError}</p>` : nothing}
        ${
          this.needsSignIn
            ? html`<button part="button sign-in-button" type="button" @click=${this.signInAgain}>${t.signInAgain}</button>`
            : nothing
        }
        <button part="button delete-button" class="danger" type="submit" ?disabled=${!confirmed || this.busy}
          aria-busy=${this.busy ? 'true' : 'false'}>${t.submit}</button>
      </form>
    `;
  }

  private onType(event: InputEvent): void {
    this.typed = (event.currentTarget as HTMLInputElement).value;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const reason = (form.elements.namedItem('reason') as HTMLSelectElement).value as DeletionReason | '';
    const feedback = (form.elements.namedItem('feedback') as HTMLTextAreaElement).value.trim();
    const store = this.session.store;
    this.busy = true;
    this.formError = '';
    this.needsSignIn = false;
    this.announcement = '';
    try {
      const { deletion } = await store.api.call('POST /api/me/deletion', {
        body: { confirmEmail: this.typed.trim(), ...(reason ? { reason } : {}), ...(feedback ? { feedback } : {}) },
      });
      this.requested = deletion.scheduledFor;
      this.emit('acct-deletion-requested', { scheduledFor: deletion.scheduledFor });
      // The server ended every session, this page's too: sign out here and in the other tabs.
      await store.signOut();
      await this.focusAfterUpdate('h2');
    } catch (error) {
      this.needsSignIn = error instanceof ApiError && error.code === 'reauthentication_required';
      this.formError = this.needsSignIn ? this.t.deleteAccount.reauthenticate : errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.busy = false;
    }
  }

  /** A recent sign-in is needed: sign out here, so that the page's sign-in form shows. */
  private async signInAgain(): Promise<void> {
    await this.session.store.signOut();
  }

  private async cancel(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.formError = '';
    try {
      await cancelScheduledDeletion(this.session.store);
      this.announcement = this.t.deleteAccount.cancelled;
      this.emit('acct-deletion-cancelled', {});
      await this.focusAfterUpdate('h2');
    } catch (error) {
      this.formError = errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.busy = false;
    }
  }
}
