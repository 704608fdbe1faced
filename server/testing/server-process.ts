/**
 * acct as a process, the way `npm run serve` runs it (server/main.ts under tsx), for the tests of
 * the process itself (main.test.ts) and of several processes on one database
 * (multi-process.test.ts): its output kept, its "listening" log lines read back.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

const MAIN = new URL('../main.ts', import.meta.url).pathname;

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts server/main.ts with `env` over the test's own environment (no DATABASE_URL unless given; port 0 on loopback). */
export function spawnServer(env: Record<string, string>, args: string[] = []): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, DATABASE_URL: '', PORT: '0', ACCT_HOST: '127.0.0.1', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** A loopback port free right now (the server under test must know its own URL before it starts). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A JSON log line of the server's. */
export interface LogLine {
  msg: string;
  pid: number;
  [field: string]: unknown;
}

/** The server's JSON log lines so far whose message is `msg`. */
export function logLines(server: ServerProcess, msg: string): LogLine[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(msg))
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.msg === msg);
}

/** Waits until the server has logged `count` lines with message `msg` (each process logs its own), and returns them. */
export async function waitForLog(server: ServerProcess, msg: string, count = 1): Promise<LogLine[]> {
  // Generous: a first start migrates, slow on a busy machine.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const lines = logLines(server, msg);
    if (lines.length >= count) return lines;
    if (server.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${count}× "${msg}" from the server:\n${server.output()}`);
}

/** Waits for the "listening" log line and returns the URL it names. */
export async function listeningUrl(server: ServerProcess): Promise<string> {
  const [line] = await waitForLog(server, 'acct is listening');
  return line!.url as string;
}

/** Starts a server process on a port of its own (its public URL known in advance); resolves once it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<{ server: ServerProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawnServer({ ...env, PORT: String(port), ACCT_PUBLIC_URL: url });
  await waitForLog(server, 'acct is listening');
  return { server, url };
}

/** SIGTERM (unless it has exited already); resolves with its exit code. */
export async function stopServerProcess(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  return server.exited;
}
