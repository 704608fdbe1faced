/**
 * `<acct-login-history>`: the signed-in user's recent account activity (`GET /api/login-history`),
 * newest first: sign-ins, failed attempts, sign-outs and password changes, each with its method,
 * device and place. Older pages load with "Show older activity" (the answer's `nextCursor`). It
 * follows the page's session store like `<acct-sessions>`. This module only declares the class;
 * `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { AccountElement } from '../../core/account-element.js';
import type { LoginEvent, LoginHistoryPage } from '../../../../contract/login-history.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import { renderHistoryRow } from './history-row.js';
import { loginHistoryStyles } from './login-history.styles.js';

/**
 * The signed-in user's sign-in activity, newest first, a page at a time.
 *
 * @summary Recent sign-ins, failed attempts and password changes, with method, device and place.
 *
 * @tag acct-login-history
 *
 * @slot signed-out - Shown instead of the list while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Loading older activity, or loading the list
 * again after "Try again", failed; `detail` is `{ code, status, message }`.
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart list - The list of events.
 * @csspart item - An event's row.
 * @csspart failure - The row of a failed attempt (with `item`).
 * @csspart event - What happened, e.g. "Signed in".
 * @csspart badge - The "Failed" badge of a failed attempt.
 * @csspart failure-badge - The same badge (with `badge`).
 * @csspart details - A row's secondary lines: method and device, place, reason.
 * @csspart reason - Why an attempt failed (with `details`).
 * @csspart button - Every button.
 * @csspart load-more-button - The "Show older activity" button.
 * @csspart action-error - Why older activity could not be loaded.
 * @csspart empty - The message when there is no activity.
 * @csspart status - The loading message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the list could not be loaded.
 * @csspart retry-button - The button that loads the list again.
 *
 * @cssproperty [--acct-login-history-max-width=40rem] - The widest the card grows.
 */
export class AcctLoginHistory extends AccountElement {
  static override stringAreas = ['security'] as const;

  static override styles = [AccountElement.styles, loginHistoryStyles];

  /** How many events each page holds (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Pages loaded with "Show older activity", after the first. */
  @state() private olderPages: LoginHistoryPage[] = [];
  @state() private loadingMore = false;
  @state() private moreError = '';

  /** `page-size`, kept to what the server accepts. */
  private get limit(): number {
    return Math.min(100, Math.max(1, Math.floor(this.pageSize) || 20));
  }

  // The first page, for the signed-in user; loading it again (another user, another page size)
  // drops the older pages, which belonged to the previous list.
  private readonly firstPage = new Task(this, {
    task: async ([store, key, limit], { signal }): Promise<LoginHistoryPage | undefined> => {
      if (!key) return undefined;
      const page = await store.api.call('GET /api/login-history', { query: { limit } }, { signal });
      this.olderPages = [];
      this.moreError = '';
      return page;
    },
    args: () => [this.session.store, this.sessionKey, this.limit] as const,
  });

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title">${t.history.title}</h2>
        ${this.renderForSession(this.firstPage, t.history, (page) => this.renderList(page))}
      </section>
    `;
  }

  private renderList(first: LoginHistoryPage): TemplateResult {
    const t = this.t;
    const now = new Date();
    const events: LoginEvent[] = [first, ...this.olderPages].flatMap((page) => page.events);
    if (!events.length) return html`<p part="empty" class="status">${t.history.empty}</p>`;
    const nextCursor = (this.olderPages.at(-1) ?? first).nextCursor;
    return html`
      <ul part="list">
        ${events.map((event) => renderHistoryRow(event, t, now))}
      </ul>
      ${this.moreError ? html`<p part="action-error" class="error" role="alert">${this.moreError}</p>` : nothing}
      ${
        nextCursor
          ? html`<div class="footer">
            <button part="button load-more-button" type="button" ?disabled=${this.loadingMore} aria-busy=${this.loadingMore ? 'true' : 'false'}
              @click=${this.loadMore}>${t.history.loadMore}</button>
          </div>`
          : nothing
      }
    `;
  }

  private async loadMore(): Promise<void> {
    const first = this.firstPage.value;
    const cursor = (this.olderPages.at(-1) ?? first)?.nextCursor;
    if (!first || !cursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = '';
    const store = this.session.store;
    try {
      const page = await store.api.call('GET /api/login-history', { query: { limit: this.limit, cursor } });
      // The list may have been reloaded (another user) meanwhile; then this page belongs to nobody.
      if (this.firstPage.value !== first) return;
      this.olderPages = [...this.olderPages, page];
      await this.updateComplete;
      // Keyboard and screen-reader users carry on reading at the first older event, not back at the button.
      const firstNew = page.events[0];
      if (firstNew) this.renderRoot.querySelector<HTMLElement>(`li[data-event="${CSS.escape(firstNew.id)}"]`)?.focus();
    } catch (error) {
      this.moreError = errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.loadingMore = false;
    }
  }
}
