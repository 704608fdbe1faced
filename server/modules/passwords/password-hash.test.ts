/** Password hashing: argon2id at OWASP's parameters, dummy verifies, and the concurrency limit. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  hashesInFlight,
  hashPassword,
  needsRehash,
  setHashConcurrency,
  verifyAgainstDummy,
  verifyPassword,
} from './password-hash';

describe('password hashing', () => {
  after(() => setHashConcurrency(2));

  it('hashes with argon2id at m=19456, t=2, p=1 and verifies', async () => {
    const stored = await hashPassword('a long enough passphrase');
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(needsRehash(stored), false);
    assert.equal(await verifyPassword(stored, 'a long enough passphrase'), true);
    assert.equal(await verifyPassword(stored, 'another passphrase'), false);
    assert.equal(await verifyPassword('not a hash', 'x'), false, 'a malformed hash is a mismatch, not an error');
    assert.equal(await verifyAgainstDummy('anything'), false);
    assert.equal(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$abc$def'), true);
  });

  it('runs at most the configured number of hashes at once, all of them eventually', async () => {
    const stored = await hashPassword('a long enough passphrase');
    for (const limit of [1, 2]) {
      setHashConcurrency(limit);
      // Sampled every millisecond while eight verifies (~10–25 ms each) are asked for at once.
      let most = 0;
      const sampler = setInterval(() => (most = Math.max(most, hashesInFlight())), 1);
      try {
        const results = await Promise.all(
          Array.from({ length: 8 }, () => verifyPassword(stored, 'a long enough passphrase')),
        );
        assert.deepEqual(results, Array(8).fill(true));
      } finally {
        clearInterval(sampler);
      }
      assert.equal(most, limit, `at most ${limit} at once, and the limit is used`);
      assert.equal(hashesInFlight(), 0);
    }
  });
});
