/**
 * Standard Webhooks signing (docs/security.md H1), judged by the reference library
 * `standardwebhooks`, not by our own code: our signatures verify, and an altered body, an altered
 * id, a stale timestamp or another secret fail. During a rotation both signatures are sent and
 * each secret verifies alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Webhook as Verifier } from 'standardwebhooks';
import { generateSecret, SECRET_PREFIX, signatureHeaders } from './signing';

const body = JSON.stringify({ type: 'user.created', timestamp: '2026-12-04T10:00:00.000Z', data: { userId: 'u1' } });
const now = () => Math.floor(Date.now() / 1000);

describe('Webhook signing', () => {
  it('makes whsec_ secrets of 32 random bytes', () => {
    const secret = generateSecret();
    assert.ok(secret.startsWith(SECRET_PREFIX));
    assert.equal(Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64').length, 32);
    assert.notEqual(secret, generateSecret());
  });

  it('signs so that standardwebhooks verifies, and refuses an altered body, id or a stale timestamp (H1)', () => {
    const secret = generateSecret();
    const verifier = new Verifier(secret);
    const headers = signatureHeaders([secret], 'msg_1', now(), body);
    assert.match(headers['webhook-signature'], /^v1,[A-Za-z0-9+/]+=*$/);
    assert.deepEqual(verifier.verify(body, headers), JSON.parse(body));

    assert.throws(() => verifier.verify(body.replace('u1', 'u2'), headers), /signature/i);
    assert.throws(() => verifier.verify(body, { ...headers, 'webhook-id': 'msg_2' }), /signature/i);
    const stale = now() - 10 * 60;
    assert.throws(() => verifier.verify(body, signatureHeaders([secret], 'msg_1', stale, body)), /timestamp/i);
    assert.throws(() => new Verifier(generateSecret()).verify(body, headers), /signature/i);
  });

  it('sends both signatures during a rotation, each secret verifying alone (H1)', () => {
    const [current, previous] = [generateSecret(), generateSecret()];
    const headers = signatureHeaders([current, previous], 'msg_9', now(), body);
    assert.equal(headers['webhook-signature'].split(' ').length, 2);
    assert.ok(new Verifier(current).verify(body, headers));
    assert.ok(new Verifier(previous).verify(body, headers));
    assert.throws(() => new Verifier(generateSecret()).verify(body, headers), /signature/i);
  });
});
