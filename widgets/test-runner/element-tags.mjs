/**
 * The tags the elements register, read from the source rather than listed by hand, so that a new
 * element is checked by the bundle test (src/bundle.test.ts) the day it is added. Every element
 * registers through its base class in its define.ts, `AcctLogin.define('acct-login')`
 * (core/acct-element.ts); a plain `customElements.define('acct-…', …)` is found too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('../src/', import.meta.url));
const DEFINE_CALL = /\.define\(\s*['"](acct-[a-z0-9-]+)['"]/g;

/** @param {string} dir @returns {string[]} every non-test TypeScript file under `dir` */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** @returns {string[]} the registered tags, sorted */
export function elementTags() {
  const tags = new Set();
  for (const file of sourceFiles(SOURCE)) {
    for (const [, tag] of readFileSync(file, 'utf8').matchAll(DEFINE_CALL)) tags.add(tag);
  }
  return [...tags].sort();
}
