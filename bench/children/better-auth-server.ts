/**
 * The side-by-side peer for the session check: Better Auth, set up as its Express guide says — its
 * handler mounted on `/api/auth/*splat` of an Express 5 app, email and password on, every other
 * option at its default (so, like acct, each session check reads the session from the database;
 * its optional cookie cache is off). It keeps its tables in a PostgreSQL database of its own on
 * the same server as acct's, migrated with its own `getMigrations`; it signs one user up through
 * its API and reports `GET /api/auth/get-session`'s URL with that session's cookie.
 *
 * Better Auth is a dependency of the benchmark only (bench/peers/better-auth, installed by the
 * runner on first use), so it is loaded from that folder and typed here by the few calls made.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type express from 'express';
import type { RequestHandler } from 'express';
import { childSettings, runChild } from './protocol';

export interface BetterAuthSettings {
  databaseUrl: string;
}

export interface BetterAuthReady {
  url: string;
  cookie: string;
}

interface BetterAuth {
  options: unknown;
  api: { signUpEmail(input: { body: Record<string, string>; asResponse: true }): Promise<Response> };
}
interface BetterAuthModules {
  betterAuth(options: Record<string, unknown>): BetterAuth;
  getMigrations(options: unknown): Promise<{ runMigrations(): Promise<void> }>;
  toNodeHandler(auth: BetterAuth): RequestHandler;
  Pool: new (options: { connectionString: string }) => unknown;
  express: typeof express;
}

const PEER = new URL('../peers/better-auth/package.json', import.meta.url);

async function loadPeer(): Promise<BetterAuthModules> {
  const resolve = createRequire(PEER).resolve;
  const load = (specifier: string) => import(pathToFileURL(resolve(specifier)).href);
  const [core, db, node, pg, express] = await Promise.all(
    ['better-auth', 'better-auth/db/migration', 'better-auth/node', 'pg', 'express'].map(load),
  );
  return {
    betterAuth: core.betterAuth,
    getMigrations: db.getMigrations,
    toNodeHandler: node.toNodeHandler,
    Pool: pg.default.Pool,
    express: express.default,
  };
}

runChild<BetterAuthReady>(async () => {
  const { databaseUrl } = childSettings<BetterAuthSettings>();
  const { betterAuth, getMigrations, toNodeHandler, Pool, express } = await loadPeer();

  const app = express();
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const auth = betterAuth({
    baseURL: origin,
    secret: 'a benchmark secret that is long enough for better-auth',
    database: new Pool({ connectionString: databaseUrl }),
    emailAndPassword: { enabled: true },
    telemetry: { enabled: false },
  });
  await (await getMigrations(auth.options)).runMigrations();
  app.all('/api/auth/*splat', toNodeHandler(auth));

  const answer = await auth.api.signUpEmail({
    body: { email: 'bench@example.com', password: 'correct horse battery staple', name: 'Bench' },
    asResponse: true,
  });
  const cookie = answer.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.includes('session_token='));
  if (!answer.ok || !cookie) throw new Error(`better-auth sign-up answered ${answer.status} without a session cookie`);
  return { url: `${origin}/api/auth/get-session`, cookie };
});
