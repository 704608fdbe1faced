/**
 * TOTP and recovery-code arithmetic, without a database: RFC 6238's SHA-1 test vectors (Appendix
 * B), the ±1-step drift window and its edges, the URI an app reads and the QR code drawn locally,
 * and the recovery codes' shape, normalization and keyed hash (docs/security.md M1).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Secret } from 'otpauth';
import { newRecoveryCodes, newRecoveryKey, normalizeRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { acceptedStep, newTotpSecret, qrCodeSvg, totpCodeAt, totpUri } from './totp';

/** RFC 6238 Appendix B, SHA-1 rows: the seed is the ASCII string "12345678901234567890". */
const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (M1)', () => {
  it('computes RFC 6238’s SHA-1 test vectors', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      assert.equal(totpCodeAt(RFC_SECRET, seconds * 1000, 8), code, `T = ${seconds}`);
    }
  });

  it('accepts the six-digit form of each vector at its own time step', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      // Six digits are the eight-digit value mod 10^6: its last six digits.
      assert.equal(acceptedStep(RFC_SECRET, code.slice(2), seconds * 1000), Math.floor(seconds / 30));
    }
  });

  it('accepts one step of clock drift either way, and no more', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_015_000; // in the middle of a step
    const step = Math.floor(now / 30_000);
    for (const offset of [-1, 0, 1]) {
      const code = totpCodeAt(secret, now + offset * 30_000);
      assert.equal(acceptedStep(secret, code, now), step + offset, `offset ${offset}`);
    }
    for (const offset of [-2, 2, 10]) {
      const code = totpCodeAt(secret, now + offset * 30_000);
      // A code can repeat by chance in another step; it must not be accepted for this far step.
      assert.notEqual(acceptedStep(secret, code, now), step + offset, `offset ${offset}`);
    }
  });

  it('refuses codes of another secret and malformed codes', () => {
    const secret = newTotpSecret();
    const now = Date.now();
    assert.equal(acceptedStep(secret, 'abcdef', now), null);
    assert.equal(acceptedStep(secret, '', now), null);
    const other = totpCodeAt(newTotpSecret(), now);
    const own = [-1, 0, 1].map((o) => totpCodeAt(secret, now + o * 30_000));
    if (!own.includes(other)) assert.equal(acceptedStep(secret, other, now), null);
  });

  it('makes 160-bit secrets, an otpauth URI apps read, and an SVG QR code drawn locally', async () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, { issuer: 'Stagehand', account: 'ada@example.test' });
    const parsed = new URL(uri);
    assert.equal(parsed.protocol, 'otpauth:');
    assert.equal(parsed.searchParams.get('secret'), secret);
    assert.equal(parsed.searchParams.get('issuer'), 'Stagehand');
    assert.equal(parsed.searchParams.get('digits'), '6');
    assert.equal(parsed.searchParams.get('period'), '30');
    const svg = await qrCodeSvg(uri);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /https?:\/\/(?!www\.w3\.org)/, 'no remote resource');
  });
});

describe('recovery codes (M4)', () => {
  it('makes ten distinct codes of ten symbols without look-alikes', () => {
    const codes = newRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it('reads a code typed in any case, with or without the dash, and nothing else', () => {
    const [code] = newRecoveryCodes(1) as [string];
    const plain = code.replace('-', '');
    assert.equal(normalizeRecoveryCode(code), plain);
    assert.equal(normalizeRecoveryCode(` ${code.toUpperCase()} `), plain);
    assert.equal(normalizeRecoveryCode(plain.slice(0, 5) + ' ' + plain.slice(5)), plain);
    assert.equal(normalizeRecoveryCode('123456'), null);
    assert.equal(normalizeRecoveryCode(plain + 'a'), null);
    assert.equal(normalizeRecoveryCode('0000000000'), null, 'look-alikes are not in the alphabet');
  });

  it('hashes under the user’s key: another key gives another hash', () => {
    const code = normalizeRecoveryCode(newRecoveryCodes(1)[0]!)!;
    const key = newRecoveryKey();
    assert.equal(recoveryCodeHash(key, code), recoveryCodeHash(key, code));
    assert.notEqual(recoveryCodeHash(key, code), recoveryCodeHash(newRecoveryKey(), code));
    assert.match(recoveryCodeHash(key, code), /^[0-9a-f]{64}$/);
  });
});
