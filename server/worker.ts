/**
 * `npm run worker`: runs acct's jobs (mail, exports, deletions, digests…) in a process of its own,
 * for deployments that keep them off the web servers (start those with `ACCT_RUN_JOBS=false`).
 * Reads the same settings as the server; stops gracefully on SIGTERM/SIGINT, letting running jobs
 * finish (a job cut off is taken again once it expires: server/jobs/job-runner.ts).
 */
import { loadConfigOrExit } from './config';
import { createLogger } from './http/logging';
import { startWorker } from './start';

const config = loadConfigOrExit({ dev: false });
const logger = createLogger(config.logLevel);
const running = await startWorker({ config, logger }).catch((err: unknown) => {
  logger.fatal({ err }, 'the acct worker could not start');
  process.exit(1);
});
logger.info('acct worker is running jobs');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down: finishing running jobs');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
