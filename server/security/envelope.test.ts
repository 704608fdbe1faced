/** Envelope encryption: round trip, row binding, tampering, and key rotation (docs/security.md G2, G3). */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createEnvelope, EnvelopeError, loadEnvelope, parseKeyList } from './envelope';

const key = () => randomBytes(32).toString('base64');

describe('envelope encryption', () => {
  const keys = parseKeyList(`new=${key()},old=${key()}`);
  const envelope = createEnvelope(keys);

  it('seals with the newest key and opens what it sealed', () => {
    const sealed = envelope.seal('refresh-token-123', 'oauth_accounts:1');
    assert.match(sealed, /^v1\.new\./);
    assert.doesNotMatch(sealed, /refresh-token-123/);
    assert.equal(envelope.open(sealed, 'oauth_accounts:1'), 'refresh-token-123');
  });

  it('refuses a ciphertext moved to another row', () => {
    const sealed = envelope.seal('secret', 'webhooks:a');
    assert.throws(() => envelope.open(sealed, 'webhooks:b'), EnvelopeError);
  });

  it('refuses a flipped bit', () => {
    const sealed = envelope.seal('secret', 'row');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    parts[3] = body.toString('base64url');
    assert.throws(() => envelope.open(parts.join('.'), 'row'), EnvelopeError);
  });

  it('opens rows sealed under an older key after rotation', () => {
    const oldKey = key();
    const before = createEnvelope(parseKeyList(`k1=${oldKey}`)).seal('kept', 'row');
    const after = createEnvelope(parseKeyList(`k2=${key()},k1=${oldKey}`));
    assert.equal(after.open(before, 'row'), 'kept');
    assert.match(after.seal('x', 'row'), /^v1\.k2\./);
  });

  it('rejects malformed key lists with a usable message', () => {
    assert.throws(() => parseKeyList('k1=short'), /32 bytes/);
    assert.throws(() => parseKeyList(`k1=${key()},k1=${key()}`), /twice/);
  });

  it('generates a private key file once when no keys are configured', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acct-keys-'));
    try {
      let generated = 0;
      const first = await loadEnvelope(undefined, dir, () => generated++);
      const second = await loadEnvelope(undefined, dir, () => generated++);
      assert.equal(generated, 1);
      assert.equal(second.open(first.seal('x', 'r'), 'r'), 'x');
      assert.equal((await stat(join(dir, 'encryption-keys'))).mode & 0o777, 0o600);
      assert.match(await readFile(join(dir, 'encryption-keys'), 'utf8'), /^k[a-z0-9]+=/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
