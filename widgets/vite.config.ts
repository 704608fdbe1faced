/**
 * Builds the elements into the one file a site loads, `widgets/dist/acct.js` (plus its source map),
 * which the server answers at `GET /acct.js`. One ES module with everything inlined: a second chunk
 * would be fetched relative to acct.js from the host page, doubling the requests, and the bundle's
 * `import.meta.url` is how the elements find the server, so it must stay the script's own URL.
 * Node code, type-checked by the root tsconfig.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';

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

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  plugins: [pushServiceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: 'src/acct.ts',
      formats: ['es'],
      fileName: () => 'acct.js',
    },
    rolldownOptions: {
      output: {
        codeSplitting: false,
        // Vite leaves whitespace in ES library builds (for consumers that bundle again); acct.js
        // goes straight to browsers, so it is minified completely.
        minify: true,
        // Keep Lit's licence notices (BSD-3-Clause asks for them in redistributed copies).
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
});
