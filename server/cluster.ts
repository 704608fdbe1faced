/**
 * `npm run serve` with ACCT_PROCESSES > 1: the primary process does no acct work of its own. It
 * starts that many server processes (node:cluster: they share the one port, and the primary hands
 * them connections in turn), starts another when one dies after it was serving, and passes
 * SIGTERM/SIGINT on, exiting once every process has drained and stopped. Everything the processes
 * share lives in PostgreSQL — sessions, rate-limit buckets, jobs, signing keys — with the
 * encryption keys from ACCT_ENCRYPTION_KEYS (config.ts refuses several processes without them).
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config';
import type { Logger } from './http/logging';

/** A process that died after serving is replaced after this pause, so a crash loop cannot spin. */
const RESTART_DELAY_MS = 1_000;

export const isClusterPrimary = (config: Config): boolean => config.processes > 1 && cluster.isPrimary;

export function runClusterPrimary(config: Config, logger: Logger): void {
  let stopping = false;
  const serving = new WeakSet<Worker>();
  const start = () => {
    const worker = cluster.fork();
    worker.once('listening', () => serving.add(worker));
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    if (!serving.has(worker)) {
      // It never served: a start-up failure (the database unreachable, a bad key) that another
      // process would meet too. Stop, as a single process would, rather than retry for ever.
      logger.fatal({ pid: worker.process.pid, code, signal }, 'a server process could not start: stopping');
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(1);
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'a server process stopped: starting another');
    setTimeout(() => {
      if (!stopping) start();
    }, RESTART_DELAY_MS).unref();
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal, processes: Object.keys(cluster.workers ?? {}).length }, 'shutting down every process');
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }

  for (let i = 0; i < config.processes; i++) start();
  logger.info({ processes: config.processes, port: config.port }, 'starting server processes');
}
