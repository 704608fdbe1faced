/**
 * Signing in with a provider from an embedded element (issue 10, E3). The element opens acct's
 * `/auth/oauth/<id>/start?mode=popup` in a popup, synchronously in the click (a popup opened
 * after an `await` is blocked); acct's callback page in that popup posts
 * `{type:'acct-oauth', nonce, code | error}` to this page's origin and closes. A message is taken
 * ONLY when it comes from acct's origin, from the very window this attempt opened, with this
 * attempt's nonce: any other page or frame can post messages here, and without these three checks
 * a hostile one could slip in its own code (signing the user into the attacker's account) or a
 * fake failure. The code is then exchanged like an emailed link's (`POST /api/session/exchange`
 * with this browser's key), so every session transport works.
 *
 * No popup (blocked, or `oauth-mode="redirect"`): the whole page goes to the same start URL in
 * `redirect` mode, and comes back with `#acct_code=…&acct_flow=oauth`, which the session store
 * exchanges on load (return-code.ts).
 */
import type { OAuthMode } from '../../../contract/oauth.js';

/** What a popup attempt ended with. */
export type PopupOutcome = { code: string } | { error: string } | { closed: true };

export interface PopupAttempt {
  /** Settles once: the code, the failure's code, or `closed` (the user closed the window, or `cancel`). */
  readonly outcome: Promise<PopupOutcome>;
  /** Closes the window and settles the attempt as closed. */
  cancel(): void;
}

/**
 * The browser calls this module makes, as an object so that tests can watch them: a test cannot
 * otherwise see a page navigation without leaving the test page, nor make the popup blocker say no.
 */
export const oauthWindow = {
  open: (url: string, target: string, features: string): Window | null => window.open(url, target, features),
  assign: (url: string): void => location.assign(url),
  /** How often to look whether the user closed the popup. */
  closedPollMs: 400,
  /** How long a closed popup's last message may still be on its way. */
  closedGraceMs: 800,
};

/** acct's start URL for `provider`: where to come back (`returnTo`), how, with this browser's key. */
export function oauthStartUrl(
  serverUrl: string,
  provider: string,
  { mode, returnTo, browserKey, nonce }: { mode: OAuthMode; returnTo: string; browserKey: string; nonce?: string },
): string {
  const url = new URL(`${serverUrl}/auth/oauth/${encodeURIComponent(provider)}/start`);
  url.search = new URLSearchParams({ mode, return_to: returnTo, browserKey, ...(nonce ? { nonce } : {}) }).toString();
  return url.href;
}

/** 32 random bytes, base64url: the attempt's nonce, unguessable by any other page. */
function randomNonce(): string {
  let binary = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(32))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A centred popup's features, at a size the providers' sign-in pages fit. */
function popupFeatures(): string {
  const width = 500;
  const height = 640;
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2));
  return `popup,width=${width},height=${height},left=${left},top=${top}`;
}

/**
 * Opens the popup for `provider` (call it synchronously in the click) and listens for its answer;
 * null when the browser refused to open it. The popup's page comes back to this page's origin
 * (`return_to`: this page), which is where acct posts the message.
 */
export function openOAuthPopup(
  serverUrl: string,
  provider: string,
  { browserKey }: { browserKey: string },
): PopupAttempt | null {
  const nonce = randomNonce();
  const returnTo = location.href.split('#')[0]!;
  const url = oauthStartUrl(serverUrl, provider, { mode: 'popup', returnTo, browserKey, nonce });
  const popup = oauthWindow.open(url, `acct-oauth-${provider}`, popupFeatures());
  if (!popup) return null;
  const acctOrigin = new URL(serverUrl).origin;

  let settle!: (outcome: PopupOutcome) => void;
  const outcome = new Promise<PopupOutcome>((resolve) => (settle = resolve));
  let done = false;
  let closedSince = 0;
  const finish = (result: PopupOutcome) => {
    if (done) return;
    done = true;
    window.removeEventListener('message', onMessage);
    clearInterval(poll);
    settle(result);
  };
  const onMessage = (event: MessageEvent) => {
    // The three checks of E3: acct's origin, the window this attempt opened, this attempt's nonce.
    if (event.origin !== acctOrigin || event.source !== popup) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    const message = data as Record<string, unknown>;
    if (message.type !== 'acct-oauth' || message.nonce !== nonce) return;
    if (typeof message.code === 'string' && message.code) finish({ code: message.code });
    else if (typeof message.error === 'string') finish({ error: message.error });
  };
  window.addEventListener('message', onMessage);
  // A closed popup may have posted just before closing: give its message a moment to arrive.
  const poll = setInterval(() => {
    if (!popup.closed) return;
    closedSince ||= Date.now();
    if (Date.now() - closedSince >= oauthWindow.closedGraceMs) finish({ closed: true });
  }, oauthWindow.closedPollMs);

  return {
    outcome,
    cancel() {
      popup.close();
      finish({ closed: true });
    },
  };
}
