/**
 * Avatar uploads through the real HTTP API on each database: the type is told by the bytes, not
 * by what the client says (SVG and HTML refused); the size limit answers 413; each user writes
 * only their own picture (the route has no user in it, and row-level security holds under it);
 * the picture is served with the headers that keep it an image; removing it clears the profile.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { asUser } from '../../db/as-user';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { startTestServer } from '../../testing/test-server';

/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);
const WEBP_START = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const MAX_BYTES = 4096;

describeOnEachDatabase('avatars', (getDb) => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_AVATAR_MAX_BYTES: String(MAX_BYTES) } });
  });
  after(() => server.close());

  const signedIn = async () => {
    const account = await signedUpClient(server.services, server.url);
    const { id } = (await account.client.call('GET /api/me')).body.user;
    return { ...account, id };
  };
  const upload = (client: Awaited<ReturnType<typeof signedIn>>['client'], bytes: Buffer) =>
    client.call('PUT /api/me/avatar', { body: { image: bytes.toString('base64') } });

  it('stores a PNG, points avatarUrl at it, and serves it with headers that keep it an image', async () => {
    const { client, id } = await signedIn();
    const res = await upload(client, PNG);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const url = new URL(res.body.user.avatarUrl!);
    assert.match(url.pathname, new RegExp(`^/avatars/${id}/[0-9a-f]{64}$`));
    assert.equal((await client.call('GET /api/me')).body.user.avatarUrl, url.href);

    const served = await fetch(url); // no cookie, no origin: avatars are public
    assert.equal(served.status, 200);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), PNG);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.match(served.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(served.headers.get('cache-control') ?? '', /immutable/);
    assert.equal(served.headers.get('cross-origin-resource-policy'), 'cross-origin');
  });

  it('tells the type by the first bytes: PNG, JPEG, WebP, GIF accepted; SVG, HTML and a lying PNG refused', async () => {
    const { client } = await signedIn();
    for (const [bytes, type] of [
      [GIF, 'image/gif'],
      [JPEG_START, 'image/jpeg'],
      [WEBP_START, 'image/webp'],
    ] as const) {
      const res = await upload(client, bytes);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal((await fetch(res.body.user.avatarUrl!)).headers.get('content-type'), type);
    }
    const before = (await client.call('GET /api/me')).body.user.avatarUrl;
    for (const text of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<!doctype html><script>alert(1)</script>',
      'PNG but not really',
    ]) {
      const res = await upload(client, Buffer.from(text));
      assert.equal(res.status, 415, text);
      assert.equal(res.error?.code, 'unsupported_image_type');
    }
    const notBase64 = await client.call('PUT /api/me/avatar', { body: { image: '%%%not base64%%%' } });
    assert.equal(notBase64.status, 400);
    assert.equal((await client.call('GET /api/me')).body.user.avatarUrl, before);
  });

  it('refuses a picture over ACCT_AVATAR_MAX_BYTES with 413 image_too_large, and a far larger body with 413 too', async () => {
    const { client } = await signedIn();
    const atLimit = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES - PNG.length)]);
    assert.equal((await upload(client, atLimit)).status, 200);
    const over = await upload(client, Buffer.concat([atLimit, Buffer.alloc(1)]));
    assert.deepEqual([over.status, over.error?.code], [413, 'image_too_large']);
    const huge = await upload(client, Buffer.concat([PNG, Buffer.alloc(MAX_BYTES * 4)]));
    assert.deepEqual([huge.status, huge.error?.code], [413, 'payload_too_large']);
  });

  it('replaces the picture on upload (the old address stops serving), and each user writes only their own', async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const first = (await upload(alice.client, PNG)).body.user.avatarUrl!;
    const second = (await upload(alice.client, GIF)).body.user.avatarUrl!;
    assert.notEqual(first, second);
    assert.equal((await fetch(first)).status, 404);
    assert.equal((await fetch(second)).status, 200);

    const bobs = (await upload(bob.client, PNG)).body.user.avatarUrl!;
    assert.equal((await fetch(second)).status, 200, 'Bob’s upload left Alice’s picture alone');
    assert.equal((await alice.client.call('GET /api/me')).body.user.avatarUrl, second);
    // Under the route, row-level security: as Alice, Bob's row can be neither seen nor changed.
    const knex = server.db.knex;
    const seen = await asUser(knex, alice.id, async (trx) => {
      const changed = await trx('user_avatars')
        .where({ user_id: bob.id })
        .update({ sha256: 'x'.repeat(64) });
      const removed = await trx('user_avatars').where({ user_id: bob.id }).delete();
      return { changed, removed, rows: await trx('user_avatars').select('user_id') };
    });
    assert.deepEqual(seen, { changed: 0, removed: 0, rows: [{ user_id: alice.id }] });
    assert.equal((await fetch(bobs)).status, 200);
  });

  it('removes the picture and clears avatarUrl; needs a session', async () => {
    const { client } = await signedIn();
    const url = (await upload(client, PNG)).body.user.avatarUrl!;
    const removed = await client.call('DELETE /api/me/avatar');
    assert.deepEqual([removed.status, removed.body.user.avatarUrl], [200, null]);
    assert.equal((await fetch(url)).status, 404);
    const anonymous = await fetch(`${server.url}/api/me/avatar`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5173' },
      body: JSON.stringify({ image: PNG.toString('base64') }),
    });
    assert.equal(anonymous.status, 401);
  });

  it('answers 404 for unknown or malformed avatar addresses', async () => {
    const { id } = await signedIn();
    assert.equal((await fetch(`${server.url}/avatars/${id}/${'0'.repeat(64)}`)).status, 404);
    assert.equal((await fetch(`${server.url}/avatars/not-a-uuid/zz`)).status, 404);
  });
});
