/**
 * The build's last step on the bundle (`npm run build`, after Vite): writes brotli and gzip
 * copies beside each script and source map under `widgets/dist/` (`acct.js.br`, `acct.js.gz`,
 * `acct/chunks/core-….js.br`…), at the highest levels. The server sends them as they are to
 * browsers that accept them (server/modules/bundle), so the code travels at about a quarter of its
 * size with no compression work per request.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The copies written, by file suffix. */
const COPIES = {
  br: (data: Buffer) =>
    brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gz: (data: Buffer) => gzipSync(data, { level: constants.Z_BEST_COMPRESSION }),
} as const;

/** The bundle's files under `dir`: every `.js` and `.map`, as paths relative to it with `/`, sorted. */
export async function bundleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(js|map)$/.test(entry.name) && !entry.parentPath.includes('.vite'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Writes the compressed copies of every `.js` and `.map` file under `dir`; returns the files done. */
export async function precompressBundle(dir: string): Promise<string[]> {
  const files = await bundleFiles(dir);
  for (const name of files) {
    const data = await readFile(join(dir, name));
    for (const [suffix, compress] of Object.entries(COPIES))
      await writeFile(join(dir, `${name}.${suffix}`), compress(data));
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../widgets/dist', import.meta.url));
  const files = await precompressBundle(dir);
  if (!files.includes('acct.js')) throw new Error(`no acct.js in ${dir}: run the Vite build first`);
}
