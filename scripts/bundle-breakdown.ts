/**
 * `npm run size:breakdown`: where the bytes of the page with only `<acct-login>` go (the files
 * `npm run size` counts for it), by part of the code — Lit, the session store, English's strings,
 * the element itself… — and those of the kit (`acct-all.js`), by element. Each file's min+gzip
 * size is shared among the source modules its source map says its minified code came from, in
 * proportion to their minified bytes (gzip compresses the whole file at once, so a module's own
 * compressed size does not exist; this is an estimate, and the parts add up to the measured
 * total). Run `npm run build` first. docs/embedding.md quotes it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';
import { alignedTable } from '../bench/text-table';
import { ELEMENT_TAGS } from '../widgets/src/loader/element-tags';
import { DIST, measureBundle } from './bundle-size';

type Parts = [name: string, source: RegExp][];

/** The login page's parts, by the path of the source module; the first that matches. */
const LOGIN_PAGE_PARTS: Parts = [
  ['Lit and @lit/task', /node_modules\/(lit|lit-html|lit-element|@lit)\//],
  ['<acct-login> itself (its modules, styles and templates)', /elements\/login\//],
  // The isolation of right-to-left values (contract/bidi.ts, done by i18n/index.ts) is part of it.
  ['English core strings and the string registry', /core\/i18n\/|contract\/bidi/],
  ['the loader and its list of elements', /\/loader\//],
  [
    'session store, API client, wire contract',
    /core\/(session|api-client|return-code|browser-key|storage|server-url|deletion-notice|events)|contract\//,
  ],
  ['passkeys: support, one-request rule (the ceremonies come on use)', /core\/webauthn/],
  // Everything else, and the bundler's own glue (no source).
  ['base element, theme, colour scheme, shared views', /^/],
];

/** The kit's parts: each element's folder (with the modules only it uses), English, Lit, the rest. */
const KIT_PARTS: Parts = [
  ['Lit and @lit/task', /node_modules\/(lit|lit-html|lit-element|@lit)\//],
  ["English (core and every element's areas)", /core\/i18n\/|contract\/bidi/],
  ...[...new Set(ELEMENT_TAGS)].map((tag): [string, RegExp] => [`<${tag}>`, new RegExp(`elements/${tag.slice(5)}/`)]),
  ['shared: session store, API client, base element, theme, views…', /^/],
];

/** Minified bytes per part in `file`, from its source map. */
async function minifiedBytesByPart(file: string, parts: Parts): Promise<Map<string, number>> {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as RawSourceMap;
  const lines = code.split('\n');
  const segments: { line: number; column: number; source: string }[] = [];
  await SourceMapConsumer.with(map, null, (consumer) =>
    consumer.eachMapping((m) =>
      segments.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source ?? '' }),
    ),
  );
  segments.sort((a, b) => a.line - b.line || a.column - b.column);
  const bytes = new Map<string, number>();
  segments.forEach((segment, i) => {
    const next = segments[i + 1];
    const end = next && next.line === segment.line ? next.column : lines[segment.line - 1]!.length;
    const part = parts.find(([, source]) => source.test(segment.source))![0];
    bytes.set(part, (bytes.get(part) ?? 0) + end - segment.column);
  });
  return bytes;
}

/** Each part's share of the min+gzip bytes of `files` (under `dir`). */
async function breakdown(dir: string, files: readonly string[], parts: Parts): Promise<Map<string, number>> {
  const shares = new Map<string, number>();
  for (const name of files) {
    const file = join(dir, name);
    const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
    const bytes = await minifiedBytesByPart(file, parts);
    const mapped = [...bytes.values()].reduce((sum, n) => sum + n, 0);
    for (const [part, n] of bytes) shares.set(part, (shares.get(part) ?? 0) + (gzipped * n) / mapped);
  }
  return shares;
}

export function loginPageBreakdown(dir = DIST): Promise<Map<string, number>> {
  const page = measureBundle(dir).find((row) => row.budget === 'loginPage')!;
  return breakdown(dir, page.files, LOGIN_PAGE_PARTS);
}

export function kitBreakdown(dir = DIST): Promise<Map<string, number>> {
  return breakdown(dir, ['acct-all.js'], KIT_PARTS);
}

function print(title: string, shares: Map<string, number>): void {
  const sorted = [...shares].sort((a, b) => b[1] - a[1]);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  const kib = (n: number) => (n / 1024).toFixed(1);
  const table = [[title, 'KiB min+gzip'], ...sorted.map(([part, n]) => [part, kib(n)]), ['total', kib(total)]];
  for (const line of alignedTable(table, 1)) console.log(line);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  print('page with only <acct-login>, by part', await loginPageBreakdown());
  console.log();
  print('whole kit (acct-all.js), by element', await kitBreakdown());
}
