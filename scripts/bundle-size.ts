/**
 * `npm run size`: what a page downloads, min+gzip, against the budgets of docs/embedding.md —
 * measured on the build in `widgets/dist/` (run `npm run build` first), by following the static
 * imports Vite records in `.vite/manifest.json`. Each file is gzipped on its own at level 9, as a
 * browser receives it (the server sends brotli when it can, which is smaller still).
 *
 * - the loader, `acct.js`, with the chunk it imports (the translation registry, the list of elements);
 * - a page with only `<acct-login>`: the loader, `acct/acct-login.js`, and everything either imports
 *   statically (English included; SimpleWebAuthn and the other languages are fetched on use);
 * - what `<acct-login>` fetches of its own on demand (its provider buttons, its views besides the
 *   form), each beyond that page;
 * - each other element: what its entry adds to that page;
 * - each part of a language (core/i18n/chunks.ts), and SimpleWebAuthn with the ceremonies' code
 *   (core/webauthn-ceremonies.ts): their chunks — a language's
 *   core (English's is in the page), and each of its areas, which the elements that read them fetch;
 * - the whole kit, `acct-all.js` (every element and English, its areas included).
 *
 * The budget test (server/modules/bundle/bundle-size.test.ts) checks the same figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { alignedTable } from '../bench/text-table';
import { defineModule, ELEMENT_TAGS, LANGUAGE_SOURCE, WEBAUTHN_SOURCE } from '../widgets/src/loader/element-tags';

export const DIST = fileURLToPath(new URL('../widgets/dist', import.meta.url));
const KiB = 1024;

/** The budgets, in bytes of min+gzip (issue 13). */
export const BUDGETS = {
  loader: 3 * KiB,
  loginPage: 20 * KiB,
  element: 8 * KiB,
  language: 4 * KiB,
  kit: 70 * KiB,
} as const;
export type BudgetName = keyof typeof BUDGETS;

export interface SizeRow {
  /** What is weighed, e.g. `<acct-login> page` or `language fr`. */
  what: string;
  budget: BudgetName;
  /** min+gzip bytes. */
  bytes: number;
  /** The files counted. */
  files: string[];
  /** For a language's chunk: the language, and the area when it is not the language's core. */
  language?: { tag: string; area?: string };
}

interface ManifestChunk {
  file: string;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** Vite's record of the build in `dir`: each file's imports. Absent until `npm run build`. */
export const viteManifest = (dir = DIST) => join(dir, '.vite', 'manifest.json');

export function measureBundle(dir = DIST): SizeRow[] {
  if (!existsSync(viteManifest(dir))) throw new Error(`There is no build in ${dir}: run \`npm run build\` first.`);
  const manifest = JSON.parse(readFileSync(viteManifest(dir), 'utf8')) as Record<string, ManifestChunk>;
  const gzipped = new Map<string, number>();
  const weigh = (file: string) => {
    let bytes = gzipped.get(file);
    if (bytes === undefined) gzipped.set(file, (bytes = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length));
    return bytes;
  };
  const total = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + weigh(file), 0);

  /** A chunk's file and every file it imports statically, transitively. */
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest: run \`npm run build\``);
    if (!into.has(chunk.file)) {
      into.add(chunk.file);
      for (const imported of chunk.imports ?? []) closure(imported, into);
    }
    return into;
  };

  const loader = closure('src/loader/loader.ts');
  const loginPage = closure(`src/${defineModule('acct-login')}`, new Set(loader));
  const rows: SizeRow[] = [
    // acct.js cannot run without the chunk it imports (the translation registry, the element
    // table), so that counts too: what a page with acct.js and no element pays.
    { what: 'loader (acct.js and what it imports)', budget: 'loader', bytes: total(loader), files: [...loader] },
    { what: 'page with only <acct-login>', budget: 'loginPage', bytes: total(loginPage), files: [...loginPage] },
  ];
  // What `<acct-login>` fetches of its own when a flow needs it (the provider buttons, the views
  // besides the form): not in the page, but weighed, so that moving code out of it shows where it went.
  const loginEntry = manifest[`src/${defineModule('acct-login')}`]!;
  for (const key of loginEntry.dynamicImports ?? []) {
    const added = [...closure(key)].filter((file) => !loginPage.has(file));
    const name = key.match(/([a-z-]+)\.ts$/)?.[1] ?? key;
    rows.push({ what: `<acct-login> on demand: ${name}`, budget: 'element', bytes: total(added), files: added });
  }
  for (const tag of ELEMENT_TAGS.filter((t) => t !== 'acct-login')) {
    const added = [...closure(`src/${defineModule(tag)}`)].filter((file) => !loginPage.has(file));
    rows.push({ what: `<${tag}> beyond that page`, budget: 'element', bytes: total(added), files: added });
  }
  for (const [key, chunk] of Object.entries(manifest)) {
    const part = chunk.src?.match(LANGUAGE_SOURCE)?.[1];
    if (part) {
      const [tag, area] = [part.slice(0, 2), part.slice(3) || undefined];
      const what = area ? `language ${tag}, area ${area}` : `language ${tag}`;
      const language = area ? { tag, area } : { tag };
      rows.push({ what, budget: 'language', bytes: weigh(chunk.file), files: [chunk.file], language });
    } else if (key.includes(WEBAUTHN_SOURCE)) {
      // Fetched together with the ceremonies' own code (core/webauthn-ceremonies.ts); the library first.
      const ceremonies = [...closure('src/core/webauthn-ceremonies.ts')].filter((file) => !loginPage.has(file));
      const files = [chunk.file, ...ceremonies];
      rows.push({
        what: 'SimpleWebAuthn and the ceremonies, on first passkey use',
        budget: 'element',
        bytes: total(files),
        files,
      });
    }
  }
  rows.push({ what: 'whole kit (acct-all.js)', budget: 'kit', bytes: weigh('acct-all.js'), files: ['acct-all.js'] });
  return rows;
}

const kib = (bytes: number) => (bytes / KiB).toFixed(1);

/**
 * The rows as the table shows them: a language's areas (eleven per language) as one row, its
 * largest — the budget test checks every one.
 */
function printed(rows: SizeRow[]): SizeRow[] {
  const largest = new Map<string, SizeRow>();
  for (const row of rows) {
    const tag = row.language?.area && row.language.tag;
    if (tag && row.bytes > (largest.get(tag)?.bytes ?? -1)) largest.set(tag, row);
  }
  return rows.flatMap((row) => {
    if (!row.language?.area) return [row];
    if (largest.get(row.language.tag) !== row) return [];
    return [{ ...row, what: `language ${row.language.tag}, largest area (${row.language.area})` }];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = measureBundle();
  const table = [
    ['what', 'KiB min+gzip', 'budget', ''],
    ...printed(rows).map((row) => [
      row.what,
      kib(row.bytes),
      kib(BUDGETS[row.budget]),
      row.bytes <= BUDGETS[row.budget] ? 'ok' : 'OVER',
    ]),
  ];
  for (const line of alignedTable(table, 1)) console.log(line);
  const over = rows.filter((row) => row.bytes > BUDGETS[row.budget]).length;
  console.log(`\n${rows.length - over} of ${rows.length} within budget (every language area counted).`);
}
