/**
 * ONE-OFF (issue 9): rewrites the comments that cite documents kept outside the repository —
 * SECURITY.md, DESIGN.md, STYLE.md, VERIFIED.md — and the README sections that moved to docs/, so
 * that every citation names a file in the repo. Run once by the lead after the issue's branches
 * are merged (`npx tsx scripts/rewrite-doc-citations.ts`, then `npm run lint:docs`), then delete
 * this file. Prints each file it changed and how many citations it rewrote; `--dry-run` only
 * prints.
 *
 * The check IDs (A1 … I5) and section names are the same in the new files, so only the file
 * name changes; DESIGN.md's sections also get their number in docs/architecture.md.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

const ROOT = process.cwd();
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage', 'test-results', '.data', 'docs']);
const SELF = new Set(['scripts/rewrite-doc-citations.ts', 'scripts/check-doc-references.ts']);
const SCANNED = new Set(['.ts', '.mjs', '.md', '.html']);

/** DESIGN.md's section names and their numbers in docs/architecture.md. */
const ARCHITECTURE_SECTIONS: Record<string, string> = {
  'Who uses it': '§1',
  'The parts': '§2',
  Data: '§4',
  'Row level security is real': '§5',
  'Sign-in and sessions': '§6',
  Elements: '§7',
  Onboarding: '§8',
  'The demo': '§9',
  'Background work': '§10',
  Errors: '§3.2',
  Scale: '§11',
};

/** Not preceded by a path character, so `docs/security.md` or a URL is never rewritten twice. */
const cited = (name: string) => new RegExp(`(?<![\\w/.-])${name.replace('.', '\\.')}`, 'g');

const rules: [RegExp, string | ((...groups: string[]) => string)][] = [
  // DESIGN.md "Data" / DESIGN.md, "Elements" → docs/architecture.md §4 "Data" / §7, "Elements"
  [
    /(?<![\w/.-])DESIGN\.md(,?) "([^"]+)"/g,
    (_match, comma: string, name: string) => {
      const number = ARCHITECTURE_SECTIONS[name];
      return `docs/architecture.md${number ? ` ${number}` : ''}${comma} "${name}"`;
    },
  ],
  [cited('DESIGN.md'), 'docs/architecture.md'],
  [cited('SECURITY.md'), 'docs/security.md'],
  [cited('STYLE.md'), 'docs/contributing.md'],
  [cited('VERIFIED.md'), 'docs/contributing.md ("Verified on these machines")'],
  // README sections that moved to docs/.
  [/README "Database roles"/g, 'docs/deploying.md "Database roles"'],
  [/README "Verifying acct's tokens"/g, `docs/deploying.md "Verifying acct's tokens in a site backend"`],
  [/the README's security notes/g, 'docs/http-api.md "Proving an address"'],
  [/a row in the README's settings table/g, 'a row in docs/settings.md'],
  [/Rate-limit defaults, for the README\./g, 'Rate-limit defaults, listed in docs/settings.md "Rate limits".'],
];

function walk(dir: string, files: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(path, files);
    } else if (SCANNED.has(extname(entry.name)) && !SELF.has(relative(ROOT, path))) {
      files.push(relative(ROOT, path));
    }
  }
  return files;
}

const dryRun = process.argv.includes('--dry-run');
let total = 0;
for (const file of walk(ROOT)) {
  const before = readFileSync(file, 'utf8');
  let count = 0;
  let after = before;
  for (const [pattern, replacement] of rules) {
    after = after.replace(pattern, (...args: string[]) => {
      count++;
      return typeof replacement === 'string' ? replacement : replacement(...args);
    });
  }
  if (after !== before) {
    total += count;
    console.log(`${file}: ${count}`);
    if (!dryRun) writeFileSync(file, after);
  }
}
console.log(`${total} citation(s) ${dryRun ? 'would be ' : ''}rewritten`);
