/**
 * Starts a complete acct server: opens the database, migrates it, builds the app and listens.
 * `main.ts` calls it with the environment's settings; tests, the element test runner and the
 * journeys call it with their own (an ephemeral port, an in-memory database).
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { createApp } from './app';
import type { Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import type { Logger } from './http/logging';

export interface RunningServer {
  /** Base URL, e.g. `http://localhost:3000` (no trailing slash). */
  url: string;
  port: number;
  server: Server;
  db: Database;
  /** Stops accepting connections, lets requests in flight finish (up to the shutdown timeout), closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** Use this database instead of opening the configured one; the caller keeps ownership of it. */
  db?: Database;
  bundleDir?: string;
}

/** The host part of our own URL: `localhost` when listening everywhere, else the address given. */
function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startServer({ config, logger, db: givenDb, bundleDir }: StartOptions): Promise<RunningServer> {
  const db = givenDb ?? (await openDatabase(config.database));
  try {
    const ran = await migrateToLatest(db.knex);
    if (ran.length) logger.info({ migrations: ran }, 'database migrated');
  } catch (err) {
    if (!givenDb) await db.close();
    throw err;
  }

  const app = createApp({ config, db, logger, ...(bundleDir ? { bundleDir } : {}) });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets would hold close() open until they time out; requests in flight
      // keep theirs, and their sockets are closed as soon as they turn idle.
      server.closeIdleConnections();
      const sweeper = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await drained;
      clearInterval(sweeper);
      clearTimeout(deadline);
      if (!givenDb) await db.close();
    })());

  return { url: `http://${urlHost(config.host)}:${port}`, port, server, db, close };
}
