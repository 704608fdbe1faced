/**
 * `<acct-account>`: the whole account centre in one element, after Clerk's `<UserProfile/>` —
 * tabs Profile (`<acct-profile>`), Security (`<acct-password>`, `<acct-passkeys>`, `<acct-mfa>`, `<acct-connected-accounts>`,
 * `<acct-sessions>`, `<acct-login-history>`), Notifications (`<acct-notification-settings>`) and
 * Data & privacy (`<acct-data-export>`, `<acct-delete-account>`), plus the site's own tabs. It
 * passes `server`, `lang` and `theme` down to the elements it shows. This module only declares
 * the class; `define.ts` registers it.
 *
 * Deep links: the selected tab is the `tab` attribute (reflected) and, unless `no-hash`, the
 * page's address fragment `#account/<tab>`, read at start and on `hashchange`, written with
 * `history.replaceState` (no history entry per tab) when the user picks a tab.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AcctElement } from '../../core/acct-element.js';
import { importElement } from '../../loader/element-modules.js';
import { ELEMENT_TAGS, type ElementTag } from '../../loader/element-tags.js';
import { accountStyles } from './account.styles.js';

/** The built-in tabs, in order. */
export const BUILT_IN_TABS = ['profile', 'security', 'notifications', 'privacy'] as const;

const HASH_PREFIX = '#account/';

/**
 * Imports the module of each acct element under `root` that is not defined yet, each once (the
 * module system keeps it); a failure is logged.
 */
function loadUndefinedElements(root: ParentNode): void {
  for (const element of root.querySelectorAll(':not(:defined)')) {
    const tag = element.localName as ElementTag;
    if (!ELEMENT_TAGS.includes(tag)) continue;
    importElement(tag).catch((error: unknown) => console.error(`acct: <${tag}> could not be loaded.`, error));
  }
}

interface Tab {
  id: string;
  label: string;
  /** A site's tab: its content is the slotted element itself. */
  slotted?: HTMLElement;
}

/**
 * Profile, security, notifications, data & privacy, and the site's own tabs, in one card. The
 * selected tab is the `tab` attribute and the address fragment `#account/<tab>` (unless
 * `no-hash`), so a link can open any tab. Tabs follow the WAI-ARIA pattern (arrow keys, Home,
 * End; one tab stop). On a narrow screen the row scrolls sideways, always to the selected tab, and
 * fades out at the edge where more tabs lie.
 *
 * @summary The account centre: every account element under accessible tabs, each opened by a link to `#account/<tab>` (e.g. `/settings#account/privacy`).
 *
 * @tag acct-account
 *
 * @slot tab - A tab of the site's own: an element with `data-tab` (its id, for `tab` and the
 * address) and `data-label` (its title), e.g. `<div slot="tab" data-tab="billing" data-label="Billing">…</div>`.
 * Site tabs follow the built-in ones, in document order; a site tab whose id is a built-in tab's replaces it.
 *
 * @fires {CustomEvent<AcctAccountTabChangedDetail>} acct-account-tab-changed - The user picked
 * another tab; `detail.tab` is its id.
 *
 * @csspart base - The card around everything.
 * @csspart tabs - The row of tabs.
 * @csspart tab - A tab.
 * @csspart selected-tab - The selected tab (with `tab`).
 * @csspart panel - The selected tab's content.
 *
 * @cssproperty [--acct-account-max-width=48rem] - The widest the card grows.
 * @cssproperty [--acct-account-tab-indicator=the primary colour] - The line under the selected tab.
 */
export class AcctAccount extends AcctElement {
  static override stringAreas = ['account'] as const;

  static override styles = [AcctElement.styles, accountStyles];

  /** The selected tab's id: `profile`, `security`, `notifications`, `privacy` or a site tab's `data-tab`; unless `no-hash`, also the address's `#account/<tab>`. */
  @property({ reflect: true }) tab = 'profile';

  /** Built-in tabs to leave out, space-separated, e.g. `notifications privacy`. */
  @property({ attribute: 'hide-tabs' }) hideTabs = '';

  /** Leaves the address fragment alone: the tab is then only the `tab` attribute. */
  @property({ type: Boolean, attribute: 'no-hash' }) noHash = false;

  /** Address of the site's sign-in page, handed to `<acct-profile>` for its "Sign in again". */
  @property({ attribute: 'sign-in-url' }) signInUrl = '';

  @state() private siteTabs: Tab[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.readSiteTabs();
    if (!this.noHash) {
      this.followHash();
      window.addEventListener('hashchange', this.followHash);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.followHash);
  }

  /** The tabs shown, in order. */
  private get tabs(): Tab[] {
    const labels = this.t.account.tabs as Record<string, string>;
    const hidden = new Set(this.hideTabs.split(/\s+/).filter(Boolean));
    const site = new Map(this.siteTabs.map((tab) => [tab.id, tab]));
    const builtIn = BUILT_IN_TABS.filter((id) => !hidden.has(id)).map(
      (id): Tab => site.get(id) ?? { id, label: labels[id] ?? id },
    );
    return [...builtIn, ...this.siteTabs.filter((tab) => !BUILT_IN_TABS.includes(tab.id as never))];
  }

  /** The selected tab, or the first when `tab` names none shown. */
  private get selected(): Tab | undefined {
    const tabs = this.tabs;
    return tabs.find((tab) => tab.id === this.tab) ?? tabs[0];
  }

  private readonly followHash = (): void => {
    if (!location.hash.startsWith(HASH_PREFIX)) return;
    const id = decodeURIComponent(location.hash.slice(HASH_PREFIX.length));
    if (id) this.tab = id;
  };

  private readSiteTabs(): void {
    this.siteTabs = [...this.querySelectorAll<HTMLElement>(':scope > [slot="tab"][data-tab]')].map((el) => ({
      id: el.dataset.tab!,
      label: el.dataset.label || el.dataset.tab!,
      slotted: el,
    }));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The selected tab's elements are imported when the tab is first shown, so a page with
    // <acct-account> downloads the tab it opens on, not the whole account centre; each upgrades in
    // place when its module arrives.
    loadUndefinedElements(this.renderRoot);
    // Only the selected site tab's content shows; the others stay in the page, hidden.
    const selected = this.selected;
    for (const tab of this.siteTabs) {
      const el = tab.slotted!;
      const isSelected = tab.id === selected?.id;
      el.hidden = !isSelected;
      if (isSelected) {
        el.setAttribute('role', 'tabpanel');
        el.id ||= `acct-account-panel-${tab.id}`;
      }
    }
    // After every render, not only a new `tab`: the labels' language or the site's tabs change the widths too.
    this.revealSelectedTab();
  }

  /**
   * Scrolls the row of tabs, and only it, so that the selected tab shows whole, clear of the fades
   * at the row's edges (its scroll-padding). `scrollIntoView()` would scroll the page as well, to
   * bring the row itself into view. `scrollLeft` grows rightwards in either direction (it is
   * negative right to left), so the same sums serve both.
   */
  private revealSelectedTab(): void {
    const row = this.renderRoot.querySelector<HTMLElement>('[role="tablist"]')!;
    const tab = row.querySelector('[aria-selected="true"]');
    if (!tab) return;
    const margin = parseFloat(getComputedStyle(row).scrollPaddingInlineStart) || 0;
    const shown = row.getBoundingClientRect();
    const { left, right } = tab.getBoundingClientRect();
    row.scrollLeft += Math.max(0, right + margin - shown.right) || Math.min(0, left - margin - shown.left);
  }

  override render(): TemplateResult {
    const tabs = this.tabs;
    const selected = this.selected;
    return html`<div part="base" class="base" lang=${this.t.$lang}>
      <div part="tabs" role="tablist" aria-label=${this.t.account.label} @keydown=${this.onKeydown}>
        ${tabs.map((tab) => {
          const isSelected = tab.id === selected?.id;
          return html`<button part=${isSelected ? 'tab selected-tab' : 'tab'} role="tab" type="button"
            id="tab-${tab.id}" data-tab=${tab.id} aria-selected=${isSelected ? 'true' : 'false'}
            aria-controls=${tab.slotted ? `acct-account-panel-${tab.id}` : `panel-${tab.id}`} tabindex=${isSelected ? 0 : -1}
            @click=${() => this.pick(tab.id)}>${tab.label}</button>`;
        })}
      </div>
      ${
        selected && !selected.slotted
          ? html`<div part="panel" role="tabpanel" id="panel-${selected.id}" aria-labelledby="tab-${selected.id}" tabindex="0">
            ${this.renderBuiltIn(selected.id)}
          </div>`
          : nothing
      }
      <slot name="tab" @slotchange=${() => this.readSiteTabs()}></slot>
    </div>`;
  }

  private renderBuiltIn(id: string): TemplateResult {
    // The children find their server, language, direction and theme from these, like any element on the page.
    const server = this.server || nothing;
    const lang = this.lang || nothing;
    const dir = this.dir || nothing;
    const theme = this.theme;
    switch (id) {
      case 'profile':
        return html`<acct-profile server=${server} lang=${lang} dir=${dir} theme=${theme} sign-in-url=${this.signInUrl || nothing}></acct-profile>`;
      case 'security':
        return html`<acct-password server=${server} lang=${lang} dir=${dir} theme=${theme}></acct-password>
          <acct-passkeys server=${server} lang=${lang} dir=${dir} theme=${theme}></acct-passkeys>
          <acct-mfa server=${server} lang=${lang} dir=${dir} theme=${theme}></acct-mfa>
          <acct-connected-accounts server=${server} lang=${lang} dir=${dir} theme=${theme}></acct-connected-accounts>
          <acct-sessions server=${server} lang=${lang} dir=${dir} theme=${theme}></acct-sessions>
          <acct-login-history server=${server} lang=${lang} dir=${dir} theme=${theme}></acct-login-history>`;
      case 'notifications':
        return html`<acct-notification-settings server=${server} lang=${lang} dir=${dir} theme=${theme}></acct-notification-settings>`;
      default:
        return html`<acct-data-export server=${server} lang=${lang} dir=${dir} theme=${theme}></acct-data-export>
          <acct-delete-account server=${server} lang=${lang} dir=${dir} theme=${theme}></acct-delete-account>`;
    }
  }

  /** The user picked a tab: select it, write the address, tell the page. */
  private pick(id: string): void {
    if (id === this.selected?.id) return;
    this.tab = id;
    if (!this.noHash) history.replaceState(history.state, '', `${HASH_PREFIX}${encodeURIComponent(id)}`);
    this.emit('acct-account-tab-changed', { tab: id });
  }

  /** Arrow keys, Home and End move between tabs and select them (WAI-ARIA tabs, automatic activation). */
  private readonly onKeydown = async (event: KeyboardEvent): Promise<void> => {
    const tabs = this.tabs;
    const index = Math.max(
      0,
      tabs.findIndex((tab) => tab.id === this.selected?.id),
    );
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step: Record<string, number> = {
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
      Home: -index,
      End: tabs.length - 1 - index,
    };
    if (!(event.key in step)) return;
    event.preventDefault();
    const next = tabs[(index + step[event.key]! + tabs.length) % tabs.length]!;
    this.pick(next.id);
    await this.updateComplete;
    // The render has scrolled the row to it (revealSelectedTab).
    this.renderRoot.querySelector<HTMLElement>(`[role="tab"][data-tab="${CSS.escape(next.id)}"]`)?.focus();
  };
}
