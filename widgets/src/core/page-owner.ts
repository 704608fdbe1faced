/**
 * One copy of acct per page. A page may run two: the loader pasted under two URLs, a pinned version
 * beside the latest, the kit beside the loader, an npm bundle beside a script tag. Each copy has
 * module state of its own — its session store, its strings — so a page split between them would
 * have elements that do not hear each other's sign-in, and `window.acct.translations` reaching
 * only some of them. So the first copy to define an element (or to start its loader) owns the
 * page: its elements, its `window.acct`. Any later copy defines nothing and says so once in the
 * console (docs/embedding.md "Two copies on one page").
 *
 * The claim is made on first use, not on import, so that merely importing a module (a test page,
 * a bundler's shared chunk) claims nothing. `Symbol.for` is the one key every copy shares.
 */
const OWNER = Symbol.for('acct.page-owner');
const thisCopy = {};
let warned = false;

/** True when this copy owns the page, claiming it if nobody has yet. */
export function claimPage(): boolean {
  const page = globalThis as { [OWNER]?: object };
  page[OWNER] ??= thisCopy;
  if (page[OWNER] === thisCopy) return true;
  if (!warned) {
    warned = true;
    console.warn('acct: another copy of acct already runs on this page; this one defines nothing.');
  }
  return false;
}
