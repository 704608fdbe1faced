/**
 * This browser's key for an acct server: 32 random bytes (base64url), made on first use and kept
 * in localStorage as `acct:browser-key:<server>`, so that every tab and every later visit of this
 * browser shares it. The elements send it with every request that starts an emailed flow (sign-up,
 * sign-in, a sign-in link, a new confirmation link, a forgotten password), and again when the
 * page the link comes back to exchanges its code: a code from a flow this browser did not start —
 * another device, another browser, or an attacker's own link sent to the victim (login CSRF) —
 * does not sign in silently, the store asks first (see session-store.ts).
 *
 * It is not a secret from the page (any script on it can read it, as it can act as the user
 * anyway); it only has to be unknown to other browsers. Where storage throws (disabled, a
 * sandboxed frame), it lives in memory for the page's lifetime: flows then look foreign after a
 * reload, and the user is asked, which is the safe side.
 */

import { readStorage, writeStorage } from './storage.js';

const inMemory = new Map<string, string>();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A well-formed key: 32 bytes of base64url, as made here (anything else in storage is replaced). */
const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

/** The storage key for `serverUrl`'s browser key. */
export const browserKeyName = (serverUrl: string) => `acct:browser-key:${serverUrl}`;

/** This browser's key for `serverUrl`, made and stored on first use. */
export function browserKey(serverUrl: string): string {
  const name = browserKeyName(serverUrl);
  let key = inMemory.get(name) ?? readStorage(() => localStorage, name);
  if (!key || !WELL_FORMED.test(key)) {
    key = base64url(crypto.getRandomValues(new Uint8Array(32)));
    writeStorage(() => localStorage, name, key);
  }
  inMemory.set(name, key);
  return key;
}
