/**
 * Minifies the elements' `html`, `svg` and `css` templates, which a JavaScript minifier leaves as
 * written (indentation, line breaks, CSS comments): HTML through html-minifier-next, static CSS
 * through lightningcss, both by @literals/html-css-minifier. The bundle's build applies it
 * (widgets/vite.config.ts), and so do the element tests (widgets/web-test-runner.config.mjs), so
 * that Chromium tests the very templates a site is sent.
 *
 * A `css` template with interpolations is left as written (the library cannot parse it), so the
 * elements' sheets are static (theme.ts). A `css` template that is not a whole stylesheet (a list
 * of declarations) fails the build with lightningcss's parse error.
 */
import { defaultMinifyOptions, minifyHTMLLiterals } from '@literals/html-css-minifier';
import type { Plugin } from 'vite';

/**
 * The library's HTML options, with three changes:
 * - whitespace between tags and text is collapsed to one space rather than removed: inline content
 *   (a badge after a name, codes in a row) must keep its spaces, and a collapsed run renders as
 *   the run did;
 * - self-closing slashes are kept: an `svg` template is parsed as SVG, where `<path d="…">`
 *   without its slash would hold the next shape as its child (which is never drawn);
 * - empty attributes are kept (an empty `alt` means decorative).
 */
const minifyOptions = {
  ...defaultMinifyOptions,
  conservativeCollapse: true,
  keepClosingSlash: true,
  removeEmptyAttributes: false,
};

/** The module's code with its templates minified, and a source map; null when it has none. */
export async function minifyTemplates(code: string, file: string): Promise<{ code: string; map?: string } | null> {
  // Most modules have no template: not worth the library's parse.
  if (!/\b(html|svg|css)`/.test(code)) return null;
  const result = await minifyHTMLLiterals(code, { fileName: file, minifyOptions });
  return result && { code: result.code, map: result.map?.toString() };
}

/**
 * The plugin, for Vite (the builds) and, through `fromRollup`, Web Test Runner: the templates of
 * the modules under `sources` (the elements'), their tests' fixtures left as written.
 */
export function minifyTemplatesPlugin(sources: string): Plugin {
  return {
    name: 'acct-minify-templates',
    transform(code, id) {
      return id.startsWith(sources) && !id.endsWith('.test.ts') ? minifyTemplates(code, id) : null;
    },
  };
}
