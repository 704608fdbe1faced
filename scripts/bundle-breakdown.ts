/**
 * `npm run size:breakdown`: where the bytes of the page with only `<acct-login>` go (the files
 * `npm run size` counts for it), by part of the code — Lit, the session store, English's strings,
 * the element itself… Each file's min+gzip size is shared among the source modules its source map
 * says its minified code came from, in proportion to their minified bytes (gzip compresses the
 * whole file at once, so a module's own compressed size does not exist; this is an estimate, and
 * the parts add up to the measured total). Run `npm run build` first. docs/embedding.md quotes it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';
import { alignedTable } from '../bench/text-table';
import { DIST, measureBundle } from './bundle-size';

/** The parts, by the path of the source module; the first that matches. */
const PARTS: [name: string, source: RegExp][] = [
  ['Lit and @lit/task', /node_modules\/(lit|lit-html|lit-element|@lit)\//],
  ['<acct-login> itself (its modules, styles and templates)', /elements\/login\//],
  ['English core strings and the string registry', /core\/i18n\//],
  ['the loader and its element table', /\/loader\//],
  [
    'session store, API client, wire contract',
    /core\/(session|api-client|return-code|browser-key|storage|server-url|deletion-notice|events)|contract\//,
  ],
  ['passkey ceremonies (SimpleWebAuthn itself comes on use)', /core\/webauthn/],
  // Everything else, and the bundler's own glue (no source).
  ['base element, theme, colour scheme, shared views', /^/],
];

/** Minified bytes per part in `file`, from its source map. */
async function minifiedBytesByPart(file: string): Promise<Map<string, number>> {
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
    const part = PARTS.find(([, source]) => source.test(segment.source))![0];
    bytes.set(part, (bytes.get(part) ?? 0) + end - segment.column);
  });
  return bytes;
}

export async function loginPageBreakdown(dir = DIST): Promise<Map<string, number>> {
  const page = measureBundle(dir).find((row) => row.budget === 'loginPage')!;
  const shares = new Map<string, number>();
  for (const name of page.files) {
    const file = join(dir, name);
    const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
    const bytes = await minifiedBytesByPart(file);
    const mapped = [...bytes.values()].reduce((sum, n) => sum + n, 0);
    for (const [part, n] of bytes) shares.set(part, (shares.get(part) ?? 0) + (gzipped * n) / mapped);
  }
  return shares;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const shares = [...(await loginPageBreakdown())].sort((a, b) => b[1] - a[1]);
  const total = shares.reduce((sum, [, n]) => sum + n, 0);
  const kib = (n: number) => (n / 1024).toFixed(1);
  const table = [
    ['page with only <acct-login>, by part', 'KiB min+gzip'],
    ...shares.map(([part, n]) => [part, kib(n)]),
    ['total', kib(total)],
  ];
  for (const line of alignedTable(table, 1)) console.log(line);
}
