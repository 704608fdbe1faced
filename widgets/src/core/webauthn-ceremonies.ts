/**
 * What a passkey ceremony does once the server's options are in (webauthn.ts fetches them, and
 * this module, on a ceremony's first start): ask the browser through SimpleWebAuthn, turn its
 * failures into translated codes, trade an assertion for a session, and register a new passkey.
 * Fetched beside the options, so a page whose visitor never touches a passkey never downloads it.
 * SimpleWebAuthn is its own chunk, fetched at the same time (webauthn.ts `simpleWebAuthn`): the
 * kit keeps it out of its one file, which a static import here would not.
 */
import type { SecondFactorRequired } from '../../../contract/mfa.js';
import type { SignedIn } from '../../../contract/auth.js';
import type { Passkey, PasskeyCreationOptions, PasskeyRequestOptions } from '../../../contract/passkeys.js';
import { ApiError, type ApiClient } from './api-client.js';
import type { SessionStore } from './session-store.js';
import { isAbort, simpleWebAuthn, type Ceremony, type PasskeyAssertion } from './webauthn.js';

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

/** The browser's answer to the options of a passkey sign-in (webauthn.ts `passkeyAssertion`). */
export async function askForAssertion(
  optionsJSON: PasskeyRequestOptions,
  ceremony: Ceremony,
): Promise<PasskeyAssertion> {
  const asked = performance.now();
  try {
    const { startAuthentication } = await simpleWebAuthn();
    ceremony.signal.throwIfAborted();
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

/** The browser's new passkey for the options of a registration, registered with the server (webauthn.ts `registerPasskey`). */
export async function createPasskey(
  api: ApiClient,
  optionsJSON: PasskeyCreationOptions,
  ceremony: Ceremony,
): Promise<Passkey> {
  let response;
  try {
    const { startRegistration } = await simpleWebAuthn();
    ceremony.signal.throwIfAborted();
    response = await startRegistration({ optionsJSON });
  } catch (error) {
    throw webAuthnFailure(error);
  }
  // No signal from here on: the authenticator has made the key, so the server must hear of it,
  // or the user keeps a passkey that signs in nowhere.
  const { passkey } = await api.call('POST /api/passkeys/register/verify', { body: { response } });
  return passkey;
}
