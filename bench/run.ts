/**
 * `npm run bench`: measures what docs/security.md I1 promises to publish, in one bounded run.
 *   1. the session check — `GET /api/me` with a valid cookie — against a bare Express 5 route and,
 *      on PostgreSQL, against Better Auth's `GET /api/auth/get-session` (a peer, bench/peers.ts);
 *   2. password sign-in against raw argon2id verifies at the same parameters and concurrency;
 *   3. `/api/me` latency while sign-ins hash at full speed (hashing must not starve other routes).
 * Each server and the argon2 loop run in a child process of their own; this process only generates
 * load. The database is BENCH_DATABASE_URL's server (a fresh database, dropped afterwards) when
 * set, else the embedded PGlite; `--db=postgres|pglite|both` chooses explicitly.
 *
 *   npm run bench
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- --db=both
 *
 * `BENCH_NODE=22` (or 24, …) runs the servers and the argon2 loop on that Node (node-binary.ts).
 * `--session-only` measures the session checks alone (1), and `BENCH_PROFILE=<folder>` has the
 * acct server write a CPU profile there (read it with `tsx bench/cpu-profile.ts <file>`).
 *
 * Settings (environment): BENCH_SECONDS (10) per measurement, BENCH_WARMUP_SECONDS (2),
 * BENCH_CONNECTIONS (16) for the GET routes, BENCH_SIGN_IN_CONNECTIONS (16), BENCH_PIPELINING (1),
 * BENCH_LOG_LEVEL (info, the server's default) for the acct server's logs.
 */
import { TEST_ORIGIN } from '../server/testing/http-client';
import { cleanUp } from './cleanup';
import { createBenchDatabase } from './database';
import { load, type HttpRequest, type LoadSettings } from './load';
import type { AcctReady } from './children/acct-server';
import type { Argon2Result } from './children/argon2-verify';
import { ensurePeerInstalled } from './peers';
import { nodeBinary, versionOf } from './node-binary';
import { runServersOn, startChild, type Child } from './processes';
import { header, section, type RunSettings, type SectionResult, type Timed } from './report';

type DatabaseKind = 'postgres' | 'pglite';

interface Options extends RunSettings {
  databases: DatabaseKind[];
  adminUrl: string | undefined;
  /** `--session-only`: the session checks alone, without the sign-in and hashing measurements. */
  sessionOnly: boolean;
}

/** What a browser on the demo site sends with every call. */
const BROWSER_HEADERS = {
  origin: TEST_ORIGIN,
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  // As Chrome sends it: the compression middleware then does all it does for a browser.
  'accept-encoding': 'gzip, deflate, br, zstd',
};

function wholeNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number ≥ ${min} (got "${raw}")`);
  return value;
}

function readOptions(): Options {
  const adminUrl = process.env.BENCH_DATABASE_URL || undefined;
  const choice =
    process.argv.find((arg) => arg.startsWith('--db='))?.slice('--db='.length) ?? (adminUrl ? 'postgres' : 'pglite');
  const databases: Record<string, DatabaseKind[]> = {
    postgres: ['postgres'],
    pglite: ['pglite'],
    both: ['postgres', 'pglite'],
  };
  const chosen = databases[choice];
  if (!chosen) throw new Error(`--db must be postgres, pglite or both (got "${choice}")`);
  if (chosen.includes('postgres') && !adminUrl)
    throw new Error(
      '--db=postgres needs BENCH_DATABASE_URL, an admin URL such as postgres://postgres@127.0.0.1:5432/postgres',
    );
  return {
    databases: chosen,
    adminUrl,
    sessionOnly: process.argv.includes('--session-only'),
    seconds: wholeNumber('BENCH_SECONDS', 10, 1),
    warmupSeconds: wholeNumber('BENCH_WARMUP_SECONDS', 2, 0),
    connections: wholeNumber('BENCH_CONNECTIONS', 16, 1),
    signInConnections: wholeNumber('BENCH_SIGN_IN_CONNECTIONS', 16, 1),
    pipelining: wholeNumber('BENCH_PIPELINING', 1, 1),
  };
}

const progress = (text: string) => process.stderr.write(`  … ${text}\n`);

/** Runs `work` while recording the acct server's event-loop delay. */
async function withLoopDelay<T>(server: Child<unknown>, work: () => Promise<T>) {
  server.startLoopDelay();
  const value = await work();
  return { value, loop: await server.readLoopDelay() };
}

async function rawArgon2(options: Options, hashConcurrency?: number): Promise<Argon2Result> {
  const verifier = await startChild('argon2-verify', {
    concurrency: options.signInConnections,
    seconds: options.seconds,
    ...(hashConcurrency ? { hashConcurrency } : {}),
  });
  await verifier.stop();
  return verifier.ready;
}

/** Better Auth's session check on its own fresh database of the same PostgreSQL server. */
async function startBetterAuth(adminUrl: string) {
  ensurePeerInstalled('better-auth', progress);
  const database = await createBenchDatabase(adminUrl);
  const peer = await startChild('better-auth-server', { databaseUrl: database.url });
  const route: HttpRequest = { url: peer.ready.url, headers: { ...BROWSER_HEADERS, cookie: peer.ready.cookie } };
  return { peer, route };
}

async function measureSignIn(acct: Child<AcctReady>, me: HttpRequest, options: Options) {
  const signIn: HttpRequest = {
    url: `${acct.ready.url}/api/auth/sign-in`,
    method: 'POST',
    headers: { ...BROWSER_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ email: acct.ready.email, password: acct.ready.password }),
  };
  const signIns = (seconds: number): LoadSettings => ({
    connections: options.signInConnections,
    pipelining: options.pipelining,
    seconds,
  });
  if (options.warmupSeconds > 0) await load(signIn, signIns(options.warmupSeconds));
  progress('POST /api/auth/sign-in');
  const signInResult = await withLoopDelay(acct, () => load(signIn, signIns(options.seconds)));
  progress('raw argon2id verifies');
  const argon2 = await rawArgon2(options);
  progress('raw argon2id verifies, no core kept free');
  // libuv's default pool: four hashing threads, whatever the number of cores.
  const argon2Unlimited = await rawArgon2(options, 4);
  progress('GET /api/me during a sign-in burst');
  const burst = await withLoopDelay(acct, () =>
    Promise.all([load(me, reads(options, options.seconds)), load(signIn, signIns(options.seconds))]),
  );
  return {
    signIn: { load: signInResult.value, loop: signInResult.loop },
    argon2,
    argon2Unlimited,
    burst: { me: burst.value[0], signIn: burst.value[1], loop: burst.loop },
  };
}

const reads = (options: Options, seconds: number): LoadSettings => ({
  connections: options.connections,
  pipelining: options.pipelining,
  seconds,
});

async function measureOn(kind: DatabaseKind, options: Options): Promise<SectionResult> {
  const database = kind === 'postgres' ? await createBenchDatabase(options.adminUrl!) : undefined;
  const label = database
    ? `PostgreSQL ${database.serverVersion} (fresh database ${database.name})`
    : 'PGlite (embedded, in memory, inside the acct server process)';
  progress(`${label}: starting the servers`);
  const [acct, bare, floor, betterAuth] = await Promise.all([
    startChild('acct-server', { databaseUrl: database?.url }),
    startChild('bare-server', {}),
    database ? startChild('floor-server', { databaseUrl: database.url }) : undefined,
    // Better Auth has no embedded PostgreSQL: it is compared on the real server only.
    kind === 'postgres' ? startBetterAuth(options.adminUrl!) : undefined,
  ]);

  const bareRoute: HttpRequest = { url: bare.ready.url, headers: BROWSER_HEADERS };
  const me: HttpRequest = {
    url: `${acct.ready.url}/api/me`,
    headers: { ...BROWSER_HEADERS, cookie: acct.ready.cookie },
  };
  const floorRoute: HttpRequest | undefined = floor && {
    url: floor.ready.url,
    headers: { ...BROWSER_HEADERS, cookie: floor.ready.cookie },
  };
  if (options.warmupSeconds > 0) {
    progress('warming up');
    for (const route of [bareRoute, floorRoute, me, betterAuth?.route])
      if (route) await load(route, reads(options, options.warmupSeconds));
  }
  /** Loads `route` for one measurement while `server` records its event loop and CPU. */
  const timed = async (server: Child<unknown>, route: HttpRequest, label: string): Promise<Timed> => {
    progress(label);
    const { value, loop } = await withLoopDelay(server, () => load(route, reads(options, options.seconds)));
    return { load: value, loop };
  };
  const bareResult = await timed(bare, bareRoute, 'GET /bare');
  const floorResult = floor && floorRoute ? await timed(floor, floorRoute, 'GET /floor') : undefined;
  const meResult = await timed(acct, me, 'GET /api/me');
  const betterAuthResult = betterAuth
    ? await timed(betterAuth.peer, betterAuth.route, "Better Auth's GET /api/auth/get-session")
    : undefined;
  const signIn = options.sessionOnly ? undefined : await measureSignIn(acct, me, options);

  await cleanUp();
  return {
    database: label,
    bare: bareResult,
    me: meResult,
    ...(floorResult ? { floor: floorResult } : {}),
    ...(betterAuthResult ? { betterAuth: betterAuthResult } : {}),
    ...(signIn ? { signIn } : {}),
  };
}

// Ctrl-C reaches this process twice (from the terminal and relayed by tsx): the first starts the
// clean-up, later ones must not end the process before it is done.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the servers and dropping the benchmark database\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  const options = readOptions();
  const otherNode = process.env.BENCH_NODE ? nodeBinary(process.env.BENCH_NODE, progress) : undefined;
  if (otherNode) runServersOn(otherNode);
  console.log(header(options, otherNode ? versionOf(otherNode) : process.version));
  for (const kind of options.databases) {
    console.log(`\n${section(await measureOn(kind, options), options)}`);
  }
} catch (err) {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
