/**
 * The React example (examples/README.md): `npx vite examples/react` serves it on
 * http://localhost:5175, `npx vite build examples/react` builds it. `VITE_ACCT_SERVER` names the acct
 * server at build time (src/main.tsx); that server must list this page's origin in
 * `ACCT_ALLOWED_ORIGINS`.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { acctElements } from '../acct-elements.js';

export default defineConfig({
  // acctElements(): `acct-elements` from the package built in widgets/npm, until it is installed from npm.
  plugins: [react(), acctElements()],
  server: { port: 5175, strictPort: true },
  preview: { port: 5175, strictPort: true },
});
