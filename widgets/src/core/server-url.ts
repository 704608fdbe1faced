/**
 * Where the elements find the acct server. A site adds one `<script type="module"
 * src="https://auth.example.com/acct.js">`, so the bundle's own URL (`import.meta.url`) already
 * names the server: the folder acct.js was served from. An element's `server` attribute overrides it.
 */

/** The folder of a pinned build, `/acct/<hash>` (server/modules/bundle): the server is above it. */
const PINNED_BUILD_FOLDER = /\/acct\/[0-9a-f]{16}$/;

/**
 * The base URL of the folder a script was loaded from, without a trailing slash:
 * `https://auth.example.com/acct.js?v=2` → `https://auth.example.com`,
 * `https://example.com/auth/acct.js` → `https://example.com/auth` (acct mounted under a path),
 * `https://auth.example.com/acct/<hash>/acct.js` (a pinned build) → `https://auth.example.com`.
 */
export function scriptBaseUrl(scriptUrl: string): string {
  const url = new URL(scriptUrl);
  const folder = url.pathname.slice(0, url.pathname.lastIndexOf('/')).replace(PINNED_BUILD_FOLDER, '');
  return `${url.origin}${folder}`;
}

// Read once: in the bundle every module shares acct.js's URL. Kept out of a `new URL('…',
// import.meta.url)` expression on purpose, because Vite rewrites that pattern into an asset import.
const bundleUrl = import.meta.url;

/**
 * The server an element talks to: its `server` attribute (absolute, or relative to the page) when
 * set, else where acct.js came from. Bundler users who import an element's module directly have no
 * acct.js URL to go by, so they set `server`.
 */
export function resolveServerUrl(override?: string | null): string {
  if (override && override.trim()) {
    const url = new URL(override.trim(), document.baseURI);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }
  return scriptBaseUrl(bundleUrl);
}
