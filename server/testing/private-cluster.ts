/**
 * A PostgreSQL cluster of the test's own — `initdb` in a temporary folder, started and stopped
 * with `pg_ctl` on a spare loopback port — for tests that must stop the database under a running
 * server (server/faults/postgres-restart.test.ts). The shared cluster on 5432 is never touched.
 * Run as root, the commands run as the `postgres` user (initdb refuses root). Without the server
 * binaries, `privateClusterUnavailable()` says why, and the test is skipped with that message.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process';

const run = promisify(execFile);
const ROOTS = ['/usr/lib/postgresql'];

/** The newest installed server's bin folder (Debian's layout), or undefined. */
function binDir(): string | undefined {
  for (const root of ROOTS) {
    if (!existsSync(root)) continue;
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  return undefined;
}

const asRoot = process.getuid?.() === 0;

/** Why a private cluster cannot run here (then skip), or false. */
export function privateClusterUnavailable(): string | false {
  if (!binDir()) return 'no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql';
  return false;
}

export interface PrivateCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication). */
  url: string;
  /** Stops the server (fast shutdown: connections are cut) and waits until it is down. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data, waiting until it accepts connections. */
  start(): Promise<void>;
  /** Stops it if running and deletes its folder. */
  destroy(): Promise<void>;
}

export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = binDir();
  if (!bin) throw new Error(privateClusterUnavailable() || 'no PostgreSQL binaries');
  const dir = await mkdtemp(join(tmpdir(), 'acct-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const exec = async (tool: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    await run(file, argv, { timeout: 60_000 });
  };
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout), Number(gid));
  }
  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--no-locale']);
  // Durability is not what these tests are about: fsync off keeps start-ups quick.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const start = () => exec('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
  const stop = () => exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      await stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
