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
 * SimpleWebAuthn itself is fetched when a ceremony first starts (a passkey button, the autofill
 * request), not with the form: a page whose visitor never touches a passkey never downloads it.
 */
import type * as SimpleWebAuthnBrowser from '@simplewebauthn/browser';
import type { AuthenticationResponseJSON } from '@simplewebauthn/browser';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SecondFactorRequired } from '../../../contract/mfa.js';
import type { SignedIn } from '../../../contract/auth.js';
import type { Passkey } from '../../../contract/passkeys.js';
import { ApiError, type ApiClient } from './api-client.js';
import type { SessionStore } from './session-store.js';

/** SimpleWebAuthn's browser library, imported once on first use (a chunk of its own in the build). */
let library: Promise<typeof SimpleWebAuthnBrowser> | undefined;
function simpleWebAuthn(): Promise<typeof SimpleWebAuthnBrowser> {
  library ??= import('@simplewebauthn/browser').catch((error: unknown) => {
    library = undefined; // a failed fetch is tried again by the next ceremony
    throw error;
  });
  return library;
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

/** `startAuthentication` / `startRegistration` failures that carry a code of SimpleWebAuthn's. */
const codeOf = (error: unknown) => (error as { code?: unknown }).code;

/**
 * A failure of the browser's part of a ceremony as an `ApiError` with a client-side code (status
 * 0): the user closing the dialog (`NotAllowedError`, also what a timeout gives) is
 * `passkey_cancelled`, which the elements report quietly. Aborts and `ApiError`s pass through.
 */
export function webAuthnFailure(error: unknown): unknown {
  if (error instanceof ApiError || isAbort(error) || !(error instanceof Error)) return error;
  return new ApiError(ceremonyFailureCode(error), 0, error.message);
}

/** The client-side code of a ceremony's failure in the browser (webAuthnFailure). */
function ceremonyFailureCode(error: Error): string {
  if (error.name === 'NotAllowedError') return 'passkey_cancelled';
  if (codeOf(error) === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || error.name === 'InvalidStateError') {
    return 'passkey_already_registered';
  }
  if (error.name === 'SecurityError') return 'passkey_wrong_domain';
  if (/not support/i.test(error.message)) return 'passkey_unsupported';
  return 'passkey_failed';
}

/** A passkey's signature over the server's challenge, and the RP ID it was made for. */
export interface PasskeyAssertion {
  response: AuthenticationResponseJSON;
  rpId: string | undefined;
}

/** A refusal sooner than this came before anyone could have looked at a dialog. */
export const IMMEDIATE_REFUSAL_MS = 1000;

/**
 * A passkey sign-in the browser refused (`NotAllowedError`), told apart by when it came, since
 * the error itself is deliberately the same whatever the reason (WebAuthn §14.5.2, privacy: a
 * page must not learn whether the user has a passkey; SimpleWebAuthn 14 passes it through as
 * `ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY`). Chromium refuses at once when no authenticator holds a
 * passkey for the site and it has nothing to show (measured: 4 ms with a virtual authenticator),
 * and after the request's `timeout` when nobody answered; anything in between is a person closing
 * the dialog. Only that last one is "cancelled".
 */
function refusal(error: ApiError, elapsedMs: number, timeoutMs: number | undefined): ApiError {
  if (error.code !== 'passkey_cancelled') return error;
  if (elapsedMs < IMMEDIATE_REFUSAL_MS) return new ApiError('passkey_unavailable', 0, error.message);
  if (timeoutMs && elapsedMs >= timeoutMs * 0.95) return new ApiError('passkey_timed_out', 0, error.message);
  return error;
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
  const { signal } = ceremony;
  const optionsJSON = await api.call(optionsRoute, {}, { signal });
  signal.throwIfAborted();
  onPrompt?.();
  const asked = performance.now();
  try {
    const { startAuthentication } = await simpleWebAuthn();
    signal.throwIfAborted();
    const response = await startAuthentication({
      optionsJSON,
      useBrowserAutofill: ceremony.kind === 'autofill',
      // SimpleWebAuthn looks for the `webauthn` input with document.querySelectorAll, which does
      // not see into shadow roots; our field is there, rendered before the request starts.
      verifyBrowserAutofillInput: false,
    });
    return { response, rpId: optionsJSON.rpId };
  } catch (error) {
    const failure = webAuthnFailure(error);
    throw failure instanceof ApiError ? refusal(failure, performance.now() - asked, optionsJSON.timeout) : failure;
  }
}

/**
 * Signs in with an assertion. When the server no longer knows the passkey (the user removed it),
 * the browser is told too (WebAuthn's signal API, where supported), so that its autofill and
 * dialogs stop offering a passkey that can only fail; best effort, and silent either way.
 */
export async function signInWithAssertion(
  store: SessionStore,
  { response, rpId }: PasskeyAssertion,
): Promise<SignedIn | SecondFactorRequired> {
  try {
    return await store.signInWithPasskey(response);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unknown_passkey' && rpId) {
      await simpleWebAuthn()
        .then(({ sendSignal }) =>
          sendSignal({ signalName: 'unknownCredential', rpID: rpId, credentialID: response.id }),
        )
        .catch(() => undefined);
    }
    throw error;
  }
}

/** Creates a passkey for the signed-in user and registers it; the answer is the new passkey as listed. */
export async function registerPasskey(api: ApiClient, ceremony: Ceremony): Promise<Passkey> {
  const { signal } = ceremony;
  const optionsJSON = await api.call('POST /api/passkeys/register/options', {}, { signal });
  signal.throwIfAborted();
  let response;
  try {
    const { startRegistration } = await simpleWebAuthn();
    signal.throwIfAborted();
    response = await startRegistration({ optionsJSON });
  } catch (error) {
    throw webAuthnFailure(error);
  }
  // No signal from here on: the authenticator has made the key, so the server must hear of it,
  // or the user keeps a passkey that signs in nowhere.
  const { passkey } = await api.call('POST /api/passkeys/register/verify', { body: { response } });
  return passkey;
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
