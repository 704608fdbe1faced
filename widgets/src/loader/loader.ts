/**
 * `acct.js`, the one script a site adds (docs/embedding.md): a small loader that defines each
 * `acct-*` element the first time its tag is in the page, after Shoelace's autoloader. It imports
 * the element's own module, `acct/<tag>.js`, relative to its own URL (`import()` resolves against
 * the importing module, never the host page), and that module brings the chunks it shares with
 * the other elements. Elements already in the page upgrade at once; later ones as they are added,
 * in the document and in any open shadow root the loader has seen.
 *
 * It also puts the translation registry on `window.acct.translations` (and exports it), starts
 * fetching the page's language beside the first element, and offers `window.acct.load(…tags)`
 * for elements the observer cannot see (a closed shadow root, or one attached after its host was
 * added); and exports `hostedLoginUrl` for a site's link to the hosted sign-in page, as the kit
 * does. Sites that want no observer import `acct/<tag>.js` themselves; `acct-all.js` is the whole
 * kit in one file.
 */
import { translations } from '../core/i18n/registry.js';
import { claimPage } from '../core/page-owner.js';
import { importElement } from './element-modules.js';
import { ELEMENT_TAGS, type ElementTag } from './element-tags.js';
import { hideSlotsUntilDefined } from './slots-until-defined.js';

const known = new Set<string>(ELEMENT_TAGS);
const loading = new Map<string, Promise<void>>();

/**
 * Imports `tag`'s module once; it defines the element. A failed import is forgotten, to be tried
 * again. The first one also starts fetching the page language's core, beside the element rather
 * than after it (English's comes with the code the elements share: i18n/index.ts), and not on a
 * page without elements; each element fetches the areas it reads (core/i18n/areas.ts) when it
 * connects.
 */
function load(tag: ElementTag): Promise<void> {
  if (!loading.size) void translations.load(document.documentElement.lang || 'en', []);
  let pending = loading.get(tag);
  if (!pending) {
    pending = importElement(tag).then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag);
        throw error;
      },
    );
    loading.set(tag, pending);
  }
  return pending;
}

/** What the observer does with a tag it found: load it, and say so in the console if it cannot. */
function loadFound(tag: ElementTag): void {
  load(tag).catch((error: unknown) => console.error(`acct: <${tag}> could not be loaded.`, error));
}

const observer = new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
});
const observed = new WeakSet<Node>();

function observe(root: Document | ShadowRoot): void {
  if (observed.has(root)) return;
  observed.add(root);
  observer.observe(root, { childList: true, subtree: true });
}

/** Loads every undefined acct element at or under `root`, looking into open shadow roots too. */
function discover(root: Element | Document | ShadowRoot): void {
  const elements = root instanceof Element ? [root, ...root.querySelectorAll('*')] : root.querySelectorAll('*');
  for (const element of elements) {
    const tag = element.localName;
    if (known.has(tag) && !customElements.get(tag)) loadFound(tag as ElementTag);
    if (element.shadowRoot) {
      observe(element.shadowRoot);
      discover(element.shadowRoot);
    }
  }
}

/**
 * Loads the given elements (every one when none is named); resolves once they are defined, and
 * rejects if one could not be fetched (calling it again tries again).
 */
async function loadElements(...tags: string[]): Promise<void> {
  const wanted = tags.length ? tags.filter((tag) => known.has(tag)) : ELEMENT_TAGS;
  for (const tag of tags) if (!known.has(tag)) console.warn(`acct: there is no <${tag}> to load.`);
  await Promise.all(wanted.map((tag) => load(tag as ElementTag)));
}

// The first copy of acct on the page runs it; a second one (another URL or version of this
// loader, or the kit) leaves the page, and window.acct, to the first (core/page-owner.ts).
if (claimPage()) {
  // The site's handle on the strings and on loading.
  const page = globalThis as { acct?: { translations?: typeof translations; load?: typeof loadElements } };
  page.acct ??= {};
  page.acct.translations ??= translations;
  page.acct.load ??= loadElements;
  // Each element comes in its own file: one slotted in another must not show before that one does.
  hideSlotsUntilDefined();
  observe(document);
  discover(document);
}

export { translations, loadElements as load };
// For a site's own "Sign in" link to acct's hosted /login page (docs/http-api.md).
export { hostedLoginUrl } from '../core/return-address.js';
export type { TranslationStrings } from '../core/i18n/registry.js';
