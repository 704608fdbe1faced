/**
 * Passkeys in the elements' Chromium tests: Chromium's DevTools virtual authenticator on the test
 * page (attached by the runner's `acct-virtual-authenticator` command, see
 * widgets/web-test-runner.config.mjs), a record of the page's `navigator.credentials` requests,
 * and ageing a session past the "recent sign-in" window. The ceremonies themselves are real: the
 * browser signs with the virtual authenticator's keys and the server verifies them.
 *
 * Facts about the virtual authenticator these tests rely on (checked in this Chromium): with
 * presence answered at once, a conditional (autofill) request completes by itself as soon as a
 * passkey for the site exists, without any focus or pick; with no passkey it is refused at once
 * (NotAllowedError); and with presence off, it stays pending until aborted.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { Passkey } from '../../../contract/passkeys.js';
import { beginCeremony, endCeremony, registerPasskey } from '../core/webauthn.js';
import { createAccount, PASSWORD, settledStore } from './helpers.js';

type Action = 'add' | 'remove' | 'presence' | 'credentials';
const command = <T>(action: Action, extra: Record<string, unknown> = {}) =>
  executeServerCommand<T, Record<string, unknown>>('acct-virtual-authenticator', { action, ...extra });

export interface VirtualCredential {
  id: string;
  rpId: string;
  userName: string;
  signCount: number;
}

export const virtualAuthenticator = {
  /** A fresh, empty authenticator (replacing any other) that answers every request at once. */
  add: () => command<boolean>('add'),
  remove: () => command<boolean>('remove'),
  /** Off: requests wait (an autofill request stays pending); on: the next requests are answered. */
  presence: (enabled: boolean) => command<boolean>('presence', { enabled }),
  credentials: () => command<VirtualCredential[]>('credentials'),
};

/**
 * A new account with a passkey in the virtual authenticator (add one first), registered through
 * `server`'s store the way the elements do it; the page is signed out again afterwards.
 */
export async function accountWithPasskey(server: string): Promise<{ email: string; passkey: Passkey }> {
  const { email } = await createAccount();
  const store = await settledStore(server);
  await store.signIn({ email, password: PASSWORD });
  const ceremony = beginCeremony('modal')!;
  try {
    const passkey = await registerPasskey(store.api, ceremony);
    return { email, passkey };
  } finally {
    endCeremony(ceremony);
    await store.signOut();
  }
}

/** Makes the session look `seconds` old to the server, beyond the ten minutes in which passkeys may change. */
export function ageSession(sessionId: string, seconds = 11 * 60): Promise<boolean | undefined> {
  return executeServerCommand('acct-age-session', { sessionId, seconds });
}

export interface CredentialRequest {
  kind: 'get' | 'create';
  /** `conditional` for autofill; undefined for a dialog. */
  mediation: string | undefined;
  /** How it ended, once it did: `resolved`, or the error's name (`AbortError`, `NotAllowedError`…). */
  outcome?: string;
}

/**
 * Records every `navigator.credentials.get` / `create` from now on, with how each ended, so a
 * test can see the autofill request pending, then aborted. Call the returned `restore` after.
 */
export function watchCredentialRequests(): { requests: CredentialRequest[]; restore(): void } {
  const requests: CredentialRequest[] = [];
  const container = navigator.credentials;
  const { get, create } = container;
  const wrap =
    (kind: CredentialRequest['kind'], original: typeof get) =>
    (options?: CredentialRequestOptions | CredentialCreationOptions) => {
      const request: CredentialRequest = {
        kind,
        mediation: (options as CredentialRequestOptions | undefined)?.mediation,
      };
      requests.push(request);
      const pending = original.call(container, options as CredentialRequestOptions);
      pending.then(
        () => (request.outcome = 'resolved'),
        (error: Error) => (request.outcome = error.name),
      );
      return pending;
    };
  container.get = wrap('get', get);
  container.create = wrap('create', create as typeof get);
  return {
    requests,
    restore: () => {
      container.get = get;
      container.create = create;
    },
  };
}

/** Collects unhandled promise rejections and console errors until `stop`, to prove a flow stayed quiet. */
export function watchPageProblems(): { problems: string[]; stop(): void } {
  const problems: string[] = [];
  const onRejection = (event: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${String(event.reason)}`);
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    problems.push(`console.error: ${args.map(String).join(' ')}`);
    consoleError.apply(console, args);
  };
  window.addEventListener('unhandledrejection', onRejection);
  return {
    problems,
    stop: () => {
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = consoleError;
    },
  };
}
