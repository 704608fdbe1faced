/**
 * `<acct-notifications-bell>`: a bell button with the signed-in user's unread count, opening a
 * panel with their in-app notifications (`GET /api/notifications`), newest first, each marked read
 * on its own or all at once. It updates live by polling the feed every `poll-interval` seconds
 * while the page is visible (core/poller.ts: the same choice as `<acct-checklist>` — a poll works
 * with every session transport, including bearer tokens that server-sent events cannot carry, and
 * stops in a background tab). This module only declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { AppNotification, NotificationFeed } from '../../../../contract/notifications.js';
import { AccountElement } from '../../core/account-element.js';
import { errorDetail } from '../../core/events.js';
import { icon } from '../../core/icons.js';
import { Poller } from '../../core/poller.js';
import { renderNotificationRow } from './notification-row.js';
import { notificationsBellStyles } from './notifications-bell.styles.js';

const PAGE = 20;

/**
 * The signed-in user's in-app notifications behind a bell with an unread badge; live.
 *
 * @summary Notification bell: unread badge, a panel of notifications, mark read / mark all read; updates live.
 *
 * @tag acct-notifications-bell
 *
 * @slot signed-out - Shown in the panel while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctNotificationsChangeDetail>} acct-notifications-change - The unread count changed (a
 * notification arrived or was read); `detail` is `{ unreadCount }`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Marking read failed; `detail` is `{ code, status, message }`.
 *
 * @csspart bell - The bell button.
 * @csspart count - The unread badge on the bell (absent at 0).
 * @csspart panel - The panel the bell opens.
 * @csspart base - The card inside the panel.
 * @csspart title - The panel's heading.
 * @csspart list - The list of notifications.
 * @csspart item - A notification's row.
 * @csspart unread-item - An unread notification's row (with `item`).
 * @csspart link - A notification's title, when it leads somewhere.
 * @csspart body - A notification's text.
 * @csspart button - Every button but the bell.
 * @csspart mark-read-button - A row's "Mark as read".
 * @csspart mark-all-button - "Mark all as read".
 * @csspart more-button - "Show older".
 * @csspart empty - The message when there is no notification.
 * @csspart status - The loading message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the notifications could not be loaded.
 * @csspart retry-button - The button that loads them again.
 *
 * @cssproperty [--acct-notifications-bell-width=24rem] - The panel's width (never wider than the screen; on a phone, up to 36rem wide, the panel spans the screen).
 * @cssproperty [--acct-notifications-bell-max-height=28rem] - The panel's height before it scrolls.
 */
export class AcctNotificationsBell extends AccountElement {
  static override stringAreas = ['notifications'] as const;

  static override styles = [AccountElement.styles, notificationsBellStyles];

  /** Seconds between two reads of the feed while the page is visible (5–300). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 15;

  /** The panel is open. */
  @state() private open = false;
  /** The panel hangs from the bell's inline start, not its end: see `toggle`. */
  @state() private fromStart?: boolean;
  /** The newest first page, from a poll or an action (newer than the load's). */
  @state() private latest: NotificationFeed | undefined;
  /** Older pages the user asked for ("Show older"). */
  @state() private older: AppNotification[] = [];
  @state() private olderCursor: string | null | undefined;

  // Answers can arrive out of order (a poll sent before a "mark read" answering after it): an
  // answer older than the one shown is dropped.
  private issued = 0;
  private applied = 0;
  private lastUnread: number | undefined;

  private readonly feed = new Task(this, {
    task: async ([store, key], { signal }) => {
      if (!key) return undefined;
      const seq = ++this.issued;
      const feed = await store.api.call('GET /api/notifications', { query: { limit: PAGE } }, { signal });
      this.applied = seq;
      this.latest = undefined;
      this.older = [];
      this.olderCursor = undefined;
      this.announce(feed);
      return feed;
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  constructor() {
    super();
    new Poller(
      this,
      () => Math.min(300, Math.max(5, this.pollInterval || 15)) * 1000,
      () => this.refresh(),
      () => this.sessionKey !== null && this.feed.status === TaskStatus.COMPLETE,
    );
  }

  /**
   * Reads the feed now (it also does every `poll-interval` seconds while the page is visible);
   * nothing while nobody is signed in.
   */
  async refresh(): Promise<void> {
    if (await this.nobodySignedIn()) return;
    const seq = ++this.issued;
    const feed = await this.session.store.api.call('GET /api/notifications', { query: { limit: PAGE } });
    if (seq <= this.applied) return;
    this.applied = seq;
    this.latest = feed;
    this.announce(feed);
  }

  /** Fires `acct-notifications-change` when the unread count moved. */
  private announce(feed: NotificationFeed): void {
    if (feed.unreadCount === this.lastUnread) return;
    this.lastUnread = feed.unreadCount;
    this.emit('acct-notifications-change', { unreadCount: feed.unreadCount });
  }

  private get current(): NotificationFeed | undefined {
    return this.latest ?? this.feed.value;
  }

  override render(): TemplateResult {
    const t = this.t.notificationsBell;
    const unread = this.current?.unreadCount ?? 0;
    return html`
      <button part="bell" class="bell" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="panel"
        aria-label=${t.label(unread)} @click=${this.toggle}>
        ${icon('bell')}
        ${unread ? html`<span part="count" class="count" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>` : nothing}
      </button>
      <div part="panel" class="panel ${this.fromStart ? 's' : ''}" id="panel" ?hidden=${!this.open} @keydown=${this.onKeydown}>
        <section part="base" class="base" lang=${this.t.$lang} aria-labelledby="title">
          <div class="header">
            <h2 part="title" id="title" tabindex="-1">${t.title}</h2>
            ${
              unread
                ? html`<button part="button mark-all-button" class="small" type="button" @click=${this.markAllRead}>${t.markAllRead}</button>`
                : nothing
            }
          </div>
          ${this.renderForSession(this.feed, t, () => this.renderList())}
        </section>
      </div>
    `;
  }

  private renderList(): TemplateResult {
    const t = this.t.notificationsBell;
    const feed = this.current!;
    const items = [...feed.notifications, ...this.older.filter((o) => !feed.notifications.some((n) => n.id === o.id))];
    if (!items.length) return html`<p part="empty" class="status">${t.empty}</p>`;
    const now = new Date();
    const cursor = this.olderCursor === undefined ? feed.nextCursor : this.olderCursor;
    return html`
      <ul part="list">${items.map((n) => renderNotificationRow(this.t, n, now, this.markRead))}</ul>
      ${cursor ? html`<button part="button more-button" class="small" type="button" @click=${this.showOlder}>${t.more}</button>` : nothing}
    `;
  }

  private readonly toggle = async (): Promise<void> => {
    this.open = !this.open;
    if (this.open) {
      // Towards the side of the screen with more room (the bell's centre left or right of the
      // screen's): always hung from the bell's inline end, the panel went off the screen, out of
      // reach, from a bell at the start of a header. Kept as start or end, so that it mirrors with
      // the direction.
      const { left, right } = this.getBoundingClientRect();
      const rtl = getComputedStyle(this).direction === 'rtl';
      this.fromStart = left + right < innerWidth !== rtl;
      void this.refresh().catch(() => undefined);
      await this.focusAfterUpdate('h2');
    }
  };

  private readonly onKeydown = async (event: KeyboardEvent): Promise<void> => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.open = false;
    await this.focusAfterUpdate('.bell');
  };

  private readonly markRead = (event: Event): void => {
    const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
    void this.change(() => this.session.store.api.call('POST /api/notifications/:id/read', { params: { id } }));
  };

  private readonly markAllRead = (): Promise<void> =>
    this.change(() => this.session.store.api.call('POST /api/notifications/read-all'));

  /**
   * Runs a change, then reads the feed again (older pages re-read as read); errors are fired. Focus
   * then goes to the heading: the button clicked is gone, and focus would go to the page's start.
   */
  private async change(request: () => Promise<unknown>): Promise<void> {
    try {
      await request();
      this.older = this.older.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() }));
      await this.refresh();
    } catch (error) {
      this.emit('acct-error', errorDetail(this.t, error));
    }
    await this.focusAfterUpdate('h2');
  }

  private readonly showOlder = async (): Promise<void> => {
    const feed = this.current;
    const cursor = this.olderCursor === undefined ? feed?.nextCursor : this.olderCursor;
    if (!cursor) return;
    try {
      const page = await this.session.store.api.call('GET /api/notifications', { query: { limit: PAGE, cursor } });
      this.older = [...this.older, ...page.notifications];
      this.olderCursor = page.nextCursor;
    } catch (error) {
      this.emit('acct-error', errorDetail(this.t, error));
    }
  };
}
