/**
 * Passkeys in the browser, for every element that uses them (`<acct-login>`, `<acct-passkeys>`):
 * the two ceremonies against the acct server (sign in: options → `startAuthentication` → verify,
 * through the session store; register: options → `startRegistration` → verify), and the one rule
 * that makes them safe to mix on a page: a single WebAuthn request at a time, one shared abort
 * controller (docs/contributing.md, "Elements", after Hanko's `createWebauthnAbortSignal`).
 *
 * The browser allows one pending `navigator.credentials` request per page, and SimpleWebAuthn
 * already cancels the previous one whenever a new one starts (its `WebAuthnAbortService`). This
 * module adds what that cannot know: which element owns the request, so that an element leaving
 * the page cancels its own request and never another's; that a background autofill request is the
 * lowest priority (it never cancels a ceremony the user started, while any such ceremony cancels
 * it); and the fetch of the options, which is cancelled along with the request it prepares.
 * Browser failures become `ApiError`s with stable codes, so they are translated like the server's.
 *
 * SimpleWebAuthn itself, and what the ceremonies do once the server's options are in
 * (webauthn-ceremonies.ts), are fetched when a ceremony first starts (a passkey button, the
 * autofill request) — beside the options — not with the form: a page whose visitor never touches a
 * passkey never downloads them. What stays here is what every page with a passkey button needs at
 * once: whether the browser has passkeys, the one-request rule, and the options' fetch.
 */
import type * as SimpleWebAuthnBrowser from '@simplewebauthn/browser';
import type { AuthenticationResponseJSON } from '@simplewebauthn/browser';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as CeremoniesModule from './webauthn-ceremonies.js';
import type { SecondFactorRequired } from '../../../contract/mfa.js';
import type { SignedIn } from '../../../contract/auth.js';
import type { Passkey } from '../../../contract/passkeys.js';
import { ApiError, type ApiClient } from './api-client.js';
import type { SessionStore } from './session-store.js';

/** SimpleWebAuthn's browser library, imported once on first use (a chunk of its own in the build). */
let library: Promise<typeof SimpleWebAuthnBrowser> | undefined;
export function simpleWebAuthn(): Promise<typeof SimpleWebAuthnBrowser> {
  library ??= import('@simplewebauthn/browser').catch((error: unknown) => {
    library = undefined; // a failed fetch is tried again by the next ceremony
    throw error;
  });
  return library;
}

/**
 * The ceremonies' own code (webauthn-ceremonies.ts), imported once on first use like the library.
 * A failed fetch is a ceremony that failed (`passkey_failed`, as the library's would be), tried
 * again by the next one.
 */
let ceremonyCode: Promise<typeof CeremoniesModule> | undefined;
function ceremonies(): Promise<typeof CeremoniesModule> {
  ceremonyCode ??= import('./webauthn-ceremonies.js').catch((error: unknown) => {
    ceremonyCode = undefined;
    throw new ApiError('passkey_failed', 0, error instanceof Error ? error.message : String(error));
  });
  return ceremonyCode;
}

/** Whether the browser has WebAuthn at all (SimpleWebAuthn's own test, kept here so it needs no download). */
export function browserSupportsWebAuthn(): boolean {
  return typeof globalThis.PublicKeyCredential === 'function';
}

/** Whether the browser offers passkeys in the autofill of a field (conditional mediation). */
export async function browserSupportsWebAuthnAutofill(): Promise<boolean> {
  if (!browserSupportsWebAuthn()) return false;
  return (await PublicKeyCredential.isConditionalMediationAvailable?.()) ?? false;
}

/** `autofill`: the background request behind the email field (conditional UI); `modal`: one the user started. */
export type CeremonyKind = 'autofill' | 'modal';

/** A WebAuthn request in progress; its `signal` aborts when it is cancelled or replaced. */
export interface Ceremony {
  readonly kind: CeremonyKind;
  readonly signal: AbortSignal;
}

interface Running extends Ceremony {
  controller: AbortController;
}

let current: Running | null = null;

const abortReason = (why: string) => new DOMException(why, 'AbortError');

/**
 * Starts a ceremony, cancelling the one in progress — except that an autofill request yields to
 * a ceremony already running: it returns null and the caller simply does not offer autofill now.
 */
export function beginCeremony(kind: CeremonyKind): Ceremony | null {
  if (current && kind === 'autofill' && current.kind === 'modal') return null;
  current?.controller.abort(abortReason('Replaced by another passkey request.'));
  // Fetched beside the ceremony's options rather than after them; a failure shows when it is used.
  simpleWebAuthn().catch(() => undefined);
  ceremonies().catch(() => undefined);
  const controller = new AbortController();
  const ceremony: Running = { kind, controller, signal: controller.signal };
  controller.signal.addEventListener('abort', () => {
    // While this ceremony is the page's current one, the browser's pending request (if it got that
    // far) is this ceremony's, so cancelling it cannot hit another element's request.
    if (current !== ceremony) return;
    current = null;
    // Only a ceremony that got as far as the browser's request has the library loaded.
    library?.then(({ WebAuthnAbortService }) => WebAuthnAbortService.cancelCeremony()).catch(() => undefined);
  });
  current = ceremony;
  return ceremony;
}

/** Marks a ceremony as finished (it no longer blocks autofill); a no-op once it was replaced. */
export function endCeremony(ceremony: Ceremony): void {
  if (current === ceremony) current = null;
}

/** Cancels a ceremony and its browser request, if it is still running (an element leaving the page, the form going away). */
export function cancelCeremony(ceremony: Ceremony | null | undefined): void {
  if (ceremony && !ceremony.signal.aborted)
    (ceremony as Running).controller.abort(abortReason('The passkey request was cancelled.'));
}

/** An abort: ours, SimpleWebAuthn's (`WebAuthnError` named AbortError), or fetch's. Never worth a message. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** A passkey's signature over the server's challenge, and the RP ID it was made for. */
export interface PasskeyAssertion {
  response: AuthenticationResponseJSON;
  rpId: string | undefined;
}

/**
 * The browser's assertion for a passkey sign-in: discoverable (no email needed), in a dialog for a
 * modal ceremony, or through the email field's autofill for an autofill one. `signInWithAssertion`
 * then trades it for a session. `onPrompt` is called once the browser is asked (the options are
 * in), so the element can say it is waiting for the user. `optionsRoute`: the re-authentication
 * dialog asks for a challenge of its own session's, limited to the user's passkeys, instead.
 */
export async function passkeyAssertion(
  api: ApiClient,
  ceremony: Ceremony,
  onPrompt?: () => void,
  optionsRoute:
    | 'POST /api/passkeys/authenticate/options'
    | 'POST /api/auth/reauthenticate/passkey-options' = 'POST /api/passkeys/authenticate/options',
): Promise<PasskeyAssertion> {
  const code = ceremonies();
  const { signal } = ceremony;
  const optionsJSON = await api.call(optionsRoute, {}, { signal });
  signal.throwIfAborted();
  onPrompt?.();
  return (await code).askForAssertion(optionsJSON, ceremony);
}

/**
 * Signs in with an assertion. When the server no longer knows the passkey (the user removed it),
 * the browser is told too (webauthn-ceremonies.ts).
 */
export async function signInWithAssertion(
  store: SessionStore,
  assertion: PasskeyAssertion,
): Promise<SignedIn | SecondFactorRequired> {
  return (await ceremonies()).signInWithAssertion(store, assertion);
}

/** Creates a passkey for the signed-in user and registers it; the answer is the new passkey as listed. */
export async function registerPasskey(api: ApiClient, ceremony: Ceremony): Promise<Passkey> {
  const code = ceremonies();
  const { signal } = ceremony;
  const optionsJSON = await api.call('POST /api/passkeys/register/options', {}, { signal });
  signal.throwIfAborted();
  return (await code).createPasskey(api, optionsJSON, ceremony);
}

/**
 * An element's own modal ceremonies (a Lit reactive controller): `run` cancels any other request
 * first (autofill included), and whatever still runs is cancelled when the element leaves the
 * page or the page itself is hidden (navigation, back/forward cache), so no request outlives its UI.
 */
export class WebAuthnController implements ReactiveController {
  private running: Ceremony | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  async run<T>(work: (ceremony: Ceremony) => Promise<T>): Promise<T> {
    const ceremony = beginCeremony('modal')!;
    this.running = ceremony;
    try {
      return await work(ceremony);
    } finally {
      endCeremony(ceremony);
      if (this.running === ceremony) this.running = null;
    }
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.cancel);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.cancel);
    this.cancel();
  }

  /** Cancels the ceremony in progress, if any (an arrow function: it is also the `pagehide` listener). */
  readonly cancel = (): void => cancelCeremony(this.running);
}
