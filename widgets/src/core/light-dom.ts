/**
 * Styles for an element that renders into its own light DOM (`<acct-login no-shadow>`), for the
 * password managers that do not look into shadow roots (docs/contributing.md, "Shadow DOM and autofill"; the
 * same escape hatch as Hanko's light-DOM mode). Lit only applies `static styles` to a shadow root,
 * so the element's styles are rewritten for the light DOM and adopted by the document (or the
 * shadow root the element sits in): every rule is nested under `tag[no-shadow]` and `:host`
 * becomes `&`. The element keeps its look and its `--acct-*` theming; what the light DOM cannot
 * offer is `::part()` (the page styles the inner nodes directly instead) and slots.
 */
import type { CSSResultOrNative } from 'lit';

const sheets = new Map<string, CSSStyleSheet>();

function cssText(style: CSSResultOrNative): string {
  return style instanceof CSSStyleSheet ? [...style.cssRules].map((rule) => rule.cssText).join('\n') : style.cssText;
}

/** The styles scoped to `tag[no-shadow]` with CSS nesting (`:host(x)` → `&x`, `:host` → `&`). */
export function lightDomCss(tag: string, styles: readonly CSSResultOrNative[]): string {
  const scoped = styles
    .map(cssText)
    .join('\n')
    // `:host(x)`, where x may hold one level of parentheses itself (`:host(:state(rtl))`).
    .replace(/:host\(((?:[^()]|\([^()]*\))*)\)/g, '&$1')
    .replace(/:host\b/g, '&');
  return `${tag}[no-shadow] {\n${scoped}\n}`;
}

/** Adopts the light-DOM version of `styles` into the root `element` is in, once per root and tag. */
export function adoptLightDomStyles(element: HTMLElement, styles: readonly CSSResultOrNative[]): void {
  const tag = element.localName;
  let sheet = sheets.get(tag);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(lightDomCss(tag, styles));
    sheets.set(tag, sheet);
  }
  const root = element.getRootNode();
  const target = root instanceof ShadowRoot || root instanceof Document ? root : document;
  if (!target.adoptedStyleSheets.includes(sheet)) target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
}
