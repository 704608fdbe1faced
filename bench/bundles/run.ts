/**
 * `npm run bench:bundles`: what a page downloads to show a sign-in form — acct's against the peers
 * that a site embeds the same way — each weighed in the same run as acct's own build, which is the
 * baseline of the ratios. Run `npm run build` first. A peer's files are its published package, as
 * its CDN serves them (bench/bundles/peer-packages.ts: pinned versions, fetched once), gzipped at
 * level 9 like acct's (scripts/bundle-size.ts) and brotli'd at quality 11, each file on its own.
 *
 * - acct: the page with only `<acct-login>` (the loader, the element, the core chunk), and the
 *   whole kit in one file (`acct-all.js`, every element and English);
 * - Hanko: `@teamhanko/hanko-elements`'s `elements.js`, one file holding every element (there is no
 *   per-element entry), English included;
 * - Clerk: what drawing `<SignIn/>` fetches — clerk.browser.js, @clerk/ui's ui.browser.js, and the
 *   chunks its `SignIn` loader imports, read from that file's chunk table. The scripts Clerk's
 *   frontend API or a captcha would add at run time are not counted: a lower bound.
 *
 * Auth0 and Better Auth are not here: Auth0's recommended sign-in is its hosted page (its embeddable
 * Lock is published as source only), and Better Auth ships no sign-in interface.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DIST, measureBundle, type BudgetName } from '../../scripts/bundle-size';
import { ELEMENT_TAGS } from '../../widgets/src/loader/element-tags';
import { alignedTable } from '../text-table';
import { PEER_PACKAGES, unpackedPeer } from './peer-packages';

interface Weighed {
  what: string;
  /** Absolute paths of the files a browser fetches for it. */
  files: string[];
}

const KiB = 1024;

function weigh(files: readonly string[]): { gzip: number; brotli: number } {
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { gzip, brotli };
}

/** acct's rows, from the build's manifest as `npm run size` reads it. */
function acctRows(): Weighed[] {
  const rows = measureBundle();
  const files = (budget: BudgetName) =>
    rows.find((row) => row.budget === budget)!.files.map((file) => join(DIST, file));
  return [
    { what: 'acct: page with only <acct-login>', files: files('loginPage') },
    { what: `acct: whole kit (acct-all.js, ${new Set(ELEMENT_TAGS).size} elements)`, files: files('kit') },
  ];
}

/**
 * The files of Clerk's `<SignIn/>`. ui.browser.js is a webpack build: its `SignIn` loader is
 * `Promise.all([r.e(<chunk id>), …])`, and a chunk's file is `<name or id>_ui_<6 hex>_<version>.js`,
 * the names in a table beside the build's hash. A format this does not recognise stops the run
 * rather than weighing the wrong files.
 */
function clerkSignInFiles(clerkJs: string, clerkUi: string): string[] {
  const dist = join(clerkUi, 'dist');
  const entry = readFileSync(join(dist, 'ui.browser.js'), 'utf8');
  const loader = /SignIn:\(\)=>Promise\.all\(\[([^\]]+)\]\)/.exec(entry)?.[1];
  const table =
    /\(\{((?:\d+:"[\w-]+",?)+)\}\)\[\w+\]\|\|\w+\)\+"_ui_"\+\w+\.h\(\)\.slice\(0,6\)\+"_([\d.]+)\.js",\w+\.h=\(\)=>"([0-9a-f]{6})/.exec(
      entry,
    );
  if (!loader || !table) throw new Error(`${PEER_PACKAGES.clerkUi.name}: ui.browser.js is not laid out as expected`);
  const names = new Map([...table[1]!.matchAll(/(\d+):"([\w-]+)"/g)].map(([, id, name]) => [id!, name!]));
  const chunks = [...loader.matchAll(/\.e\((\d+)\)/g)].map(
    ([, id]) => `${names.get(id!) ?? id}_ui_${table[3]}_${table[2]}.js`,
  );
  return [
    join(clerkJs, 'dist', 'clerk.browser.js'),
    join(dist, 'ui.browser.js'),
    ...chunks.map((file) => join(dist, file)),
  ];
}

function peerRows(progress: (text: string) => void): Weighed[] {
  const hanko = unpackedPeer(PEER_PACKAGES.hankoElements, progress);
  const clerkJs = unpackedPeer(PEER_PACKAGES.clerkJs, progress);
  const clerkUi = unpackedPeer(PEER_PACKAGES.clerkUi, progress);
  const { hankoElements, clerkJs: js, clerkUi: ui } = PEER_PACKAGES;
  return [
    {
      what: `Hanko ${hankoElements.version}: elements.js (every element)`,
      files: [join(hanko, 'dist', 'elements.js')],
    },
    { what: `Clerk ${js.version} + ui ${ui.version}: <SignIn/>, at least`, files: clerkSignInFiles(clerkJs, clerkUi) },
  ];
}

function main(): void {
  const progress = (text: string) => console.error(text);
  const rows = [...acctRows(), ...peerRows(progress)].map((row) => ({ ...row, ...weigh(row.files) }));
  const baseline = rows[0]!;
  const kib = (bytes: number) => (bytes / KiB).toFixed(1);
  const ratio = (bytes: number, base: number) => `${(bytes / base).toFixed(2)}×`;
  console.log(
    `Sign-in bundles, ${new Date().toISOString().slice(0, 10)}; ratios against acct's page with only <acct-login>\n`,
  );
  const table = [
    ['what a page downloads', 'files', 'KiB gzip', 'KiB brotli', '× gzip', '× brotli'],
    ...rows.map((row) => [
      row.what,
      String(row.files.length),
      kib(row.gzip),
      kib(row.brotli),
      ratio(row.gzip, baseline.gzip),
      ratio(row.brotli, baseline.brotli),
    ]),
  ];
  for (const line of alignedTable(table, 1)) console.log(line);
}

main();
