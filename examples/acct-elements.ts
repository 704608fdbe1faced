/**
 * How the examples import `acct-elements` before it is on npm: a Vite resolver that maps the
 * package's name and its subpaths (`acct-elements/acct-login`…) through the `exports` of the package
 * as built in widgets/npm (`npm run build:package`, scripts/build-package.ts).
 *
 * Why the built package and not widgets/src: an example must bundle what a site that installs the
 * package gets — the same files `npm pack` ships, Lit and @lit/task as imports — so that building
 * it (e2e/examples.test.ts) tests the package, not the sources. Why a resolver and not a
 * `node_modules/acct-elements` link: the package is built on demand and is not in the repository,
 * and `npm ci` on a clean clone must stay as it is; a resolver needs nothing made before it runs.
 * A site using the published package leaves this plugin out. The examples' tsconfig `paths` do the
 * same for the types.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const ACCT_ELEMENTS_PLUGIN = 'acct-elements-from-widgets-npm';
const PACKAGE_NAME = 'acct-elements';
const PACKAGE_DIR = fileURLToPath(new URL('../widgets/npm/', import.meta.url));

type ExportTarget = string | { types?: string; default?: string };

function packageExports(packageDir: string): Record<string, ExportTarget> {
  const manifest = join(packageDir, 'package.json');
  if (!existsSync(manifest)) {
    throw new Error(`${PACKAGE_NAME} is not built: run \`npm run build:package\` at the repository's root first`);
  }
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, ExportTarget> }).exports;
}

/** The plugin; `packageDir` is where the package was built, widgets/npm unless a test built its own copy. */
export function acctElements(packageDir = PACKAGE_DIR): Plugin {
  let exports: Record<string, ExportTarget> | undefined;
  return {
    name: ACCT_ELEMENTS_PLUGIN,
    enforce: 'pre',
    resolveId(id) {
      if (id !== PACKAGE_NAME && !id.startsWith(`${PACKAGE_NAME}/`)) return null;
      exports ??= packageExports(packageDir);
      const subpath = `.${id.slice(PACKAGE_NAME.length)}`;
      const target = exports[subpath];
      const file = typeof target === 'string' ? target : target?.default;
      if (!file)
        throw new Error(`${PACKAGE_NAME} exports no module "${subpath}" (${join(packageDir, 'package.json')})`);
      return join(packageDir, file);
    },
  };
}
