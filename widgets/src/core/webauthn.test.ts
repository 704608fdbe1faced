/**
 * The page's one-WebAuthn-request rule (which ceremony cancels which) and how browser failures
 * become translated error codes. The ceremonies against a server, with a virtual authenticator,
 * are in the elements' tests.
 */
import { expect } from '@open-wc/testing';
import { ApiError } from './api-client.js';
import { beginCeremony, cancelCeremony, endCeremony, isAbort } from './webauthn.js';
import { webAuthnFailure } from './webauthn-ceremonies.js';

const named = (name: string, message = 'browser text', code?: string) =>
  Object.assign(new Error(message), { name, ...(code ? { code } : {}) });
const codeOf = (error: unknown) => (error as ApiError).code;

describe('WebAuthn ceremonies', () => {
  it('lets a ceremony the user starts cancel the autofill request, never the reverse', () => {
    const autofill = beginCeremony('autofill')!;
    const modal = beginCeremony('modal')!;
    expect(autofill.signal.aborted, 'autofill cancelled').to.equal(true);
    expect(isAbort(autofill.signal.reason)).to.equal(true);
    expect(beginCeremony('autofill'), 'autofill waits while the dialog runs').to.equal(null);
    expect(modal.signal.aborted).to.equal(false);
    endCeremony(modal);
    const next = beginCeremony('autofill');
    expect(next, 'autofill may start again once it ended').to.not.equal(null);
    cancelCeremony(next);
  });

  it('cancels only the ceremony asked for', () => {
    const first = beginCeremony('modal')!;
    const second = beginCeremony('modal')!;
    expect(first.signal.aborted, 'a new ceremony replaces the old').to.equal(true);
    cancelCeremony(first);
    expect(second.signal.aborted, 'cancelling a replaced ceremony leaves the new one alone').to.equal(false);
    cancelCeremony(second);
    expect(second.signal.aborted).to.equal(true);
  });
});

describe('webAuthnFailure', () => {
  it('names the browser failures with codes the elements translate', () => {
    expect(codeOf(webAuthnFailure(named('NotAllowedError')))).to.equal('passkey_cancelled');
    expect(
      codeOf(webAuthnFailure(named('InvalidStateError', 'x', 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED'))),
    ).to.equal('passkey_already_registered');
    expect(codeOf(webAuthnFailure(named('SecurityError')))).to.equal('passkey_wrong_domain');
    expect(codeOf(webAuthnFailure(new Error('WebAuthn is not supported in this browser')))).to.equal(
      'passkey_unsupported',
    );
    expect(codeOf(webAuthnFailure(named('UnknownError')))).to.equal('passkey_failed');
    expect((webAuthnFailure(named('NotAllowedError')) as ApiError).status, 'no server answered').to.equal(0);
  });

  it('passes aborts and server errors through unchanged', () => {
    const abort = named('AbortError');
    const server = new ApiError('unknown_passkey', 401, 'x');
    expect(webAuthnFailure(abort)).to.equal(abort);
    expect(webAuthnFailure(server)).to.equal(server);
    expect(isAbort(abort)).to.equal(true);
    expect(isAbort(new DOMException('x', 'AbortError'))).to.equal(true);
    expect(isAbort(server)).to.equal(false);
  });
});
