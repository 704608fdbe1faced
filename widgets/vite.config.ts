/**
 * Builds the elements into the one file a site loads, `widgets/dist/acct.js` (plus its source map),
 * which the server answers at `GET /acct.js`. One ES module with everything inlined: a second chunk
 * would be fetched relative to acct.js from the host page, doubling the requests, and the bundle's
 * `import.meta.url` is how the elements find the server, so it must stay the script's own URL.
 * Node code, type-checked by the root tsconfig.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
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
