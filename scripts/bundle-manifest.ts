/**
 * The build's step that makes the bundle pinnable (`npm run build`, after precompress-bundle.ts):
 * writes `widgets/dist/bundle.json`, naming the build by a hash of its content and giving each
 * file's Subresource Integrity hash. The server answers that build's files at
 * `/acct/<hash>/<file>` as immutable (server/modules/bundle), so a site can write
 *
 *   <script type="module" src="https://auth.example.com/acct/<hash>/acct-all.js"
 *           integrity="sha384-…" crossorigin="anonymous"></script>
 *
 * and the browser refuses the script if a byte of it changed. SRI hashes the decoded body, so the
 * brotli and gzip copies the server may send verify the same. The loader's chunks are listed too,
 * for an import map's `integrity` (docs/embedding.md).
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleFiles } from './precompress-bundle';

/**
 * Files that are not part of a pinned build: the push service worker, which a site serves from its
 * own origin rather than loading from acct's.
 */
const UNPINNED = new Set(['acct-sw.js', 'acct-sw.js.map']);

export interface PinnedFile {
  /** Where the pinned copy is served: `/acct/<hash>/<file>`. */
  path: string;
  /** Subresource Integrity of the file as sent, decoded. */
  integrity: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleManifest {
  /** acct's version (package.json). */
  version: string;
  /** The build's name in its URLs: the first 16 hex digits of the SHA-256 of its files. */
  hash: string;
  /** Every file of the build by its path under the build's folder: `acct.js`, `acct/acct-login.js`… */
  files: Record<string, PinnedFile>;
}

export const MANIFEST_FILE = 'bundle.json';

export async function writeBundleManifest(dir: string, version: string): Promise<BundleManifest> {
  const names = (await bundleFiles(dir)).filter((name) => !UNPINNED.has(name));
  const contents = await Promise.all(names.map((name) => readFile(join(dir, name))));
  const whole = createHash('sha256');
  names.forEach((name, i) => whole.update(name).update('\0').update(contents[i]!));
  const hash = whole.digest('hex').slice(0, 16);
  const files = Object.fromEntries(
    names.map((name, i) => {
      const data = contents[i]!;
      return [
        name,
        {
          path: `/acct/${hash}/${name}`,
          integrity: `sha384-${createHash('sha384').update(data).digest('base64')}`,
          bytes: data.length,
          gzipBytes: gzipSync(data, { level: 9 }).length,
        },
      ];
    }),
  );
  const manifest: BundleManifest = { version, hash, files };
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('..', import.meta.url);
  const { version } = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { version: string };
  await writeBundleManifest(fileURLToPath(new URL('widgets/dist', root)), version);
}
