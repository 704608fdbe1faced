/** Password hashing: argon2id at OWASP's parameters, dummy verifies, and the concurrency limit. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { hashPassword, needsRehash, setHashConcurrency, verifyAgainstDummy, verifyPassword } from './password-hash';

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
    setHashConcurrency(1);
    const stored = await hashPassword('a long enough passphrase');
    // The fastest of three single verifies: a slow one (a busy machine) would make the bound loose.
    let single = Infinity;
    for (let i = 0; i < 3; i++) {
      const one = performance.now();
      await verifyPassword(stored, 'x');
      single = Math.min(single, performance.now() - one);
    }
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 4 }, () => verifyPassword(stored, 'a long enough passphrase')));
    const elapsed = performance.now() - started;
    assert.deepEqual(results, [true, true, true, true]);
    // One at a time: four take about four times one (allow for noise either way).
    assert.ok(elapsed > single * 3, `4 verifies took ${elapsed.toFixed(1)} ms, one took ${single.toFixed(1)} ms`);
  });
});
