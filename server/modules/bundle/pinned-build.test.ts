/**
 * Pinned builds and the loader's files (docs/embedding.md), on a bundle of our own laid out like
 * the real one and run through the build's own steps (precompress-bundle.ts, bundle-manifest.ts):
 * `/acct/bundle.json` names the build and each file's SRI hash; `/acct/<hash>/<file>` answers that
 * exact file, chunks included, in any encoding, immutable for a year, and its bytes match the
 * integrity the manifest gives; any other hash or file is a 404 with a stable code, never a file
 * of another build or outside it; `/acct.js` and the element entries stay short-lived while the
 * content-named chunks are immutable; and a rebuild under the running server is served under its
 * new hash, the old one refused.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { writeBundleManifest, type BundleManifest } from '../../../scripts/bundle-manifest';
import { precompressBundle } from '../../../scripts/precompress-bundle';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import { CHROME_ACCEPT_ENCODING, decoded, rawGet } from '../../testing/raw-http';
import { startTestServer } from '../../testing/test-server';

const YEAR = 'public, max-age=31536000, immutable';
const sri = (data: Buffer) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

/** Writes a build the way `npm run build` does, and returns its manifest. */
async function build(dir: string, source: string): Promise<BundleManifest> {
  await mkdir(join(dir, 'acct', 'chunks'), { recursive: true });
  await writeFile(join(dir, 'acct', 'chunks', 'core-Ab_9.js'), 'export const core = 1;\n');
  await writeFile(join(dir, 'acct', 'acct-login.js'), `import './chunks/core-Ab_9.js';\n${source}`);
  await writeFile(join(dir, 'acct-sw.js'), 'self.addEventListener("push", () => {});\n');
  await writeFile(join(dir, 'acct.js'), source);
  await writeFile(join(dir, 'acct.js.map'), JSON.stringify({ version: 3, sources: ['acct.ts'], mappings: 'AAAA' }));
  await precompressBundle(dir);
  return writeBundleManifest(dir, '9.9.9');
}

const moduleOf = (n: number) => Array.from({ length: 400 }, (_, i) => `export const v${i} = ${i * n};\n`).join('');

describeOnEachDatabase('pinned builds', (getDb) => {
  let server: RunningServer;
  let bundleDir: string;
  let manifest: BundleManifest;

  before(async () => {
    bundleDir = await mkdtemp(join(tmpdir(), 'acct-pinned-'));
    manifest = await build(bundleDir, moduleOf(1));
    server = await startTestServer(getDb(), { bundleDir });
  });
  after(async () => {
    await server.close();
    await rm(bundleDir, { recursive: true, force: true });
  });

  it('names the build and the SRI hash of each file in /acct/bundle.json, any page may read it', async () => {
    const res = await rawGet(`${server.url}/acct/bundle.json`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['cache-control'], 'public, max-age=60');
    const body = JSON.parse(res.body.toString()) as BundleManifest;
    assert.deepEqual(body, manifest);
    assert.match(body.hash, /^[0-9a-f]{16}$/);
    assert.equal(body.version, '9.9.9');
    assert.equal(body.files['acct.js']!.path, `/acct/${body.hash}/acct.js`);
  });

  it('answers the pinned file immutable for a year, in every encoding, matching its integrity', async () => {
    const { path, integrity } = manifest.files['acct.js']!;
    for (const accept of [CHROME_ACCEPT_ENCODING, 'gzip', undefined]) {
      const res = await rawGet(`${server.url}${path}`, accept ? { 'Accept-Encoding': accept } : {});
      const label = `Accept-Encoding: ${accept}`;
      assert.equal(res.status, 200, label);
      assert.equal(res.headers['cache-control'], YEAR, label);
      assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8', label);
      assert.equal(res.headers['access-control-allow-origin'], '*', label);
      assert.equal(sri(decoded(res)), integrity, `${label}: the bytes are the ones the integrity names`);
    }
    const map = await rawGet(`${server.url}${manifest.files['acct.js.map']!.path}`);
    assert.equal(map.status, 200);
    assert.equal(sri(map.body), manifest.files['acct.js.map']!.integrity);
  });

  it('refuses another build with 404 bundle_build_unknown, a file it lacks with bundle_file_unknown, and keeps /acct.js short-lived', async () => {
    for (const path of [
      '/acct/0000000000000000/acct.js',
      `/acct/${manifest.hash.toUpperCase()}/acct.js`,
      '/acct/0000000000000000/acct/chunks/core-Zz_0.js',
    ]) {
      const res = await rawGet(`${server.url}${path}`);
      assert.equal(res.status, 404, path);
      assert.equal(JSON.parse(res.body.toString()).error.code, 'bundle_build_unknown', path);
    }
    for (const path of [
      '/acct/chunks/core-Zz_0.js',
      '/acct/acct-nope.js',
      '/acct/..%2Fpackage.json',
      '/acct/x',
      `/acct/${manifest.hash}/acct-sw.js`,
      `/acct/${manifest.hash}/bundle.json`,
      `/acct/${manifest.hash}/..%2F..%2Fpackage.json`,
      `/acct/${manifest.hash}/acct/chunks/core-Zz_0.js`,
      `/acct/${manifest.hash}/acct/acct-nope.js`,
    ]) {
      const res = await rawGet(`${server.url}${path}`);
      assert.equal(res.status, 404, path);
      assert.equal(JSON.parse(res.body.toString()).error.code, 'bundle_file_unknown', path);
    }
    const latest = await rawGet(`${server.url}/acct.js`);
    assert.equal(latest.status, 200);
    assert.doesNotMatch(String(latest.headers['cache-control']), /immutable/);
    assert.match(String(latest.headers['cache-control']), /max-age=300\b/);
  });

  it('lists the chunks and element entries but not the service worker, and serves each at both URLs', async () => {
    assert.deepEqual(
      Object.keys(manifest.files).filter((file) => file.endsWith('.js')),
      ['acct.js', 'acct/acct-login.js', 'acct/chunks/core-Ab_9.js'],
    );
    const chunk = manifest.files['acct/chunks/core-Ab_9.js']!;
    assert.equal(chunk.path, `/acct/${manifest.hash}/acct/chunks/core-Ab_9.js`);
    for (const path of [chunk.path, '/acct/chunks/core-Ab_9.js']) {
      const res = await rawGet(`${server.url}${path}`, { 'Accept-Encoding': CHROME_ACCEPT_ENCODING });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers['cache-control'], YEAR, `${path}: its name changes with its content`);
      assert.equal(res.headers['access-control-allow-origin'], '*', path);
      assert.equal(sri(decoded(res)), chunk.integrity, path);
    }
    const entry = await rawGet(`${server.url}/acct/acct-login.js`);
    assert.equal(entry.status, 200);
    assert.match(String(entry.headers['cache-control']), /max-age=300\b/, 'an entry keeps its name across builds');
    assert.equal(sri(entry.body), manifest.files['acct/acct-login.js']!.integrity);
  });

  it('serves a rebuild under its new hash and refuses the old one', async () => {
    const before = manifest;
    const rebuilt = await build(bundleDir, moduleOf(2));
    assert.notEqual(rebuilt.hash, before.hash);
    const current = JSON.parse((await rawGet(`${server.url}/acct/bundle.json`)).body.toString()) as BundleManifest;
    assert.equal(current.hash, rebuilt.hash);
    const fresh = await rawGet(`${server.url}${rebuilt.files['acct.js']!.path}`);
    assert.equal(fresh.status, 200);
    assert.equal(sri(fresh.body), rebuilt.files['acct.js']!.integrity);
    assert.equal((await rawGet(`${server.url}${before.files['acct.js']!.path}`)).status, 404);
    manifest = rebuilt;
  });
});
