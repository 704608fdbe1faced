/**
 * The demo site: "Stagehand", a fictional production-management product that embeds acct, served
 * by Vite at http://localhost:5173 — another origin than the acct server at
 * http://localhost:3000, as on a real site. Pages load the elements with one script tag whose
 * address comes from `ACCT_DEMO_SERVER_URL` (default http://localhost:3000), written into the
 * HTML wherever it says `%ACCT_SERVER%`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

export const DEFAULT_ACCT_SERVER = 'http://localhost:3000';

/** Replaces `%ACCT_SERVER%` in every page; the address is read per request, so tests can set it late. */
export function acctServerPlugin(serverUrl: () => string): Plugin {
  return {
    name: 'acct-server-url',
    transformIndexHtml: (html) => html.replaceAll('%ACCT_SERVER%', serverUrl()),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  appType: 'mpa',
  clearScreen: false,
  plugins: [acctServerPlugin(() => process.env.ACCT_DEMO_SERVER_URL || DEFAULT_ACCT_SERVER)],
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 5173, strictPort: true, host: 'localhost' },
});
