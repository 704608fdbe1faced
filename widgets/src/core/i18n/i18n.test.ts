/**
 * Language choice and error messages. (That French has every English key is the compiler's job:
 * fr.ts is typed as `Translation`.) The error codes come from the contract's catalogue
 * (contract/index.ts), imported in this test only: the contract's area files hold zod schemas,
 * which must not reach the bundle (the elements import the contract's types only).
 */
import { expect } from '@open-wc/testing';
import { ERROR_CATALOGUE } from '../../../../contract/index.js';
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
  // Every code the server answers with comes from the contract's catalogue, so a code added there
  // without a message here fails this test; then the codes only the client produces.
  const serverCodes = Object.keys(ERROR_CATALOGUE);
  const clientCodes = [
    'network_error',
    'unexpected_response',
    // The browser's side of passkeys (core/webauthn.ts).
    'passkey_cancelled',
    'passkey_unsupported',
    'passkey_wrong_domain',
    'passkey_failed',
    'passkey_unavailable',
    'passkey_timed_out',
  ];

  it('has a message for every code of the catalogue and of the client, in English and French', () => {
    expect(serverCodes.length, 'the catalogue is empty').to.be.greaterThan(0);
    const untranslated: string[] = [];
    for (const code of [...serverCodes, ...clientCodes]) {
      const error = new ApiError(code, 500, 'server text');
      const english = errorMessage(localize('en'), error);
      const french = errorMessage(localize('fr'), error);
      if (errorCode(error) !== code || !english || !french || french === english) untranslated.push(code);
    }
    expect(untranslated, 'codes without a message in each language').to.deep.equal([]);
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
