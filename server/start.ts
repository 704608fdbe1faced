/**
 * Starts a complete acct server: opens the database, listens, migrates, builds the app and hands
 * it the requests. Until the app is ready, every request is answered at once with 503 `starting`
 * and `Retry-After` — never left waiting, never refused once the port is open. `main.ts` calls it
 * with the environment's settings; tests, the element test runner and the journeys call it with
 * their own (an ephemeral port, an in-memory database).
 */
import type { AddressInfo } from 'node:net';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createApp } from './app';
import { withDirectSessionCheck } from './modules/sessions/direct-session-check';
import { originsOutsideRpId, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest, MIGRATIONS_TABLE } from './db/migrate';
import { warnIfPrivileged } from './db/service-role';
import { CommonErrors } from './http/errors';
import { answerUnparsableRequests } from './http/unparsable-requests';
import type { Logger } from './http/logging';
import { JobRunner } from './jobs/job-runner';
import { JOBS } from './jobs/registry';
import { forgetTokensWhenOff } from './modules/provider-tokens/provider-tokens.service';
import { MailQueue } from './modules/mail/mail-queue';
import { createTransport } from './modules/mail/transport';
import { SigningKeys } from './modules/signing-keys/signing-keys';
import { loadEnvelope } from './security/envelope';
import { setHashConcurrency } from './modules/passwords/password-hash';
import type { Services } from './services';
import { DomainEvents } from './events/domain-events';
import { DetachedWork } from './jobs/detached-work';
import { subscribeChecklistToEvents } from './modules/checklist/checklist.service';
import { subscribeNotificationsToEvents } from './modules/notifications/events';
import { subscribeWebhooks } from './modules/webhooks/webhook-events';
import { subscribeOnboardingToConnectedApps } from './modules/connected-apps/onboarding-step';

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
  /** Tests only: see Services.oauthFetch. */
  oauthFetch?: typeof fetch;
}

/** Everything the routes share: encryption keys, the mail queue, the JWT signing keys. */
/**
 * acct's own origin is always a return address (last, so the default return stays the site's):
 * its hosted pages (`/account`) sign in in place, and an emailed link may come back to them.
 */
function withOwnOrigin(config: Config): Config {
  const own = new URL(config.publicUrl).origin;
  return config.redirectAllowlist.includes(own)
    ? config
    : { ...config, redirectAllowlist: [...config.redirectAllowlist, own] };
}

async function buildServices(config: Config, db: Database, logger: Logger): Promise<Services & { jobs: JobRunner }> {
  if (config.hashConcurrency) setHashConcurrency(config.hashConcurrency);
  const envelope = await loadEnvelope(config.encryptionKeys, config.dataDir, (path) =>
    logger.warn(
      { path },
      'ACCT_ENCRYPTION_KEYS is not set: generated an encryption key file; set the variable for deployments with several processes',
    ),
  );
  const transport = createTransport(config.mail.smtpUrl, config.mail.devOutbox);
  if (transport.kind === 'none')
    logger.warn('no mail transport: mail is queued but not sent until ACCT_SMTP_URL is set');
  const jobs = new JobRunner({ knex: db.knex, logger, definitions: JOBS, work: config.runJobs });
  const mail = new MailQueue(db.knex, jobs, transport, envelope, config.mail.from, logger);
  const outside = originsOutsideRpId(config);
  if (config.signInMethods.includes('passkey') && outside.length) {
    logger.warn(
      { rpId: config.passkeys.rpId, origins: outside },
      'passkeys cannot work on these allowed origins: ACCT_RP_ID must be their host or a parent domain',
    );
  }
  const signingKeys = new SigningKeys(db.knex, envelope, config.publicUrl);
  await signingKeys.ensureKey();
  const events = new DomainEvents();
  subscribeChecklistToEvents(events);
  subscribeOnboardingToConnectedApps(events);
  const services = {
    config,
    db,
    logger,
    envelope,
    mail,
    signingKeys,
    events,
    detached: new DetachedWork(logger),
    jobs,
  };
  subscribeNotificationsToEvents(services);
  subscribeWebhooks(services);
  return services;
}

/**
 * Migrates through ACCT_MIGRATION_DATABASE_URL when it is set — the server's own role may have
 * no right to change tables (docs/deploying.md "Database roles") — else through the server's connection.
 */
async function migrate(config: Config, db: Database, logger: Logger): Promise<string[]> {
  if (!config.migrationDatabaseUrl) return migrateToLatest(db.knex);
  // Three: one holds the turn (server/db/one-at-a-time.ts), the migrations use the others.
  const admin = await openDatabase({ url: config.migrationDatabaseUrl, poolMax: 3 }, { logger });
  try {
    return await migrateToLatest(admin.knex);
  } finally {
    await admin.close();
  }
}

/** The host part of our own URL: `localhost` when listening everywhere, else the address given. */
function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Seconds a client is told to wait while the server starts. */
const STARTING_RETRY_AFTER_SECONDS = 1;

/**
 * The answer to every request before the app is attached: no route, no database, just "soon". The
 * connection closes after it: on the embedded database, migrations hold the event loop for seconds
 * at a time, long enough for the keep-alive timeout to close an idle connection just as the client
 * sends its next request on it (a reset, not an answer).
 */
const answerStarting: RequestListener = (_req, res) => {
  const { message } = CommonErrors.starting;
  res.writeHead(503, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': String(STARTING_RETRY_AFTER_SECONDS),
    Connection: 'close',
  });
  res.end(JSON.stringify({ error: { code: 'starting', message } }));
};

export async function startServer({
  config: given,
  logger,
  db: givenDb,
  bundleDir,
  publicUrlFromPort,
  oauthFetch,
}: StartOptions): Promise<RunningServer> {
  const db = givenDb ?? (await openDatabase(given.database, { logger }));
  // One listener for the server's whole life, which hands each request to whoever answers now:
  // `answerStarting` until the app is built, then the app. A request in between would otherwise
  // find no listener and wait forever.
  let answer: RequestListener = answerStarting;
  const server = createServer((req, res) => answer(req, res));
  answerUnparsableRequests(server);
  let services: Services & { jobs: JobRunner };
  let port: number;
  try {
    // Listen first, so the bound port is known (ephemeral ports in tests) and so that load
    // balancers and health checks get "starting" rather than a refused connection while the
    // migrations run.
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(given.port, given.host, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    const ran = await migrate(given, db, logger);
    if (ran.length) logger.info({ migrations: ran }, 'database migrated');
    await warnIfPrivileged(db, logger, MIGRATIONS_TABLE);
    const config = withOwnOrigin(
      publicUrlFromPort ? { ...given, publicUrl: `http://${urlHost(given.host)}:${port}` } : given,
    );
    services = await buildServices(config, db, logger);
    if (oauthFetch) services.oauthFetch = oauthFetch;
    await forgetTokensWhenOff(services);
    await services.jobs.start(services);
  } catch (err) {
    server.close();
    server.closeAllConnections();
    if (!givenDb) await db.close();
    throw err;
  }
  const { config } = services;
  // The session check every page makes is answered ahead of Express (direct-session-check.ts).
  answer = withDirectSessionCheck(services, createApp(services, bundleDir));

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
      await services.detached.idle();
      await services.jobs.stop(config.shutdownTimeoutMs);
      services.mail.close();
      if (!givenDb) await db.close();
    })());

  return { url: `http://${urlHost(config.host)}:${port}`, port, server, db, services, close };
}

export interface RunningWorker {
  services: Services;
  /** Stops taking jobs, lets those running finish (up to the shutdown timeout), closes the database. */
  close(): Promise<void>;
}

/**
 * `npm run worker`: a process that only runs jobs, beside servers started with
 * `ACCT_RUN_JOBS=false`. It needs PostgreSQL: an embedded database belongs to the one process
 * that opened it.
 */
export async function startWorker({ config, logger }: Pick<StartOptions, 'config' | 'logger'>): Promise<RunningWorker> {
  if (!('url' in config.database)) {
    throw new Error('a separate worker needs DATABASE_URL: the embedded database belongs to the server process');
  }
  const db = await openDatabase(config.database, { logger });
  try {
    await migrate(config, db, logger);
    const services = await buildServices({ ...config, runJobs: true }, db, logger);
    await services.jobs.start(services);
    return {
      services,
      close: async () => {
        await services.jobs.stop(config.shutdownTimeoutMs);
        services.mail.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
