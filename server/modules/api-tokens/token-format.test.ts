/**
 * The token format on its own (no server): shape, checksum, and that every single-character
 * change or truncation of a real token is refused by the parser, which does no I/O.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32Hex, displayPrefix, generateApiToken, parseApiToken } from './token-format';

describe('API token format', () => {
  it('computes the IEEE CRC-32', () => {
    assert.equal(crc32Hex('123456789'), 'cbf43926');
    assert.equal(crc32Hex(''), '00000000');
  });

  it('makes recognisable tokens that parse back to their lookup id', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const { token, lookupId } = generateApiToken();
      assert.match(token, /^acct_live_[a-z0-9]{8}_[A-Za-z0-9]{40}_[0-9a-f]{8}$/);
      assert.deepEqual(parseApiToken(token), { lookupId });
      assert.ok(displayPrefix(lookupId).length <= 18 && token.startsWith(displayPrefix(lookupId)));
      assert.ok(lookupId.length <= 10, 'the lookup id fits token_prefix varchar(10)');
      seen.add(token);
    }
    assert.equal(seen.size, 50);
  });

  it('refuses a changed character, a bad checksum, truncation and look-alikes', () => {
    const { token } = generateApiToken();
    for (let i = 0; i < token.length; i++) {
      const replacement = token[i] === 'a' ? 'b' : 'a';
      const altered = token.slice(0, i) + replacement + token.slice(i + 1);
      assert.equal(parseApiToken(altered), undefined, `a change at ${i} is caught`);
    }
    for (const bad of [
      token.slice(0, -1),
      `${token}0`,
      token.toUpperCase(),
      ` ${token}`,
      token.replace('acct_live_', 'acct_test_'),
      '',
      'acct_live_',
      'x'.repeat(10_000),
    ]) {
      assert.equal(parseApiToken(bad), undefined, bad.slice(0, 30));
    }
  });
});
