/**
 * Where the elements find the acct server. A site adds one `<script type="module"
 * src="https://auth.example.com/acct.js">`, so the URL of the built code (`import.meta.url`)
 * already names the server: the folder acct.js was served from. An element's `server` attribute
 * overrides it.
 */

/**
 * The folders the build's files live in under the server (server/modules/bundle): a pinned
 * build's `/acct/<hash>`, then the shared chunks' `/acct/chunks`. The server is above them.
 */
const BUILD_FOLDERS = /(\/acct\/[0-9a-f]{16})?(\/acct\/chunks)?$/;

/**
 * The base URL of the server a built file was loaded from, without a trailing slash:
 * `https://auth.example.com/acct.js?v=2` → `https://auth.example.com`,
 * `https://example.com/auth/acct.js` → `https://example.com/auth` (acct mounted under a path),
 * `https://auth.example.com/acct/chunks/core-….js` (the module holding this code, under the
 * loader) → `https://auth.example.com`, and the same for a pinned build's `/acct/<hash>/…`.
 */
export function scriptBaseUrl(scriptUrl: string): string {
  const url = new URL(scriptUrl);
  const folder = url.pathname.slice(0, url.pathname.lastIndexOf('/')).replace(BUILD_FOLDERS, '');
  return `${url.origin}${folder}`;
}

// Read once: the URL of the built file holding this module (a shared chunk, or acct-all.js). Kept
// out of a `new URL('…', import.meta.url)` expression on purpose, because Vite rewrites that
// pattern into an asset import.
const bundleUrl = import.meta.url;

/** The server `register()` set for every element (the npm package, src/index.ts), if any. */
let defaultServer: string | undefined;

/**
 * Sets the server of every element without a `server` attribute: a bundled element has no acct.js
 * URL to go by (src/index.ts `register`).
 */
export function setDefaultServer(server: string): void {
  defaultServer = server;
}

/**
 * The server an element talks to: its `server` attribute (absolute, or relative to the page) when
 * set, else the one `register()` set, else where acct.js came from.
 */
export function resolveServerUrl(override?: string | null): string {
  const chosen = override?.trim() || defaultServer?.trim();
  if (chosen) {
    const url = new URL(chosen, document.baseURI);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }
  return scriptBaseUrl(bundleUrl);
}
