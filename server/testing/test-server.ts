/**
 * An acct server for tests: a given database, a silent (or captured) logger, an ephemeral port on
 * loopback, and settings overridable per test.
 */
import type { DestinationStream } from 'pino';
import { loadConfig, type Config } from '../config';
import type { Database } from '../db/database';
import { createLogger } from '../http/logging';
import { startServer, type RunningServer } from '../start';

/** Settings for a test: the defaults, port 0 on loopback, plus `env` overrides. */
/** A fixed key for tests, so no test writes a key file into the data folder. */
export const TEST_ENCRYPTION_KEYS = 'test=' + Buffer.alloc(32, 7).toString('base64');

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    PORT: '0',
    ACCT_HOST: '127.0.0.1',
    ACCT_LOG_LEVEL: 'silent',
    ACCT_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
    ACCT_DEV_OUTBOX: 'true',
    ...env,
  });
}

export async function startTestServer(
  db: Database,
  {
    env = {},
    logTo,
    oauthFetch,
    bundleDir,
  }: {
    env?: Record<string, string>;
    logTo?: DestinationStream;
    oauthFetch?: typeof fetch;
    /** A built bundle of the test's own (widgets/dist by default). */
    bundleDir?: string;
  } = {},
): Promise<RunningServer> {
  const config = testConfig(logTo ? { ACCT_LOG_LEVEL: 'trace', ...env } : env);
  return startServer({
    config,
    logger: createLogger(config.logLevel, logTo),
    db,
    publicUrlFromPort: !env.ACCT_PUBLIC_URL,
    ...(oauthFetch ? { oauthFetch } : {}),
    ...(bundleDir ? { bundleDir } : {}),
  });
}
