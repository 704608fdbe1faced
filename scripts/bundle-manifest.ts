/**
 * The build's step that makes the bundle pinnable (`npm run build`, after precompress-bundle.ts):
 * writes `widgets/dist/bundle.json`, naming the build by a hash of its content and giving each
 * file's Subresource Integrity hash. The server answers that build's files at
 * `/acct/<hash>/<file>` as immutable (server/modules/bundle), so a site can write
 *
 *   <script type="module" src="https://auth.example.com/acct/<hash>/acct.js"
 *           integrity="sha384-…" crossorigin="anonymous"></script>
 *
 * and the browser refuses the script if a byte of it changed. SRI hashes the decoded body, so the
 * brotli and gzip copies the server may send verify the same.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The files a pinned build holds: the module and its source map. */
export const PINNED_FILES = ['acct.js', 'acct.js.map'] as const;
export type PinnedFile = (typeof PINNED_FILES)[number];

export interface BundleManifest {
  /** acct's version (package.json). */
  version: string;
  /** The build's name in its URLs: the first 16 hex digits of the SHA-256 of its files. */
  hash: string;
  files: Record<PinnedFile, { path: string; integrity: string; bytes: number; gzipBytes: number }>;
}

export const MANIFEST_FILE = 'bundle.json';

export async function writeBundleManifest(dir: string, version: string): Promise<BundleManifest> {
  const contents = await Promise.all(PINNED_FILES.map((name) => readFile(join(dir, name))));
  const whole = createHash('sha256');
  for (const data of contents) whole.update(data);
  const hash = whole.digest('hex').slice(0, 16);
  const files = Object.fromEntries(
    PINNED_FILES.map((name, i) => {
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
  ) as BundleManifest['files'];
  const manifest: BundleManifest = { version, hash, files };
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('..', import.meta.url);
  const { version } = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { version: string };
  await writeBundleManifest(fileURLToPath(new URL('widgets/dist', root)), version);
}
