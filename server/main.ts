/**
 * The server's entry point (`npm start` runs it with `--dev` and the demo's settings; `npm run
 * serve` without): reads `.env` and the environment, starts acct, and shuts down gracefully on
 * SIGTERM/SIGINT: no new connections, requests in flight finish, then the database closes and the
 * process exits. With ACCT_PROCESSES above 1 this process only starts and watches that many server
 * processes (cluster.ts).
 */
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { isClusterPrimary, runClusterPrimary } from './cluster';
import { loadConfigOrExit } from './config';
import { createLogger } from './http/logging';
import { devConnectedApp } from './modules/connected-apps/dev-app';
import { startDevProvider } from './modules/oauth/dev-provider';
import { startServer } from './start';

let config = loadConfigOrExit(...commandLine());

const logger = createLogger(config.logLevel);
if (isClusterPrimary(config)) {
  runClusterPrimary(config, logger);
} else {
  await serve();
}

/**
 * `--dev` (npm start): development defaults, e.g. the mail outbox instead of silence, and an
 * OAuth test provider when no provider is configured. `--env-defaults <file>` (npm start:
 * demo/acct.env, the demo's name, colour and logo): settings for what neither the environment nor
 * `.env` sets. A mistyped flag stops the start-up with a one-line message (exit code 64, EX_USAGE)
 * rather than being ignored.
 */
function commandLine(): Parameters<typeof loadConfigOrExit> {
  try {
    const { values } = parseArgs({ options: { dev: { type: 'boolean' }, 'env-defaults': { type: 'string' } } });
    return [{ dev: values.dev }, values['env-defaults']];
  } catch (err) {
    console.error(`acct: ${(err as Error).message}`);
    process.exit(64);
  }
}

/** One server process: the only one, or one of ACCT_PROCESSES (cluster.ts: the primary process forks these). */
async function serve(): Promise<void> {
  const devProvider = await startDevProvider(config, logger);
  if (devProvider) config = { ...config, oauthProviders: [devProvider.settings] };
  // The demo's connected app, when the operator configured none (connected-apps/dev-app.ts).
  if (devProvider && !config.connectedApps.length)
    config = { ...config, connectedApps: [devConnectedApp(devProvider.settings)] };
  const running = await startServer({ config, logger }).catch((err: unknown) => {
    logger.fatal({ err }, 'acct could not start');
    process.exit(1);
  });

  const where =
    'url' in config.database ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${config.database.dataDir}`;
  logger.info(
    { url: running.url, database: where, allowedOrigins: config.allowedOrigins, process: cluster.worker?.id },
    'acct is listening',
  );

  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: draining requests in flight');
      running.close().then(
        async () => {
          await devProvider?.close();
          logger.info('stopped');
          process.exit(0);
        },
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}
