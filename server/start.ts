/**
 * Starts a complete acct server: opens the database, migrates it, builds the app and listens.
 * `main.ts` calls it with the environment's settings; tests, the element test runner and the
 * journeys call it with their own (an ephemeral port, an in-memory database).
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { createApp } from './app';
import { originsOutsideRpId, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import type { Logger } from './http/logging';
import { scheduleCleanup } from './jobs/cleanup';
import { MailQueue } from './modules/mail/mail-queue';
import { createTransport } from './modules/mail/transport';
import { SigningKeys } from './modules/signing-keys/signing-keys';
import { loadEnvelope } from './security/envelope';
import { setHashConcurrency } from './modules/passwords/password-hash';
import type { Services } from './services';
import { DomainEvents } from './events/domain-events';
import { DetachedWork } from './jobs/detached-work';
import { subscribeChecklistToEvents } from './modules/checklist/checklist.service';

export interface RunningServer {
  /** Base URL, e.g. `http://localhost:3000` (no trailing slash). */
  url: string;
  port: number;
  server: Server;
  db: Database;
  services: Services;
  /** Stops accepting connections, lets requests in flight finish (up to the shutdown timeout), closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** Use this database instead of opening the configured one; the caller keeps ownership of it. */
  db?: Database;
  bundleDir?: string;
  /**
   * Tests on an ephemeral port: take ACCT_PUBLIC_URL from the address actually bound, so that
   * emailed links and hosted pages point at this server.
   */
  publicUrlFromPort?: boolean;
}

/** Everything the routes share: encryption keys, the mail queue, the JWT signing keys. */
async function buildServices(config: Config, db: Database, logger: Logger): Promise<Services> {
  if (config.hashConcurrency) setHashConcurrency(config.hashConcurrency);
  const envelope = await loadEnvelope(config.encryptionKeys, config.dataDir, (path) =>
    logger.warn({ path }, 'ACCT_ENCRYPTION_KEYS is not set: generated an encryption key file; set the variable for deployments with several processes'),
  );
  const transport = createTransport(config.mail.smtpUrl, config.mail.devOutbox);
  if (transport.kind === 'none') logger.warn('no mail transport: mail is queued but not sent until ACCT_SMTP_URL is set');
  const mail = new MailQueue(db.knex, transport, envelope, config.mail.from, logger);
  const outside = originsOutsideRpId(config);
  if (config.signInMethods.includes('passkey') && outside.length) {
    logger.warn({ rpId: config.passkeys.rpId, origins: outside }, 'passkeys cannot work on these allowed origins: ACCT_RP_ID must be their host or a parent domain');
  }
  const signingKeys = new SigningKeys(db.knex, envelope, config.publicUrl);
  await signingKeys.ensureKey();
  const events = new DomainEvents();
  subscribeChecklistToEvents(events);
  return { config, db, logger, envelope, mail, signingKeys, events, detached: new DetachedWork(logger) };
}

/** The host part of our own URL: `localhost` when listening everywhere, else the address given. */
function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startServer({ config: given, logger, db: givenDb, bundleDir, publicUrlFromPort }: StartOptions): Promise<RunningServer> {
  const db = givenDb ?? (await openDatabase(given.database));
  const server = createServer();
  let services: Services;
  let port: number;
  try {
    const ran = await migrateToLatest(db.knex);
    if (ran.length) logger.info({ migrations: ran }, 'database migrated');
    // Listen first (requests wait until the app is attached), so the bound port is known.
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(given.port, given.host, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    const config = publicUrlFromPort ? { ...given, publicUrl: `http://${urlHost(given.host)}:${port}` } : given;
    services = await buildServices(config, db, logger);
  } catch (err) {
    server.close();
    if (!givenDb) await db.close();
    throw err;
  }
  const { config } = services;
  services.mail.start();
  const stopCleanup = scheduleCleanup(db.knex, logger);
  server.on('request', createApp(services, bundleDir));

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
      stopCleanup();
      await services.detached.idle();
      await services.mail.stop();
      if (!givenDb) await db.close();
    })());

  return { url: `http://${urlHost(config.host)}:${port}`, port, server, db, services, close };
}
