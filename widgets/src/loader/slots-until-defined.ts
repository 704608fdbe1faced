/**
 * Until an acct element has rendered, the browser shows what the page put in its slots in place,
 * all of it (docs/embedding.md "Before the elements arrive"): a sign-up form in
 * `<acct-onboarding>`'s `signed-out` slot would show, take the first keystrokes, and vanish when
 * that element's code arrives — its own code comes separately when elements load on demand (the
 * loader, `register()`). From the call on, the slotted content of acct's elements waits for its
 * element, as the page's own rule would make it (that rule also covers the moments before a script
 * runs); other elements' content is left alone. Once per page.
 */
import { ELEMENT_TAGS } from './element-tags.js';

let added = false;

export function hideSlotsUntilDefined(): void {
  // Nothing on a server (`register()` in server-side rendering, where Lit's shim defines
  // customElements), nor in a browser without constructed stylesheets (Safari before 16.4): a
  // <style> element would be refused by a strict CSP, and the page's own rule still applies there.
  if (added || !globalThis.document?.adoptedStyleSheets) return;
  added = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:is(${ELEMENT_TAGS.join()}):not(:defined)>[slot]{display:none}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
