/**
 * What `npm run bench` prints: the machine and the load settings once, then for each database a
 * table of every measurement and the three comparisons the benchmark exists for, each next to its
 * goal. The goals are reported, never asserted: this is a measurement, not a test.
 */
import os from 'node:os';
import type { LoopDelay } from './children/protocol';
import type { Measurement } from './measurement';

export interface RunSettings {
  seconds: number;
  warmupSeconds: number;
  /** Connections loading `GET /api/me` and `GET /bare`. */
  connections: number;
  /** Connections loading sign-in, and verifies in flight in the raw argon2 loop. */
  signInConnections: number;
  pipelining: number;
}

/** One database's figures, all measured in the same run. */
export interface SectionResult {
  database: string;
  bare: Measurement;
  me: { load: Measurement; loop: LoopDelay };
  signIn: { load: Measurement; loop: LoopDelay };
  argon2: { load: Measurement; loop: LoopDelay };
  /** The same with four hashes at once (libuv's default pool), no core kept for anything else. */
  argon2Unlimited: { load: Measurement; loop: LoopDelay };
  burst: { me: Measurement; signIn: Measurement; loop: LoopDelay };
}

const ME_GOAL = 0.5;
const SIGN_IN_GOAL = 0.9;
/** Better Auth's getSession against bare Express, on this kind of machine (the figure). */
const BETTER_AUTH_GET_SESSION = 0.11;

const count = (n: number) => (n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US'));
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

export function header(settings: RunSettings): string {
  const cpus = os.cpus();
  const cores = os.availableParallelism();
  return [
    `acct benchmark, ${new Date().toISOString()}`,
    `machine  ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cores} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
    `load     autocannon in this process, pipelining ${settings.pipelining}; ${settings.connections} connections on GET routes, ` +
      `${settings.signInConnections} on sign-in (and verifies in flight for raw argon2id); ${settings.seconds} s per measurement after ${settings.warmupSeconds} s of warm-up`,
    `         the load generator and the servers (separate processes) share these ${cores} cores; libuv thread pool ${process.env.UV_THREADPOOL_SIZE ?? 'default (4)'}`,
    // Other processes' load skews every figure; a quiet machine starts near 0.
    `machine  load average (1 min) ${os.loadavg()[0]!.toFixed(2)} before the run`,
  ].join('\n');
}

export function section(result: SectionResult, settings: RunSettings): string {
  const rows: [route: string, what: string, connections: number, load: Measurement, loop?: LoopDelay][] = [
    ['GET /bare', 'bare Express 5, no middleware', settings.connections, result.bare],
    ['GET /api/me', 'valid session cookie', settings.connections, result.me.load, result.me.loop],
    ['POST /api/auth/sign-in', 'correct password', settings.signInConnections, result.signIn.load, result.signIn.loop],
    [
      'argon2id verify',
      'raw, same parameters and hash limit',
      settings.signInConnections,
      result.argon2.load,
      result.argon2.loop,
    ],
    [
      'argon2id verify',
      'raw, 4 at once (no core kept free)',
      settings.signInConnections,
      result.argon2Unlimited.load,
      result.argon2Unlimited.loop,
    ],
    ['GET /api/me', 'during the sign-in burst', settings.connections, result.burst.me, result.burst.loop],
    ['POST /api/auth/sign-in', 'the burst, at the same time', settings.signInConnections, result.burst.signIn],
  ];
  const table = [
    ['', '', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'failed', 'loop delay p99/max ms'],
    ...rows.map(([route, what, connections, load, loop]) => [
      route,
      what,
      String(connections),
      count(load.perSecond),
      ms(load.p50Ms),
      ms(load.p99Ms),
      String(load.failed),
      loop ? `${ms(loop.p99Ms)} / ${ms(loop.maxMs)}` : '',
    ]),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const lines = table.map((row) =>
    row
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );

  const meRatio = result.me.load.perSecond / result.bare.perSecond;
  const signInRatio = result.signIn.load.perSecond / result.argon2.load.perSecond;
  const p99Alone = result.me.load.p99Ms;
  const p99Burst = result.burst.me.p99Ms;
  return [
    `── ${result.database}`,
    ...lines.map((line) => `  ${line}`),
    "  loop delay: how late the acct server's event loop ran a 10 ms timer; on the argon2id row, the raw loop's own idle",
    '  event loop: the control for what hashing threads alone do to a loop on this machine',
    '',
    `  /api/me ÷ bare          ${meRatio.toFixed(2)}×   goal ≥ ${ME_GOAL}×: ${verdict(meRatio >= ME_GOAL)}` +
      `   (reference: Better Auth's getSession ≈ ${BETTER_AUTH_GET_SESSION}× of bare Express on this kind of machine)`,
    `  sign-in ÷ raw argon2id  ${(signInRatio * 100).toFixed(0)} %    goal ≥ ${SIGN_IN_GOAL * 100} %: ${verdict(signInRatio >= SIGN_IN_GOAL)}` +
      `   (the hash limit keeps a core for other work: ${((result.argon2.load.perSecond / result.argon2Unlimited.load.perSecond) * 100).toFixed(0)} % of unlimited hashing)`,
    `  /api/me p99             ${ms(p99Alone)} ms alone → ${ms(p99Burst)} ms during the sign-in burst (×${(p99Burst / p99Alone).toFixed(1)}); ` +
      `throughput ${count(result.me.load.perSecond)} → ${count(result.burst.me.perSecond)} req/s; ` +
      `acct event-loop delay p99 ${ms(result.me.loop.p99Ms)} → ${ms(result.burst.loop.p99Ms)} ms`,
  ].join('\n');
}
