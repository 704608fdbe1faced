/**
 * `<acct-sessions>`: where the user is signed in. It lists the sessions of the signed-in user
 * (`GET /api/sessions`), marks this device, and signs out another device (`DELETE
 * /api/sessions/:id`) or all of them (`POST /api/sessions/revoke-others`) after an inline
 * confirmation. It follows the page's session store: it loads when someone signs in, reloads
 * when the user or session changes, and shows the `signed-out` slot otherwise. This module only
 * declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { AccountElement } from '../../core/account-element.js';
import { ApiError } from '../../core/api-client.js';
import type { DeviceSession } from '../../../../contract/sessions.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import { InlineConfirmation } from '../../core/inline-confirmation.js';
import type { ChangeCause } from '../../core/session-store.js';
import { deviceLabel, renderSessionRow } from './session-row.js';
import { sessionsStyles } from './sessions.styles.js';

/** The confirmation open: one session's id, or every other session. */
const OTHERS = 'others';

/**
 * The devices where the user is signed in, with a way to sign any of them out.
 *
 * @summary The signed-in user's sessions: device, browser, place and last activity; sign out one or all others.
 *
 * @tag acct-sessions
 *
 * @slot signed-out - Shown instead of the list while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctSessionRevokedDetail>} acct-session-revoked - The user signed out another device,
 * or all other devices; `detail.sessionIds` lists the sessions ended.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Signing a device out, or loading the list again
 * after "Try again", failed; `detail` is `{ code, status, message }`.
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart list - The list of sessions.
 * @csspart item - A session's row.
 * @csspart current-item - The row of this device's session.
 * @csspart device-name - A row's device name.
 * @csspart badge - The "This device" badge.
 * @csspart details - A row's secondary lines: device type and browser, place, last activity.
 * @csspart button - Every button.
 * @csspart revoke-button - A row's "Sign out" button.
 * @csspart revoke-others-button - The "Sign out all other devices" button.
 * @csspart confirm - An inline confirmation: its question and buttons.
 * @csspart confirm-button - The button that confirms signing out.
 * @csspart cancel-button - The button that keeps the session (also Escape).
 * @csspart notice - The announcement after a device was signed out.
 * @csspart action-error - Why signing a device out failed.
 * @csspart status - The loading message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the list could not be loaded.
 * @csspart retry-button - The button that loads the list again.
 *
 * @cssproperty [--acct-sessions-max-width=40rem] - The widest the card grows.
 */
export class AcctSessions extends AccountElement {
  static override stringAreas = ['security'] as const;

  static override styles = [AccountElement.styles, sessionsStyles];

  /** A sign-out request is in flight. */
  @state() private busy = false;
  @state() private announcement = '';
  @state() private actionError = '';
  /** The open confirmation: a session's id, or `others`. */
  private readonly confirmation = new InlineConfirmation(this, {
    opener: (id) => `button[data-id="${id}"]`,
    opening: () => {
      this.announcement = '';
      this.actionError = '';
    },
  });

  // Loads for the signed-in user, again when the user or the session changes; nothing while signed out.
  private readonly list = new Task(this, {
    task: async ([store, key], { signal }): Promise<DeviceSession[] | undefined> => {
      if (!key) return undefined;
      const answer = await store.api.call('GET /api/sessions', {}, { signal });
      return answer.sessions;
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  protected override sessionChanged(cause: ChangeCause): void {
    // Someone else signed in or out: a question about the previous list no longer applies.
    if (cause !== 'refresh') this.confirmation.close();
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title" tabindex="-1">${t.sessions.title}</h2>
        ${this.renderForSession(this.list, t.sessions, (sessions) => this.renderList(sessions))}
      </section>
    `;
  }

  private renderList(sessions: readonly DeviceSession[]): TemplateResult {
    const t = this.t;
    const now = new Date();
    const others = sessions.filter((s) => !s.current);
    const { ask, cancel, keydown } = this.confirmation;
    const handlers = { ask, confirm: this.confirmOne, cancel, confirmKeydown: keydown };
    return html`
      <ul part="list">
        ${sessions.map((s) => renderSessionRow(s, { t, confirming: this.confirmation.open === s.id, busy: this.busy, now }, handlers))}
      </ul>
      ${this.actionError ? html`<p part="action-error" class="error" role="alert">${this.actionError}</p>` : nothing}
      <div class="live" role="status">${this.announcement ? html`<p part="notice" class="notice">${this.announcement}</p>` : nothing}</div>
      ${others.length ? this.renderFooter() : nothing}
    `;
  }

  private renderFooter(): TemplateResult {
    const t = this.t;
    const { ask, cancel, keydown } = this.confirmation;
    if (this.confirmation.open === OTHERS) {
      return html`<div part="confirm" class="confirm footer" role="group" aria-labelledby="confirm-others" data-id=${OTHERS} @keydown=${keydown}>
        <p id="confirm-others">${t.sessions.confirmRevokeOthers}</p>
        <button part="button confirm-button" class="danger small" type="button" ?disabled=${this.busy} @click=${this.confirmOthers}>
          ${t.sessions.confirm}
        </button>
        <button part="button cancel-button" class="small cancel" type="button" ?disabled=${this.busy} @click=${cancel}>${t.sessions.cancel}</button>
      </div>`;
    }
    return html`<div class="footer">
      <button part="button revoke-others-button" class="danger" type="button" data-id=${OTHERS} ?disabled=${this.busy} @click=${ask}>
        ${t.sessions.revokeOthers}
      </button>
    </div>`;
  }

  private async confirmOne(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const session = this.list.value?.find((s) => s.id === id);
    if (!session) return;
    await this.revoke(async () => {
      try {
        await this.session.store.api.call('DELETE /api/sessions/:id', { params: { id: session.id } });
      } catch (error) {
        // Already gone (it expired, or was signed out elsewhere): what the user wanted is done.
        if (!(error instanceof ApiError && error.code === 'not_found')) throw error;
      }
      this.emit('acct-session-revoked', { sessionIds: [session.id] });
      return this.t.sessions.revoked(deviceLabel(this.t, session));
    });
  }

  private async confirmOthers(): Promise<void> {
    const others = (this.list.value ?? []).filter((s) => !s.current).map((s) => s.id);
    await this.revoke(async () => {
      const { revoked } = await this.session.store.api.call('POST /api/sessions/revoke-others');
      this.emit('acct-session-revoked', { sessionIds: others });
      return this.t.sessions.revokedOthers(revoked);
    });
  }

  /** Runs a sign-out request, then reloads the list, announces the result and puts focus on the heading (the row is gone). */
  private async revoke(request: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.actionError = '';
    try {
      const message = await request();
      this.confirmation.close();
      await this.list.run();
      this.announcement = message;
      await this.focusAfterUpdate('h2');
    } catch (error) {
      this.actionError = errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.busy = false;
    }
  }
}
