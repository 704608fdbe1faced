/**
 * Language choice and error messages. (That French has every English key is the compiler's job:
 * fr.ts is typed as `Translation`.)
 */
import { expect } from '@open-wc/testing';
import { ApiError } from '../api-client.js';
import { errorCode, errorMessage, localize } from './index.js';

describe('localize', () => {
  it('matches the tag, then its language, then falls back to English', () => {
    expect(localize('fr').$lang).to.equal('fr');
    expect(localize('FR-ca').$lang).to.equal('fr');
    expect(localize('de').$lang).to.equal('en');
    expect(localize('').$lang).to.equal('en');
  });
});

describe('errorMessage', () => {
  // The codes every server module may answer with (server/http/errors.ts), and the client's own.
  const codes = [
    'invalid_json',
    'invalid_request',
    'unsupported_media_type',
    'payload_too_large',
    'not_found',
    'method_not_allowed',
    'forbidden_origin',
    'database_unavailable',
    'internal_error',
    'network_error',
    'unexpected_response',
    // The sign-in core's (server/modules/passwords, sessions, rate-limit).
    'invalid_credentials',
    'email_not_verified',
    'email_taken',
    'sign_up_disabled',
    'too_many_requests',
    'not_signed_in',
    'wrong_password',
    'invalid_code',
    // Passkeys (server/modules/passkeys) and the browser's side of them (core/webauthn.ts).
    'passkey_challenge_expired',
    'invalid_passkey_response',
    'unknown_passkey',
    'passkey_counter_regression',
    'passkey_already_registered',
    'last_sign_in_method',
    'reauthentication_required',
    'passkey_cancelled',
    'passkey_unsupported',
    'passkey_wrong_domain',
    'passkey_failed',
  ];

  it('has a message for every common code, in English and French', () => {
    for (const code of codes) {
      const error = new ApiError(code, 500, 'server text');
      expect(errorCode(error), code).to.equal(code);
      expect(errorMessage(localize('en'), error), code).to.be.a('string').and.not.equal('');
      expect(errorMessage(localize('fr'), error), code).to.not.equal(errorMessage(localize('en'), error));
    }
  });

  it("uses the generic message for unknown codes, never the server's English text", () => {
    const error = new ApiError('brand_new_code', 400, 'Some English sentence.');
    expect(errorMessage(localize('fr'), error)).to.equal('Une erreur est survenue. Réessayez.');
    expect(errorMessage(localize('en'), new Error('boom'))).to.equal('Something went wrong. Try again.');
  });

  it('says how long to wait when a 429 says so (Retry-After)', () => {
    const limited = new ApiError('too_many_requests', 429, 'Too many attempts.', undefined, 1500);
    expect(errorMessage(localize('en'), limited)).to.equal('Too many attempts. Try again in 25 minutes.');
    expect(errorMessage(localize('fr'), limited)).to.equal('Trop de tentatives. Réessayez dans 25 minutes.');
    const vague = new ApiError('too_many_requests', 429, 'Too many attempts.');
    expect(errorMessage(localize('en'), vague)).to.equal('Too many attempts. Wait a moment and try again.');
  });
});
