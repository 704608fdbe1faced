/**
 * Passkeys in the journeys: Chromium's DevTools virtual authenticator on a Playwright page (what a
 * platform passkey provider is to a real user), and a record of the page's WebAuthn requests kept
 * in sessionStorage, so a journey can still read after a redirect how the autofill request ended.
 *
 * What this Chromium's virtual authenticator does, checked by hand and relied on here: with
 * presence answered automatically, a conditional (autofill) request completes at once by itself
 * when the site has a passkey, without showing or needing the autofill list; with presence
 * switched off, the request stays pending until it is aborted.
 */
import type { CDPSession, Page } from 'playwright-core';
import { VIRTUAL_AUTHENTICATOR } from '../../scripts/find-chrome';

export interface VirtualAuthenticator {
  /** The credentials it holds. */
  credentials(): Promise<{ credentialId: string; rpId?: string; signCount: number }[]>;
  /** Off: requests wait (autofill stays pending); on: the next requests are answered at once. */
  presence(enabled: boolean): Promise<void>;
}

/** A CTAP2 platform authenticator with discoverable credentials and user verification, on `page`'s tab. */
export async function attachVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { ...VIRTUAL_AUTHENTICATOR },
  });
  return {
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
    presence: async (enabled) => {
      await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled });
    },
  };
}

export interface RecordedRequest {
  /** `conditional` for autofill; null for the browser's dialog. */
  mediation: string | null;
  /** `pending`, `resolved`, or the error's name (`AbortError`, `NotAllowedError`…). */
  outcome: string;
}

const KEY = 'e2e:webauthn-requests';

/**
 * Runs in every document of the page before its scripts: wraps `navigator.credentials.get` to
 * note each request and how it ended, and notes unhandled rejections too. A string, because it
 * runs in the page, whose DOM types this Node-typed code does not have.
 */
const RECORDER = `(() => {
  const key = ${JSON.stringify(KEY)};
  const read = () => JSON.parse(sessionStorage.getItem(key) ?? '[]');
  const write = (entries) => sessionStorage.setItem(key, JSON.stringify(entries));
  const container = navigator.credentials;
  const get = container.get.bind(container);
  container.get = (options) => {
    const entries = read();
    const index = entries.push({ mediation: options?.mediation ?? null, outcome: 'pending' }) - 1;
    write(entries);
    const settle = (outcome) => {
      const now = read();
      if (now[index]) now[index].outcome = outcome;
      write(now);
    };
    const pending = get(options);
    pending.then(() => settle('resolved'), (error) => settle(error.name));
    return pending;
  };
  addEventListener('unhandledrejection', (event) => write([...read(), { mediation: 'unhandled-rejection', outcome: String(event.reason) }]));
})();`;

/** Starts recording on every document `page` loads from now on. */
export async function recordWebAuthnRequests(page: Page): Promise<void> {
  await page.addInitScript(RECORDER);
}

/** The requests recorded in this tab (for the current origin), oldest first. */
export async function recordedRequests(page: Page): Promise<RecordedRequest[]> {
  return (await page.evaluate(
    `JSON.parse(sessionStorage.getItem(${JSON.stringify(KEY)}) ?? '[]')`,
  )) as RecordedRequest[];
}

/** Forgets the requests recorded so far, to look at one page load's alone. */
export async function clearRecordedRequests(page: Page): Promise<void> {
  await page.evaluate(`sessionStorage.removeItem(${JSON.stringify(KEY)})`);
}

/** Waits until the current document has an autofill (conditional) request pending. */
export async function autofillPending(page: Page): Promise<void> {
  await page.waitForFunction(
    `JSON.parse(sessionStorage.getItem(${JSON.stringify(KEY)}) ?? '[]').some((r) => r.mediation === 'conditional' && r.outcome === 'pending')`,
  );
}
