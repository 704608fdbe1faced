/**
 * The runner's side of the child processes: `startChild` forks one of `children/` under tsx with
 * its settings and resolves once it reports ready, with that report and handles to read its
 * event-loop delay and to stop it. Every child is registered for clean-up as it starts, so none
 * survives the run, whichever way the run ends.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { AcctReady, AcctSettings } from './children/acct-server';
import type { Argon2Result, Argon2Settings } from './children/argon2-verify';
import type { BareReady } from './children/bare-server';
import type { BetterAuthReady, BetterAuthSettings } from './children/better-auth-server';
import type { FloorReady, FloorSettings } from './children/floor-server';
import type { ChildMessage, LoopDelay, ParentMessage } from './children/protocol';
import { onCleanup } from './cleanup';

/** Each child entry's settings and what it reports when ready. */
interface Children {
  'acct-server': { settings: AcctSettings; ready: AcctReady };
  'bare-server': { settings: Record<string, never>; ready: BareReady };
  'argon2-verify': { settings: Argon2Settings; ready: Argon2Result };
  'better-auth-server': { settings: BetterAuthSettings; ready: BetterAuthReady };
  'floor-server': { settings: FloorSettings; ready: FloorReady };
}

export interface Child<Ready> {
  ready: Ready;
  /** Starts recording the child's event-loop delay (from zero). */
  startLoopDelay(): void;
  /** Stops recording and returns what was recorded. */
  readLoopDelay(): Promise<LoopDelay>;
  /** Ends the process (SIGTERM, then SIGKILL if it lingers); safe to call twice. */
  stop(): Promise<void>;
}

/** `BENCH_PROFILE=<folder>`: each server writes a V8 CPU profile in <folder>/<entry> as it exits (`--cpu-prof`). */
const PROFILE_DIR = process.env.BENCH_PROFILE || undefined;

/** The Node the servers run on (`BENCH_NODE`, node-binary.ts); the runner's own by default. */
let serverNode: string | undefined;
export function runServersOn(binary: string): void {
  serverNode = binary;
}

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const STARTUP_TIMEOUT_MS = 120_000;
// Writing a CPU profile takes a moment after the exit begins.
const STOP_GRACE_MS = PROFILE_DIR ? 30_000 : 3_000;

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // A child exits by itself once the channel closes (protocol.ts), which lets Node write a CPU
  // profile; a signal would end it before that.
  if (child.connected) child.disconnect();
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

function nextMessage<Ready>(child: ChildProcess, entry: string): Promise<ChildMessage<Ready>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage<Ready>) => {
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null, signal: string | null) => {
      child.off('message', onMessage);
      reject(new Error(`${entry} exited (${signal ?? `code ${code}`}) before answering`));
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startChild<Entry extends keyof Children>(
  entry: Entry,
  settings: Children[Entry]['settings'],
): Promise<Child<Children[Entry]['ready']>> {
  type Ready = Children[Entry]['ready'];
  const child = fork(fileURLToPath(new URL(`./children/${entry}.ts`, import.meta.url)), [JSON.stringify(settings)], {
    cwd: PROJECT_ROOT,
    // The raw argon2 loop is the sign-in's control: it runs on the same Node as the servers.
    ...(serverNode ? { execPath: serverNode } : {}),
    execArgv: [
      '--import',
      'tsx',
      ...(PROFILE_DIR && entry.endsWith('-server') ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}/${entry}`] : []),
    ],
    // The acct server logs every request (children/acct-server.ts): its output is not shown.
    stdio: ['ignore', entry === 'acct-server' ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  const stop = () => stopProcess(child);
  onCleanup(`stopping ${entry}`, stop);

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${entry} did not start within ${STARTUP_TIMEOUT_MS / 1000} s`)),
      STARTUP_TIMEOUT_MS,
    );
  });
  const first = await Promise.race([nextMessage<Ready>(child, entry), timeout]).finally(() => clearTimeout(timer));
  if (first.type !== 'ready')
    throw new Error(`${entry} failed: ${first.type === 'failed' ? first.message : first.type}`);

  const send = (message: ParentMessage) => child.send(message);
  return {
    ready: first.value,
    startLoopDelay: () => send({ type: 'loop-delay:start' }),
    async readLoopDelay() {
      const answer = nextMessage<Ready>(child, entry);
      send({ type: 'loop-delay:read' });
      const message = await answer;
      if (message.type !== 'loop-delay') throw new Error(`${entry} answered ${message.type} to a loop-delay request`);
      return message.value;
    },
    stop,
  };
}
