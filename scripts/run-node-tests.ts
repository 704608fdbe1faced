/**
 * Runs the Node-side tests (`*.test.ts` under the folders given, default `server e2e`)
 * with Node's own test runner under tsx. Node 20's `--test` cannot glob TypeScript files itself,
 * so this finds them and passes them on. Extra flags after `--` go to `node --test`.
 *
 *   tsx scripts/run-node-tests.ts server            # only the server's tests
 *   tsx scripts/run-node-tests.ts -- --test-name-pattern=cors
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const dashes = args.indexOf('--');
const roots = (dashes === -1 ? args : args.slice(0, dashes)).filter(Boolean);
const extra = dashes === -1 ? [] : args.slice(dashes + 1);

function findTests(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith('.test.ts') ? [relative(process.cwd(), path)] : [];
  });
}

const files = (roots.length ? roots : ['server', 'e2e']).flatMap((root) =>
  statSync(root, { throwIfNoEntry: false })?.isFile() ? [root] : findTests(root),
);
if (!files.length) {
  console.error(`no *.test.ts files under ${roots.join(', ')}`);
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...extra, ...files.sort()],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
