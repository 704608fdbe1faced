/**
 * What `npm run bench` prints: the machine and the load settings once, then for each database a
 * table of every measurement and the three comparisons the benchmark exists for, each next to its
 * goal. The goals are reported, never asserted: this is a measurement, not a test.
 */
import os from 'node:os';
import type { LoopDelay } from './children/protocol';
import type { Measurement } from './measurement';
import { alignedTable, machineDescription } from './text-table';

export interface RunSettings {
  seconds: number;
  warmupSeconds: number;
  /** Connections loading `GET /api/me` and `GET /bare`. */
  connections: number;
  /** Connections loading sign-in, and verifies in flight in the raw argon2 loop. */
  signInConnections: number;
  pipelining: number;
}

/** A load and what the serving process did meanwhile. */
export interface Timed {
  load: Measurement;
  loop: LoopDelay;
}

/** One database's figures, all measured in the same run. */
export interface SectionResult {
  database: string;
  bare: Timed;
  me: Timed;
  /** Bare Express plus one prepared lookup (children/floor-server.ts; PostgreSQL only). */
  floor?: Timed;
  /** Better Auth's `GET /api/auth/get-session` (PostgreSQL only). */
  betterAuth?: Timed;
  /** Absent with `--session-only`. */
  signIn?: SignInResult;
}

export interface SignInResult {
  signIn: { load: Measurement; loop: LoopDelay };
  argon2: { load: Measurement; loop: LoopDelay };
  /** The same with four hashes at once (libuv's default pool), no core kept for anything else. */
  argon2Unlimited: { load: Measurement; loop: LoopDelay };
  burst: { me: Measurement; signIn: Measurement; loop: LoopDelay };
}

const ME_GOAL = 0.55;
const SIGN_IN_GOAL = 0.9;

const count = (n: number) => (n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US'));
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

export function header(settings: RunSettings, serverNode: string): string {
  const cores = os.availableParallelism();
  return [
    `acct benchmark, ${new Date().toISOString()}`,
    `machine  ${machineDescription()}`,
    `node     servers on Node ${serverNode}; load generator on Node ${process.version}`,
    `load     autocannon in this process, pipelining ${settings.pipelining}; ${settings.connections} connections on GET routes, ` +
      `${settings.signInConnections} on sign-in (and verifies in flight for raw argon2id); ${settings.seconds} s per measurement after ${settings.warmupSeconds} s of warm-up`,
    `         the load generator and the servers (separate processes) share these ${cores} cores; libuv thread pool ${process.env.UV_THREADPOOL_SIZE ?? 'default (4)'}`,
    // Other processes' load skews every figure; a quiet machine starts near 0.
    `machine  load average (1 min) ${os.loadavg()[0]!.toFixed(2)} before the run`,
  ].join('\n');
}

type Row = [route: string, what: string, connections: number, load: Measurement, loop?: LoopDelay];

function rowsOf(result: SectionResult, settings: RunSettings): Row[] {
  const rows: Row[] = [
    ['GET /bare', 'bare Express 5, no middleware', settings.connections, result.bare.load, result.bare.loop],
  ];
  if (result.floor)
    rows.push(['GET /floor', 'bare + one prepared lookup', settings.connections, result.floor.load, result.floor.loop]);
  rows.push(['GET /api/me', 'valid session cookie', settings.connections, result.me.load, result.me.loop]);
  if (result.betterAuth)
    rows.push([
      'Better Auth get-session',
      'its Express guide, defaults',
      settings.connections,
      result.betterAuth.load,
      result.betterAuth.loop,
    ]);
  const s = result.signIn;
  if (s)
    rows.push(
      ['POST /api/auth/sign-in', 'correct password', settings.signInConnections, s.signIn.load, s.signIn.loop],
      [
        'argon2id verify',
        'raw, same parameters and hash limit',
        settings.signInConnections,
        s.argon2.load,
        s.argon2.loop,
      ],
      [
        'argon2id verify',
        'raw, 4 at once (no core kept free)',
        settings.signInConnections,
        s.argon2Unlimited.load,
        s.argon2Unlimited.loop,
      ],
      ['GET /api/me', 'during the sign-in burst', settings.connections, s.burst.me, s.burst.loop],
      ['POST /api/auth/sign-in', 'the burst, at the same time', settings.signInConnections, s.burst.signIn],
    );
  return rows;
}

/** The serving process's CPU time per completed operation, in µs. */
function cpuPerOperation(load: Measurement, loop: LoopDelay): string {
  const operations = load.ok + load.failed;
  return operations ? Math.round((loop.cpuMs * 1000) / operations).toLocaleString('en-US') : '';
}

function table(rows: Row[]): string[] {
  return alignedTable(
    [
      ['', '', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'failed', 'loop delay p99/max ms', 'CPU µs/op'],
      ...rows.map(([route, what, connections, load, loop]) => [
        route,
        what,
        String(connections),
        count(load.perSecond),
        ms(load.p50Ms),
        ms(load.p99Ms),
        String(load.failed),
        loop ? `${ms(loop.p99Ms)} / ${ms(loop.maxMs)}` : '',
        loop ? cpuPerOperation(load, loop) : '',
      ]),
    ],
    2,
  );
}

function signInLines(result: SectionResult['me'], s: SignInResult): string[] {
  const signInRatio = s.signIn.load.perSecond / s.argon2.load.perSecond;
  const p99Alone = result.load.p99Ms;
  const p99Burst = s.burst.me.p99Ms;
  return [
    `  sign-in ÷ raw argon2id  ${(signInRatio * 100).toFixed(0)} %    goal ≥ ${SIGN_IN_GOAL * 100} %: ${verdict(signInRatio >= SIGN_IN_GOAL)}` +
      `   (the hash limit keeps a core for other work: ${((s.argon2.load.perSecond / s.argon2Unlimited.load.perSecond) * 100).toFixed(0)} % of unlimited hashing)`,
    `  /api/me p99             ${ms(p99Alone)} ms alone → ${ms(p99Burst)} ms during the sign-in burst (×${(p99Burst / p99Alone).toFixed(1)}); ` +
      `throughput ${count(result.load.perSecond)} → ${count(s.burst.me.perSecond)} req/s; ` +
      `acct event-loop delay p99 ${ms(result.loop.p99Ms)} → ${ms(s.burst.loop.p99Ms)} ms`,
  ];
}

export function section(result: SectionResult, settings: RunSettings): string {
  const meRatio = result.me.load.perSecond / result.bare.load.perSecond;
  const lines = [
    `── ${result.database}`,
    ...table(rowsOf(result, settings)).map((line) => `  ${line}`),
    "  loop delay: how late the serving process's event loop ran a 10 ms timer; on the argon2id row, the raw loop's own",
    '  idle event loop: the control for what hashing threads alone do to a loop on this machine. CPU µs/op: the serving',
    "  process's CPU time (all its threads) per completed request or verify; the database's own is not in it",
    '',
    `  /api/me ÷ bare          ${meRatio.toFixed(2)}×   goal ≥ ${ME_GOAL}×: ${verdict(meRatio >= ME_GOAL)}`,
  ];
  if (result.floor) {
    const floorRatio = result.floor.load.perSecond / result.bare.load.perSecond;
    lines.push(
      `  floor ÷ bare            ${floorRatio.toFixed(2)}×   a session looked up inside an Express route; /api/me, answered ahead of Express, does ${((meRatio / floorRatio) * 100).toFixed(0)} % of it`,
    );
  }
  if (result.betterAuth) {
    const peerRatio = result.betterAuth.load.perSecond / result.bare.load.perSecond;
    lines.push(
      `  Better Auth ÷ bare      ${peerRatio.toFixed(2)}×   acct's session check does ${(meRatio / peerRatio).toFixed(1)}× Better Auth's`,
    );
  }
  if (result.signIn) lines.push(...signInLines(result.me, result.signIn));
  return lines.join('\n');
}
