/**
 * The Vue example (examples/README.md): `npx vite examples/vue` serves it on http://localhost:5176,
 * `npx vite build examples/vue` builds it. `VITE_ACCT_SERVER` names the acct server at build time
 * (src/main.ts); that server must list this page's origin in `ACCT_ALLOWED_ORIGINS`.
 */
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { acctElements } from '../acct-elements.js';

export default defineConfig({
  plugins: [
    // Vue must leave acct's tags to the browser, as custom elements, rather than look for Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('acct-') } } }),
    // `acct-elements` from the package built in widgets/npm, until it is installed from npm.
    acctElements(),
  ],
  server: { port: 5176, strictPort: true },
  preview: { port: 5176, strictPort: true },
});
