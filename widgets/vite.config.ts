/**
 * Builds what the server answers from `widgets/dist/` (server/modules/bundle), in two passes:
 *
 * - the default one, elements on demand: `acct.js`, the loader a site adds (src/loader/loader.ts);
 *   one entry per element, `acct/<tag>.js`, which the loader imports when the tag appears (and a
 *   site may import alone); and the chunks they share, `acct/chunks/<name>-<hash>.js` — code used
 *   by several elements, each part of a language but English's core (core/i18n/chunks.ts), and
 *   SimpleWebAuthn. Every file imports the
 *   others by relative URL, so the set works from any folder: `/acct.js` or a pinned `/acct/<hash>/`.
 * - `--mode kit`: `acct-all.js`, every element and English (core and areas) in one file (src/acct.ts), for a site
 *   that wants one request for all its elements.
 *
 * The elements find the server from the URL of the module that holds core/server-url.ts, which is
 * either a shared chunk or acct-all.js. Node code, type-checked by the root tsconfig.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ChunkingContext } from 'rolldown';
import { defineConfig, transformWithOxc, type Plugin, type UserConfig } from 'vite';
import { minifyTemplatesPlugin } from '../scripts/minify-templates.js';
import { defineModule, ELEMENT_TAGS, LANGUAGE_SOURCE, WEBAUTHN_SOURCE } from './src/loader/element-tags.js';

const SERVICE_WORKER_SOURCE = fileURLToPath(new URL('src/service-worker/acct-sw.ts', import.meta.url));

/**
 * Also writes `dist/acct-sw.js`, the push service worker a site serves from its own origin
 * (src/service-worker/acct-sw.ts): types stripped, not bundled or minified — it imports nothing,
 * and a site may read the file it copies. A classic script, since module service workers are not
 * supported everywhere: the `export {}` that makes the source a module is dropped.
 */
function pushServiceWorker(): Plugin {
  return {
    name: 'acct-push-service-worker',
    async generateBundle() {
      const source = await readFile(SERVICE_WORKER_SOURCE, 'utf8');
      const { code } = await transformWithOxc(source, SERVICE_WORKER_SOURCE, { lang: 'ts' });
      const banner = `// acct's push service worker: serve it from your site's own origin (acct's README.md "Web Push").\n`;
      this.emitFile({
        type: 'asset',
        fileName: 'acct-sw.js',
        source: banner + code.replace(/^export \{\s*\};?\s*$/m, ''),
      });
    },
  };
}

const SOURCES = fileURLToPath(new URL('src/', import.meta.url));

/** The output both passes share: fully minified, keeping Lit's licence notices. */
const OUTPUT = {
  // Vite leaves whitespace in ES library builds (for consumers that bundle again); these files go
  // straight to browsers, so they are minified completely.
  minify: true,
  // Keep Lit's licence notices (BSD-3-Clause asks for them in redistributed copies).
  comments: { legal: true, annotation: false, jsdoc: false },
} as const;

/**
 * A shared chunk's file: named after the element whose module it holds (an element another one
 * imports, which Rolldown would call `define`), `core` for the one with Lit and the base element,
 * `loader` for the loader's (sharedChunkGroups), or after its first module; with a content hash, so
 * that its URL changes whenever it does.
 */
function chunkFileName(chunk: { name: string; moduleIds: string[] }): string {
  const element = chunk.moduleIds.map((id) => id.match(/elements\/([a-z-]+)\/define\.ts$/)?.[1]).find(Boolean);
  const core = chunk.moduleIds.some((id) => id.endsWith('/core/acct-element.ts'));
  return `acct/chunks/${element ?? (core ? 'core' : chunk.name)}-[hash].js`;
}

/**
 * Code shared by every page, in two chunks rather than the dozen Rolldown would otherwise split it
 * into (each file gzipped apart compresses worse, and costs a request): `loader`, what acct.js
 * imports statically (the translation registry, the list of elements), and `core`, what
 * `<acct-login>` imports statically beyond that, apart from its own modules (Lit, the base element,
 * the session store, the API client, English's core…) — the code nearly every element needs.
 * `<acct-login>`'s own static modules are a group too, which puts them all in its entry file:
 * otherwise the templates its chunks fetched on demand share (login-views.ts) become a chunk of
 * their own, which costs the sign-in page 0.6 KiB. Other elements' modules, and code only some
 * elements share, are still chunked as Rolldown sees fit.
 */
function sharedChunkGroups(): { debugName: string; name: (id: string, ctx: ChunkingContext) => string | null }[] {
  const LOADER = fileURLToPath(new URL('src/loader/loader.ts', import.meta.url));
  const LOGIN = fileURLToPath(new URL(`src/${defineModule('acct-login')}`, import.meta.url));
  const LOGIN_OWN = fileURLToPath(new URL('src/elements/login/', import.meta.url));
  let groups: Map<string, string> | undefined;
  /** Every module `entry` imports statically, transitively. */
  const closure = (entry: string, ctx: ChunkingContext, into = new Set<string>()) => {
    if (!into.has(entry)) {
      into.add(entry);
      for (const id of ctx.getModuleInfo(entry)?.importedIds ?? []) closure(id, ctx, into);
    }
    return into;
  };
  return [
    {
      debugName: 'loader and core',
      name: (id, ctx) => {
        if (!groups) {
          const loader = closure(LOADER, ctx);
          loader.delete(LOADER);
          const login = [...closure(LOGIN, ctx)].filter((m) => !loader.has(m));
          groups = new Map([
            ...[...loader].map((m) => [m, 'loader'] as const),
            ...login.map((m) => [m, m.startsWith(LOGIN_OWN) ? 'login' : 'core'] as const),
          ]);
        }
        return groups.get(id) ?? null;
      },
    },
  ];
}

/** The loader, one entry per element, and their shared chunks. */
const ON_DEMAND: UserConfig['build'] = {
  emptyOutDir: true,
  lib: {
    entry: {
      acct: 'src/loader/loader.ts',
      ...Object.fromEntries(ELEMENT_TAGS.map((tag) => [`acct/${tag}`, `src/${defineModule(tag)}`])),
    },
    formats: ['es'],
    fileName: (_format, name) => `${name}.js`,
  },
  // `.vite/manifest.json`: each file's static and dynamic imports, which scripts/bundle-size.ts
  // follows to weigh what a page loads.
  manifest: true,
  rolldownOptions: {
    // The groups keep their modules' dependencies out of them (the loader's chunk must not pull in
    // Lit), which lets an entry also export what a chunk of it needs: harmless for our entries.
    preserveEntrySignatures: 'allow-extension',
    output: {
      ...OUTPUT,
      chunkFileNames: chunkFileName,
      codeSplitting: { groups: sharedChunkGroups(), includeDependenciesRecursively: false },
    },
  },
};

/**
 * Points the kit's on-demand imports at the chunks the first pass built for them, which the
 * first pass's manifest names: each part of a language but English's, and SimpleWebAuthn. They stay out of
 * the kit (marked external, under a bare name that `paths` turns into the chunk's file), so the
 * kit and the loader share the very same files, and the kit is otherwise one file.
 */
function sharedOnDemandChunks(): { plugin: Plugin; paths: (id: string) => string } {
  const manifestFile = fileURLToPath(new URL('dist/.vite/manifest.json', import.meta.url));
  let files: Map<string, string> | undefined;
  const fileOf = (name: string) => {
    files ??= new Map(
      Object.values(
        JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; src?: string }>,
      ).flatMap(({ file, src }) => {
        const name = src?.match(LANGUAGE_SOURCE)?.[1] ?? (src?.includes(WEBAUTHN_SOURCE) ? WEBAUTHN_SOURCE : undefined);
        return name ? [[name, file] as const] : [];
      }),
    );
    const file = files.get(name);
    if (!file) throw new Error(`the kit needs the first pass's chunk of ${name}: run the default build first`);
    return file;
  };
  return {
    plugin: {
      name: 'acct-shared-on-demand-chunks',
      enforce: 'pre',
      resolveId(source, importer) {
        // A language's core (core/i18n/fr.ts, imported from chunks.ts), which names its own areas; English's
        // areas, imported from chunks.ts too, stay in the kit.
        const part = importer?.endsWith('/core/i18n/chunks.ts') ? source.match(/^\.\/([a-z]{2})\.js$/)?.[1] : undefined;
        if (part) return { id: `acct-chunk:${part}`, external: true };
        if (source === WEBAUTHN_SOURCE) return { id: `acct-chunk:${WEBAUTHN_SOURCE}`, external: true };
        return null;
      },
    },
    paths: (id) => (id.startsWith('acct-chunk:') ? `./${fileOf(id.slice('acct-chunk:'.length))}` : id),
  };
}

/**
 * Every element and English in one file. The other languages and SimpleWebAuthn are the chunks the
 * first pass built, fetched on first use as with the loader.
 */
function kit(): { build: UserConfig['build']; plugins: Plugin[] } {
  const shared = sharedOnDemandChunks();
  return {
    plugins: [shared.plugin],
    build: {
      emptyOutDir: false,
      lib: { entry: 'src/acct.ts', formats: ['es'], fileName: () => 'acct-all.js' },
      rolldownOptions: { output: { ...OUTPUT, codeSplitting: false, paths: shared.paths } },
    },
  };
}

export default defineConfig(({ mode }) => {
  const pass = mode === 'kit' ? kit() : { build: ON_DEMAND, plugins: [pushServiceWorker()] };
  // Whether each element is an entry of its own, imported by its address (loader/element-modules.ts).
  const define = { __ACCT_ELEMENT_ENTRIES__: mode === 'kit' ? 'undefined' : 'true' };
  // The elements' templates minified (scripts/minify-templates.ts): about 1 KiB of every page.
  const plugins = [minifyTemplatesPlugin(SOURCES), ...pass.plugins];
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    publicDir: false,
    define,
    plugins,
    build: { outDir: 'dist', sourcemap: true, ...pass.build },
  };
});
