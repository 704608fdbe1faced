/**
 * Reads a V8 CPU profile (`BENCH_PROFILE=<folder> npm run bench` writes one for the acct server)
 * and prints where the time went: self time per function and per package or source folder, as a
 * share of the samples taken while the process was busy. The idle and garbage-collector entries
 * are shown apart, since they are not any function's cost.
 *
 *   npx tsx bench/cpu-profile.ts <file.cpuprofile> [top=30] [skip=0]
 *
 * `skip` leaves out the first seconds of the profile: the server's start (loading and compiling
 * modules, migrating) is not what a request costs.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, skipArg] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/cpu-profile.ts <file.cpuprofile> [top] [skip seconds]');
const top = Number(topArg ?? 30);
const skipMicros = Number(skipArg ?? 0) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map<number, number>();
let elapsed = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  elapsed += delta;
  if (elapsed >= skipMicros) selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
});

/** Where a function lives: the package under node_modules, else the path inside the project. */
function placeOf(url: string): string {
  if (!url) return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  const project = url.indexOf('/server/');
  return project !== -1 ? url.slice(project + 1) : url.replace(/^file:\/\//, '');
}

const functions = new Map<string, number>();
const places = new Map<string, number>();
let busy = 0;
const special = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (['(idle)', '(program)', '(garbage collector)'].includes(functionName)) {
    special.set(functionName, (special.get(functionName) ?? 0) + micros);
    if (functionName === '(idle)') continue;
  }
  busy += micros;
  const place = placeOf(url);
  const name = `${functionName || '(anonymous)'}  ${place}${url ? `:${lineNumber + 1}` : ''}`;
  functions.set(name, (functions.get(name) ?? 0) + micros);
  places.set(place, (places.get(place) ?? 0) + micros);
}

// Inclusive time: each sample counts once for every distinct function on its stack, so a
// middleware's figure holds everything it called (a recursive function is not counted twice).
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const inclusive = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
    if (!url || url.includes('node_modules') || url.startsWith('node:')) continue;
    const name = `${functionName || '(anonymous)'}  ${placeOf(url)}:${lineNumber + 1}`;
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
  }
}

const share = (micros: number) =>
  `${((micros / busy) * 100).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms`;
const table = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${share(micros)}  ${name}`);
};
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
console.log(
  `${file}: ${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(1)} s; ` +
    [...special].map(([name, micros]) => `${name} ${(micros / 1e6).toFixed(1)} s`).join(', '),
);
table('Self time by package or source file (share of busy time)', places);
table('Self time by function', functions);
table("Inclusive time of the project's own functions (with all they call)", inclusive);
