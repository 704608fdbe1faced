/**
 * The thin base every acct element extends (after Shoelace's `ShoelaceElement`): a `define()` that
 * tolerates a page loading acct.js twice, a reactive `lang` that follows the page's `<html lang>`,
 * the `server` and `theme` attributes (the theme following the page by default, color-scheme.ts),
 * the writing direction of its language, the theme tokens, shared host styles, and `emit()` for events with the project's defaults
 * (bubbling, composed).
 */
import { css, LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { AcctEventMap } from '../../../contract/events.js';
import { followPageScheme, pageIsDark, unfollowPageScheme } from './color-scheme.js';
import { localize, translations, type Translation } from './i18n/index.js';
import { languageArriving } from './i18n/registry.js';
import type { StringArea } from './i18n/areas.js';
import { claimPage } from './page-owner.js';
import { resolveServerUrl } from './server-url.js';
import { themeStyles } from './theme.js';

const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
  /* An element told its language (its own lang, no dir) is laid out in that language's direction. */
  :host(:state(rtl)) {
    direction: rtl;
  }
  :host(:state(ltr)) {
    direction: ltr;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Code (a web address, a token, a scope) reads left to right in every language (views.ts, leftToRight). */
  code {
    direction: ltr;
    unicode-bidi: isolate;
  }
  /*
   * An address typed in reads left to right in every language (in an Arabic form,
   * 1234@example.com would be drawn example.com@1234), on the side where the form's text starts.
   */
  input[type='email'],
  input[type='url'] {
    direction: ltr;
  }
  :host(:state(rtl)) input:is([type='email'], [type='url']),
  :host(:dir(rtl):not(:state(ltr))) input:is([type='email'], [type='url']) {
    text-align: right;
  }
  /* The browser's own margins of these are physical (left ≠ right): made logical so that right to left mirrors them. */
  input[type='radio'] {
    margin-inline: 5px 3px;
  }
  input[type='checkbox'] {
    margin-inline: 4px 3px;
  }
`;

/** The longest a view's module holds an element's renders (holdRendersFor). */
const HOLD_LIMIT_MS = 3000;

// Elements that take their language from `<html lang>` re-render when it changes, and every
// element when the site registers or overrides strings (i18n/registry.ts); one observer and one
// subscription serve them all, made on the first connect so that importing a module has no side
// effects.
const followers = new Set<AcctElement>();
let htmlLangObserver: MutationObserver | undefined;

function followHtmlLang(element: AcctElement): void {
  followers.add(element);
  if (!htmlLangObserver) {
    const refresh = () => followers.forEach((el) => el.requestUpdate());
    htmlLangObserver = new MutationObserver(refresh);
    translations.subscribe(refresh);
  }
  htmlLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * Base class of the acct elements; not an element itself.
 *
 * @cssproperty [--acct-font-family=system-ui, sans-serif] - Font of all text.
 * @cssproperty [--acct-font-size=1rem] - Base font size; everything else scales from it.
 * @cssproperty [--acct-color-text=#1f2328] - Text colour. Dark default: `#e6edf3`.
 * @cssproperty [--acct-color-text-muted=#57606a] - Secondary text: hints, the mode switch. Dark default: `#9da7b3`.
 * @cssproperty [--acct-color-surface=#ffffff] - Background of the element. Dark default: `#16181d`.
 * @cssproperty [--acct-color-input=#ffffff] - Background of text fields. Dark default: `#0d1117`.
 * @cssproperty [--acct-color-border=#8c959f] - Borders of fields and secondary buttons. Dark default: `#6e7681`.
 * @cssproperty [--acct-color-primary=#1d4ed8] - Primary buttons (their background), progress bars, check boxes. Dark default: `#8fb3ff`.
 * @cssproperty [--acct-color-on-primary=#ffffff] - Text on primary buttons. Dark default: `#0b1020`.
 * @cssproperty [--acct-color-link=#1d4ed8] - Links, link-like buttons and accent-coloured text (badges); apart from
 * `--acct-color-primary` so that a brand colour fit for a button's background need not be readable as text. Dark default: `#8fb3ff`.
 * @cssproperty [--acct-color-danger=#b42318] - Error messages and invalid fields. Dark default: `#ff9b8f`.
 * @cssproperty [--acct-color-focus=#1d4ed8] - Focus ring. Dark default: `#8fb3ff`.
 * @cssproperty [--acct-radius=0.5rem] - Corner radius of fields, buttons and the card.
 * @cssproperty [--acct-spacing=1rem] - Base spacing unit.
 */
export class AcctElement extends LitElement {
  static override styles: CSSResultGroup = [themeStyles, hostStyles];

  /**
   * The string areas the element reads beyond the core (i18n/areas.ts), fetched in its language
   * before it first renders; server/modules/bundle/string-areas.test.ts checks them against what it reads.
   */
  static stringAreas: readonly StringArea[] = [];

  // The custom state `dark` selects the dark palette (theme.ts): a state rather than an attribute,
  // so the element never writes into the host page's markup what it decided. Subclasses set their
  // own states on it too (`signed-out`, account-element.ts).
  protected readonly internals = this.attachInternals();

  /**
   * Registers this class as `tag`, unless another copy of acct owns the page (page-owner.ts: the
   * loader under a second URL, a second version, the kit beside the loader), which then defines
   * every element itself. When the tag is already taken by something else, the first definition
   * stays and nothing throws, because `customElements.define` cannot be undone.
   */
  static define(tag: string): void {
    // On a server (server-side rendering imports the modules too) there is nothing to define.
    if (typeof customElements === 'undefined') return;
    // A second copy of acct on the page leaves every element to the first (page-owner.ts).
    if (!claimPage()) return;
    const existing = customElements.get(tag);
    if (!existing) {
      customElements.define(tag, this);
    } else if (existing !== this) {
      console.warn(`<${tag}> is already defined by another script; keeping the first one.`);
    }
  }

  /** Language of the element's text (BCP 47, e.g. `fr`); when empty, the page's `<html lang>`, then English. */
  @property({
    reflect: true,
    // Like the native property: setting it writes the attribute, and '' removes it rather than
    // writing `lang=""` (which would mean "unknown language" to screen readers).
    converter: { fromAttribute: (value: string | null) => value ?? '', toAttribute: (value: string) => value || null },
  })
  override lang = '';

  /**
   * Writing direction, `ltr` or `rtl` (like the native attribute); when empty, the direction of the
   * element's own `lang` if it has one, else the page's (inherited).
   */
  @property({
    reflect: true,
    converter: { fromAttribute: (value: string | null) => value ?? '', toAttribute: (value: string) => value || null },
  })
  override dir = '';

  /** Base URL of the acct server, e.g. `https://auth.example.com`; defaults to where acct.js was loaded from. */
  @property() server = '';

  /**
   * Colour scheme: `auto` (default) follows the page — dark when what is behind the element is dark,
   * or, where the page paints no background, as its `color-scheme` says (`light dark`: the
   * visitor's system setting); `light` or `dark` force one.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /** The element's language tag: its own `lang`, else the page's, else English. */
  private get language(): string {
    return this.lang || document.documentElement.lang || 'en';
  }

  /** Strings in the element's language. */
  protected get t(): Translation {
    return localize(this.language);
  }

  /**
   * Renders only once the element's strings are here: a built-in language other than English, and
   * each language's areas, are fetched on first use (i18n/registry.ts); rendering before they
   * arrive would flash English or read a section not here yet. `updateComplete` includes the wait.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const arriving = languageArriving(this.language, this.areas);
    const held = this.held;
    if (!arriving && !held) return super.scheduleUpdate();
    return Promise.all([arriving, held]).then(() => super.scheduleUpdate());
  }

  /** What the next render waits for besides the strings (`holdRendersFor`); null when nothing. */
  private held: Promise<unknown> | null = null;

  /**
   * Holds the element's renders until `work` settles — the module of a view it is switching to,
   * fetched on demand (on-demand.ts) — so that the view shows whole when it comes, as with strings,
   * rather than a placeholder first. Whether the work failed is for the render to see. A fetch
   * that hangs (a stalled network) holds them for `HOLD_LIMIT_MS` at most: the render then shows
   * what it can (its placeholder) rather than leave the element frozen.
   */
  protected holdRendersFor(work: Promise<unknown>): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise((resolve) => (timer = setTimeout(resolve, HOLD_LIMIT_MS)));
    const settled: Promise<unknown> = Promise.all([this.held, Promise.race([work, limit])]).then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
    this.held = settled;
    void settled.then(() => {
      if (this.held === settled) this.held = null;
    });
  }

  /** Areas a flow of this element fetched (`useStrings`), beside those its class declares. */
  private readonly flowAreas = new Set<StringArea>();

  private get areas(): StringArea[] {
    return [...(this.constructor as typeof AcctElement).stringAreas, ...this.flowAreas];
  }

  /**
   * Fetches string areas that a rarer flow of the element reads (`<acct-login>`'s provider buttons
   * read `providers`), in its language, before that flow renders; they are kept with the declared
   * ones from then on, so a change of language fetches them too.
   */
  protected useStrings(...areas: StringArea[]): Promise<void> {
    areas.forEach((area) => this.flowAreas.add(area));
    return languageArriving(this.language, this.areas) ?? Promise.resolve();
  }

  /** The server's base URL, from `server` or the bundle's own URL. */
  protected get serverUrl(): string {
    return resolveServerUrl(this.server);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    followHtmlLang(this);
    followPageScheme(this);
    // Now rather than at the next frame: the element must not flash light on a dark page.
    this.refreshScheme();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    followers.delete(this);
    unfollowPageScheme(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('theme')) this.refreshScheme();
    this.applyDirection();
  }

  /**
   * The writing direction (docs/elements/languages.md): the element's own `dir`, else — when the
   * element has a `lang` of its own — that language's (`<acct-login lang="ar">` is right to left on
   * any page), else the page's, inherited like any HTML. Set as a custom state, not an attribute,
   * so nothing is written into the page's markup.
   */
  private applyDirection(): void {
    const own = this.dir || !this.lang ? undefined : this.t.$dir;
    for (const dir of ['ltr', 'rtl'] as const) {
      if (dir === own) this.internals.states.add(dir);
      else this.internals.states.delete(dir);
    }
  }

  /**
   * Looks again at the page behind the element and applies `theme` (`light` and `dark` as they
   * say, `auto` as the page is). The element does this by itself when the system's setting or an
   * attribute of `<html>` or `<body>` changes; a page that darkens some other box behind it (a
   * section's class) calls this afterwards.
   */
  refreshScheme(): void {
    const dark = this.theme === 'dark' || (this.theme !== 'light' && this.isConnected && pageIsDark(this));
    if (dark) this.internals.states.add('dark');
    else this.internals.states.delete('dark');
  }

  /**
   * Fires `name` from this element, bubbling and composed so that it leaves any shadow root it is
   * in. Only the names of the event map (contract/events.ts) are accepted, each with its detail.
   */
  protected emit<K extends keyof AcctEventMap>(
    name: K,
    detail: AcctEventMap[K],
    { cancelable = false } = {},
  ): CustomEvent<AcctEventMap[K]> {
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail });
    this.dispatchEvent(event);
    return event;
  }
}
