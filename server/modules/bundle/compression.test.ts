/**
 * Compression, on each database, read as raw bytes (fetch would decompress behind our back): the
 * bundle and its source map as the build step writes them (scripts/precompress-bundle.ts, run here
 * on a bundle of our own) are sent in brotli, gzip or as they are, by Accept-Encoding, with
 * `Vary: Accept-Encoding`, an ETag per encoding and the usual cache headers; API answers and
 * hosted-page files over 1 kB are compressed on the fly; small ones, `/api/me` among them, are
 * not.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { precompressBundle } from '../../../scripts/precompress-bundle';
import { hostedAssets } from '../../http/hosted-assets';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TEST_ORIGIN } from '../../testing/http-client';
import { CHROME_ACCEPT_ENCODING, decoded, rawGet } from '../../testing/raw-http';
import { startTestServer } from '../../testing/test-server';

const CHROME = CHROME_ACCEPT_ENCODING;

/** Something the size and texture of a bundle: repetitive JavaScript with some noise. */
const BUNDLE = Array.from(
  { length: 1500 },
  (_, i) => `export const value${i} = "${randomBytes(8).toString('hex')}"; // element ${i % 20}\n`,
).join('');
const SOURCE_MAP = JSON.stringify({ version: 3, sources: ['acct.ts'], mappings: 'AAAA;'.repeat(5000) });

describeOnEachDatabase('compression', (getDb) => {
  let server: RunningServer;
  let bundleDir: string;

  before(async () => {
    bundleDir = await mkdtemp(join(tmpdir(), 'acct-bundle-'));
    await writeFile(join(bundleDir, 'acct.js'), BUNDLE);
    await writeFile(join(bundleDir, 'acct.js.map'), SOURCE_MAP);
    // The build's own step, on these files.
    assert.deepEqual((await precompressBundle(bundleDir)).sort(), ['acct.js', 'acct.js.map']);
    server = await startTestServer(getDb(), { bundleDir });
  });
  after(async () => {
    await server.close();
    await rm(bundleDir, { recursive: true, force: true });
  });

  it('sends the bundle in brotli, gzip or as it is, by Accept-Encoding, each with its own ETag', async () => {
    const cases: Array<[string | undefined, string | undefined]> = [
      [CHROME, 'br'],
      ['br', 'br'],
      ['*', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip', 'gzip'],
      ['br;q=0, gzip;q=0.1', 'gzip'],
      [undefined, undefined],
      ['identity', undefined],
      ['deflate', undefined], // not built, and not made on the fly either
      ['br;q=0, gzip;q=0', undefined],
    ];
    const etags = new Map<string | undefined, string>();
    for (const [accept, expected] of cases) {
      const res = await rawGet(`${server.url}/acct.js`, accept === undefined ? {} : { 'Accept-Encoding': accept });
      const label = `Accept-Encoding: ${accept}`;
      assert.equal(res.status, 200, label);
      assert.equal(res.headers['content-encoding'], expected, label);
      assert.ok(decoded(res).equals(Buffer.from(BUNDLE)), `${label}: the bundle, byte for byte`);
      assert.equal(Number(res.headers['content-length']), res.body.length, label);
      assert.match(String(res.headers.vary), /Accept-Encoding/i, label);
      assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8', label);
      assert.equal(res.headers['access-control-allow-origin'], '*', label);
      assert.match(String(res.headers['cache-control']), /max-age=300/, label);
      const etag = String(res.headers.etag);
      if (etags.has(expected)) assert.equal(etag, etags.get(expected), `${label}: one ETag per encoding`);
      etags.set(expected, etag);
    }
    assert.equal(new Set(etags.values()).size, 3, 'three encodings, three ETags');
    const brotli = (await rawGet(`${server.url}/acct.js`, { 'Accept-Encoding': 'br' })).body.length;
    assert.ok(brotli < BUNDLE.length / 2, `brotli sends ${brotli} of ${BUNDLE.length} bytes`);
  });

  it('sends the push service worker beside the bundle, for sites to copy and acct’s own pages', async () => {
    const worker = "self.addEventListener('push', () => {});\n";
    await writeFile(join(bundleDir, 'acct-sw.js'), worker);
    const res = await rawGet(`${server.url}/acct-sw.js`, { 'Accept-Encoding': CHROME });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(decoded(res).toString(), worker);
  });

  it('revalidates each encoding against its own ETag', async () => {
    const br = await rawGet(`${server.url}/acct.js`, { 'Accept-Encoding': CHROME });
    const etag = String(br.headers.etag);
    const same = await rawGet(`${server.url}/acct.js`, { 'Accept-Encoding': CHROME, 'If-None-Match': etag });
    assert.equal(same.status, 304);
    const other = await rawGet(`${server.url}/acct.js`, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    assert.deepEqual(
      [other.status, other.headers['content-encoding']],
      [200, 'gzip'],
      'a gzip client never gets a 304 for the brotli copy',
    );
  });

  it('compresses the source map too, and falls back to what was built', async () => {
    const map = await rawGet(`${server.url}/acct.js.map`, { 'Accept-Encoding': CHROME });
    assert.equal(map.headers['content-encoding'], 'br');
    assert.ok(decoded(map).equals(Buffer.from(SOURCE_MAP)));
    await unlink(join(bundleDir, 'acct.js.map.br'));
    const gzip = await rawGet(`${server.url}/acct.js.map`, { 'Accept-Encoding': CHROME });
    assert.equal(gzip.headers['content-encoding'], 'gzip', 'without a brotli copy, the gzip one');
    assert.ok(decoded(gzip).equals(Buffer.from(SOURCE_MAP)));
  });

  it('compresses answers over 1 kB, in brotli or gzip, and leaves small ones as they are', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    const cookie = `__Host-acct_session=${client.sessionCookie}`;
    const signedIn = { Cookie: cookie, Origin: TEST_ORIGIN };
    // The seed's setup checklist, and the hosted pages' stylesheet.
    for (const path of ['/api/checklist', hostedAssets(server.services.config.brand).stylesheet.path]) {
      const identity = await rawGet(server.url + path, signedIn);
      assert.ok(identity.body.length > 1024, `${path} is ${identity.body.length} bytes`);
      assert.equal(identity.headers['content-encoding'], undefined);
      for (const [accept, expected] of [
        [CHROME, 'br'],
        ['gzip', 'gzip'],
      ] as const) {
        const res = await rawGet(server.url + path, { ...signedIn, 'Accept-Encoding': accept });
        assert.equal(res.headers['content-encoding'], expected, `${path} ${accept}`);
        assert.match(String(res.headers.vary), /Accept-Encoding/i);
        assert.ok(res.body.length < identity.body.length, `${path}: ${res.body.length} < ${identity.body.length}`);
        assert.ok(decoded(res).equals(identity.body), `${path} ${accept}: the same answer`);
      }
    }
    for (const path of ['/api/me', '/api/config', '/healthz']) {
      const res = await rawGet(server.url + path, { ...signedIn, 'Accept-Encoding': CHROME });
      assert.equal(res.status, 200, path);
      assert.ok(res.body.length < 1024, `${path} is ${res.body.length} bytes`);
      assert.equal(res.headers['content-encoding'], undefined, `${path} goes as it is`);
      JSON.parse(res.body.toString());
    }
    // The session check and the health ping skip the middleware altogether (it would add Vary).
    for (const path of ['/api/me', '/healthz']) {
      const res = await rawGet(server.url + path, { ...signedIn, 'Accept-Encoding': CHROME });
      assert.doesNotMatch(String(res.headers.vary ?? ''), /Accept-Encoding/i, path);
    }
  });
});
