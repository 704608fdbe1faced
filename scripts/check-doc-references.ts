/**
 * Fails (exit 1) when the code or the docs cite a file that is not in the repository, so that a
 * comment saying "see docs/security.md A3" or "server/db/as-user.ts" can be followed. Part of
 * `npm run lint:docs`.
 *
 * What counts as a citation, in the comments of `.ts` / `.mjs` files and anywhere in `.md` /
 * `.html` files (outside node_modules and build output):
 * - a bare Markdown file name such as `README.md`: it must exist at the root or beside the
 *   citing file;
 * - a path whose first folder is one of the repository's own (`server/…`, `docs/…`, `.ci/run`)
 *   or that starts with `./` or `../`: it must exist, relative to the root or to the citing file
 *   (a `.js` path may name its `.ts` source, as imports do). Paths in URLs (`https://…/server/x.ts`)
 *   and under a folder the repository does not have (another project's `src/…`) are not ours;
 * - in Markdown, every relative link `[text](target)`, and its `#anchor` when it points into a
 *   Markdown file (GitHub's heading anchors).
 * Files that git ignores (build output such as `widgets/dist/acct.js`) count as existing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, relative } from 'node:path';

const ROOT = process.cwd();
/** Folders never scanned: dependencies, git, build and test output, the embedded database. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage', 'test-results', '.data', 'tmp']);
/** Generated folders never scanned either: the npm package (its README is docs/npm.md, copied). */
const SKIPPED_PATHS = new Set(['widgets/npm']);
const SCANNED = new Set(['.ts', '.mjs', '.md', '.html']);

/**
 * A path-like token with at least one `/`, not preceded by a letter, digit, `/`, `.`, `-`, `@` or
 * `:` (so not the tail of a URL or a scoped package name). A trailing `.` ends a sentence.
 */
const PATH = /(?<![\w/.@:-])((?:\.{1,2}\/)?[\w.-]+(?:\/[\w.-]+)+\/?)/g;
const BARE_MD = /(?<![\w/.@:-])(?<!\]\()([\w-]+\.md)\b/g;
const MD_LINK = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

interface Citation {
  /** The missing file as reported. */
  target: string;
  /** Every path it may mean; if git ignores any of them, it is build output, not missing. */
  candidates: string[];
  from: string;
  line: number;
}

function walk(dir: string, files: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !SKIPPED_PATHS.has(relative(ROOT, path))) walk(path, files);
    } else if (SCANNED.has(extname(entry.name))) {
      files.push(relative(ROOT, path));
    }
  }
  return files;
}

/** The comments of a script, with everything else blanked so that line numbers still hold. */
function commentsOf(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|[^\n]/g, (match) =>
    match.startsWith('/*') || match.startsWith('//') ? match : ' ',
  );
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let anchors = anchorCache.get(file);
  if (!anchors) {
    anchors = new Set();
    const seen = new Map<string, number>();
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
    for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+)$/gm)) {
      const base = slug(heading ?? '');
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count ? `${base}-${count}` : base);
    }
    anchorCache.set(file, anchors);
  }
  return anchors;
}

const topLevel = new Set(
  readdirSync(ROOT, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !SKIPPED_DIRS.has(e.name))
    .map((e) => e.name),
);

function exists(path: string): boolean {
  if (existsSync(path)) return true;
  return path.endsWith('.js') && existsSync(path.replace(/\.js$/, '.ts'));
}

function citationsIn(file: string): Citation[] {
  const raw = readFileSync(file, 'utf8');
  const isScript = file.endsWith('.ts') || file.endsWith('.mjs');
  const text = isScript ? commentsOf(raw) : raw;
  const here = dirname(file);
  const found: Citation[] = [];
  const cite = (target: string, index: number, candidates = [target]) =>
    found.push({ target, candidates, from: file, line: lineAt(text, index) });

  for (const match of text.matchAll(PATH)) {
    const token = (match[1] ?? '').replace(/\.+$/, '');
    const first = token.split('/')[0] ?? '';
    const relativeToFile = token.startsWith('./') || token.startsWith('../');
    if (!relativeToFile && !topLevel.has(first)) continue;
    // `./.data` in prose may mean the working directory: the root, or beside the citing file.
    const meanings = [normalize(token), normalize(join(here, token))];
    if (!meanings.some(exists)) cite(relativeToFile ? normalize(join(here, token)) : token, match.index, meanings);
  }
  for (const match of text.matchAll(BARE_MD)) {
    const name = match[1] ?? '';
    if (!exists(name) && !exists(join(here, name))) cite(name, match.index);
  }
  if (file.endsWith('.md')) {
    const prose = raw.replace(/```[\s\S]*?```/g, (block) => block.replace(/[^\n]/g, ' '));
    for (const match of prose.matchAll(MD_LINK)) {
      const link = match[1] ?? '';
      if (/^[a-z][a-z+.-]*:/i.test(link)) continue; // https:, mailto: …
      const [path = '', anchor] = link.split('#');
      const target = path ? normalize(join(here, path)) : file;
      if (!exists(target)) cite(target, match.index);
      else if (anchor && target.endsWith('.md') && !anchorsOf(target).has(anchor))
        cite(`${target}#${anchor}`, match.index);
    }
  }
  return found;
}

/** Missing paths that git ignores are build or test output, which exists once built. */
function ignoredByGit(paths: string[]): Set<string> {
  if (!paths.length) return new Set();
  try {
    // Each path also as a folder (`.data/`), since a pattern ending in `/` matches only folders.
    const asked = paths.flatMap((p) => [p, `${p.replace(/\/$/, '')}/`]);
    const out = execFileSync('git', ['check-ignore', '--no-index', '--stdin'], {
      input: asked.join('\n'),
      encoding: 'utf8',
    });
    return new Set(
      out
        .split('\n')
        .filter(Boolean)
        .flatMap((p) => [p, p.replace(/\/$/, '')]),
    );
  } catch {
    return new Set(); // exit 1: none is ignored
  }
}

const citations = walk(ROOT).flatMap(citationsIn);
const generated = ignoredByGit([...new Set(citations.flatMap((c) => c.candidates).filter((t) => !t.includes('#')))]);
const byTarget = new Map<string, Citation[]>();
for (const c of citations) {
  if (c.candidates.some((candidate) => generated.has(candidate))) continue;
  byTarget.set(c.target, [...(byTarget.get(c.target) ?? []), c]);
}

if (byTarget.size) {
  for (const [target, cited] of [...byTarget].sort(([a], [b]) => a.localeCompare(b))) {
    const where = cited.map((c) => `${c.from}:${c.line}`);
    console.error(
      `${target} does not exist; cited ${cited.length}× at ${where.slice(0, 5).join(', ')}${where.length > 5 ? ', …' : ''}`,
    );
  }
  const total = [...byTarget.values()].reduce((n, c) => n + c.length, 0);
  console.error(`\n${byTarget.size} missing file(s) or anchor(s), ${total} citation(s).`);
  process.exit(1);
}
