/**
 * `<acct-checklist>`: the signed-in user's setup checklist (`GET /api/checklist`) — items with an
 * icon, a description and a link to where each task is done, a progress bar and "2 of 5 done",
 * ticking and un-ticking, hiding an item or the whole list (and bringing them back). Items also
 * complete from real events on the server (an invitation sent, a profile filled in) and from the
 * site (`element.complete('create_event')`); an open checklist sees those within a few seconds, as
 * it polls while the page is visible. With `collapsed` it is a launcher button ("Get set up · 3
 * left") that opens the list, for a corner of the page. This module only declares the class;
 * `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { OnboardingElement } from '../../core/onboarding-element.js';
import type { Checklist, ChecklistItemAction } from '../../../../contract/checklist.js';
import { ApiError } from '../../core/api-client.js';
import { Poller } from '../../core/poller.js';
import { checklistStyles } from './checklist.styles.js';
import { renderDismissed, renderFooter, renderHeader, renderItem, renderLauncher } from './checklist-views.js';

/** Every item is done or hidden: nothing left to show. */
const finished = (list: Checklist) => list.items.every((item) => item.completed || item.dismissed);

/**
 * The user's setup checklist, live.
 *
 * @summary Setup checklist: items with links, progress, tick / hide / hide all; updates live; a collapsed launcher.
 *
 * @tag acct-checklist
 *
 * @slot signed-out - Shown instead of the list while nobody is signed in (not in `collapsed` mode, which then shows nothing).
 *
 * @fires {CustomEvent<AcctChecklistItemCompleteDetail>} acct-checklist-item-complete - The user ticked an item;
 * `detail` is `{ key, item }`. Not fired for `complete()`, which the page itself calls, nor for items completed elsewhere.
 * @fires {CustomEvent<AcctChecklistDismissDetail>} acct-checklist-dismiss - The user hid an item (`detail.key`) or the
 * whole checklist (`detail.key` null).
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Ticking, hiding or restoring failed; `detail` is `{ code, status, message }`.
 *
 * @csspart base - The wrapper of the launcher and the panel.
 * @csspart launcher - The button that opens the list (`collapsed` only).
 * @csspart title - The heading.
 * @csspart count - "2 of 5 done".
 * @csspart progress - The progress bar.
 * @csspart list - The list of items.
 * @csspart item - An item's row.
 * @csspart completed-item - The row of a completed item (with `item`).
 * @csspart checkbox - An item's check box.
 * @csspart action-link - The title's link to where the task is done.
 * @csspart description - An item's description.
 * @csspart button - Every button.
 * @csspart dismiss-button - An item's hide button.
 * @csspart restore-items-button - "Show 2 hidden items".
 * @csspart dismiss-all-button - "Hide the checklist".
 * @csspart restore-button - "Show the checklist", once hidden.
 * @csspart action-error - Why the last action failed.
 * @csspart status - A loading or "hidden" message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the checklist could not be loaded.
 * @csspart retry-button - The button that loads it again.
 *
 * @cssproperty [--acct-checklist-max-width=26rem] - The widest the panel grows.
 */
export class AcctChecklist extends OnboardingElement {
  static override stringAreas = ['onboarding'] as const;

  static override styles = [OnboardingElement.styles, checklistStyles];

  /** Shows a launcher button with what remains ("3 left") that opens the list; for a corner of the page. */
  @property({ type: Boolean, reflect: true }) collapsed = false;

  /** Keeps showing the checklist once every item is done (or hidden); by default it then hides itself. */
  @property({ type: Boolean, attribute: 'keep-when-done' }) keepWhenDone = false;

  /** Seconds between two reads of the checklist while the page is visible (1–5). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 5;

  /** The panel is open (in `collapsed` mode). */
  @state() private expanded = false;
  /** The newest answer, from an action or a poll (newer than the load's). */
  @state() private latest: Checklist | undefined;

  // Answers can arrive out of order (a poll sent before a tick answering after it): each request
  // gets a number, and an answer older than the one shown is dropped.
  private issued = 0;
  private applied = 0;

  private readonly load = new Task(this, {
    task: async ([store, key], { signal }) => {
      if (!key) return undefined;
      const seq = ++this.issued;
      const list = await store.api.call('GET /api/checklist', {}, { signal });
      this.applied = seq;
      this.latest = undefined;
      return list;
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  constructor() {
    super();
    new Poller(
      this,
      () => Math.min(5, Math.max(1, this.pollInterval || 5)) * 1000,
      () => this.refresh(),
      () => this.sessionKey !== null && this.load.status === TaskStatus.COMPLETE,
    );
  }

  /**
   * Reads the checklist now (it also does every `poll-interval` seconds while the page is visible);
   * nothing while nobody is signed in.
   */
  async refresh(): Promise<void> {
    if (await this.nobodySignedIn()) return;
    await this.apply(() => this.session.store.api.call('GET /api/checklist'));
  }

  /**
   * Marks an item done for the signed-in user, for the page to call when its own task succeeded:
   * `document.querySelector('acct-checklist').complete('create_event')`. Completing a done item
   * changes nothing. Rejects with an `ApiError` (`not_found` for an unknown key; `not_signed_in`,
   * without asking the server, while nobody is signed in).
   */
  async complete(key: string): Promise<void> {
    if (await this.nobodySignedIn()) throw new ApiError('not_signed_in', 401, 'Nobody is signed in.');
    await this.apply(() => this.session.store.api.call('POST /api/checklist/items/:key/complete', { params: { key } }));
  }

  private async apply(request: () => Promise<Checklist>): Promise<Checklist> {
    const seq = ++this.issued;
    const list = await request();
    if (seq > this.applied) {
      this.applied = seq;
      this.latest = list;
    }
    return list;
  }

  private get list(): Checklist | undefined {
    return this.latest ?? this.load.value;
  }

  override render(): TemplateResult {
    const t = this.t;
    const list = this.list;
    const hidden = list !== undefined && !list.dismissed && finished(list) && !this.keepWhenDone;
    const signedIn = this.session.store.status === 'signed-in';
    const open = !this.collapsed || this.expanded;
    return html`
      <div part="base" class="checklist" lang=${this.t.$lang} @keydown=${this.onKeydown}>
        ${
          hidden
            ? nothing
            : html`${this.collapsed && signedIn && list ? renderLauncher(t, list, this.expanded, this.toggle) : nothing}
              <section class="panel" id="panel" aria-labelledby="title" ?hidden=${!open || (this.collapsed && !signedIn)}>
                <h2 part="title" id="title" tabindex="-1">${t.checklist.title}</h2>
                ${this.renderForSession(
                  this.load,
                  { loadFailed: t.checklist.loadFailed, signedOut: t.checklist.signedOut },
                  (loaded) => this.renderList(this.latest ?? loaded),
                )}
                ${this.actionError ? html`<p part="action-error" class="error" role="alert">${this.actionError}</p>` : nothing}
              </section>`
        }
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  private renderList(list: Checklist): TemplateResult {
    const t = this.t;
    if (list.dismissed) return renderDismissed(t, this.busy, this.restoreAll);
    return html`
      ${renderHeader(t, list)}
      <ul part="list">
        ${list.items.filter((item) => !item.dismissed).map((item) => renderItem(t, item, this.busy, { toggle: this.toggleItem, dismiss: this.dismissItem }))}
      </ul>
      ${renderFooter(t, list, this.busy, { restoreItems: this.restoreItems, dismissAll: this.dismissAll })}
    `;
  }

  // Handlers are arrow functions: the views bind them without losing `this`.
  private readonly toggle = (): void => {
    this.expanded = !this.expanded;
    if (this.expanded) void this.focusAfterUpdate('h2');
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.collapsed || !this.expanded) return;
    event.stopPropagation();
    this.expanded = false;
    void this.focusAfterUpdate('.launcher');
  };

  private itemOf(event: Event) {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    return this.list?.items.find((item) => item.key === key);
  }

  private readonly toggleItem = async (event: Event): Promise<void> => {
    const box = event.currentTarget as HTMLInputElement;
    const item = this.itemOf(event);
    if (!item) return;
    // aria-disabled, not disabled (which would drop focus): undo the click while busy.
    if (this.busy) {
      box.checked = item.completed;
      return;
    }
    const action: ChecklistItemAction = box.checked ? 'complete' : 'uncomplete';
    const done = await this.act(action, item.key);
    if (!done) {
      box.checked = item.completed;
      return;
    }
    if (action === 'complete')
      this.emit('acct-checklist-item-complete', { key: item.key, item: { ...item, completed: true } });
    this.announcement =
      action === 'complete' ? this.t.checklist.completed(item.title) : this.t.checklist.uncompleted(item.title);
  };

  private readonly dismissItem = async (event: Event): Promise<void> => {
    const item = this.itemOf(event);
    if (!item || this.busy) return;
    const visible = this.list?.items.filter((i) => !i.dismissed) ?? [];
    const next = visible[visible.indexOf(item) + 1] ?? visible[visible.indexOf(item) - 1];
    if (!(await this.act('dismiss', item.key))) return;
    this.emit('acct-checklist-dismiss', { key: item.key });
    this.announcement = this.t.checklist.dismissed(item.title);
    // The row is gone: focus goes to the next one's check box, else to the heading.
    await this.focusAfterUpdate(next ? `input[data-key="${CSS.escape(next.key)}"]` : 'h2');
  };

  private readonly restoreItems = async (): Promise<void> => {
    const hidden = this.list?.items.filter((item) => item.dismissed) ?? [];
    for (const item of hidden) if (!(await this.act('restore', item.key))) return;
  };

  private readonly dismissAll = async (): Promise<void> => {
    if (!(await this.act('dismiss-all'))) return;
    this.emit('acct-checklist-dismiss', { key: null });
    await this.focusAfterUpdate('[part~="restore-button"]');
  };

  private readonly restoreAll = async (): Promise<void> => {
    if (await this.act('restore-all')) await this.focusAfterUpdate('h2');
  };

  /** Runs one change through `attempt` (busy state, errors shown and fired); true when it worked. */
  private act(action: ChecklistItemAction | 'dismiss-all' | 'restore-all', key = ''): Promise<boolean> {
    const api = this.session.store.api;
    return this.attempt(async () => {
      if (action === 'dismiss-all') await this.apply(() => api.call('POST /api/checklist/dismiss'));
      else if (action === 'restore-all') await this.apply(() => api.call('POST /api/checklist/restore'));
      else await this.apply(() => api.call(`POST /api/checklist/items/:key/${action}`, { params: { key } }));
    });
  }
}
