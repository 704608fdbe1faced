/**
 * The acct server under test, started the way the tests start it: `startServer` (which migrates
 * the database) with the test settings — loopback, ephemeral port, a fixed encryption key, the
 * development outbox — on the database the runner names (a PostgreSQL URL, else an in-memory
 * PGlite), with request logs at the default level, and the sign-in rate limits raised out of the
 * way so sign-in can be loaded at full speed. It signs one user up through the real flow (sign-up, emailed link, exchange) and
 * reports the URL, that session's cookie and the credentials to the runner.
 */
import { createLogger } from '../../server/http/logging';
import { SESSION_COOKIE } from '../../server/modules/sessions/session-transport';
import { startServer } from '../../server/start';
import { signedUpClient } from '../../server/testing/accounts';
import { testConfig } from '../../server/testing/test-server';
import { childSettings, runChild } from './protocol';

export interface AcctSettings {
  /** A PostgreSQL database of its own; without it, an in-memory PGlite. */
  databaseUrl?: string | undefined;
}

export interface AcctReady {
  url: string;
  /** `Cookie` header value of a valid session. */
  cookie: string;
  email: string;
  password: string;
}

/** High enough that no benchmark run ever meets them. */
const RAISED_RATE_LIMITS = 'sign-in:ip=1000000/1 sign-in:account=1000000/1';

runChild<AcctReady>(async () => {
  const { databaseUrl } = childSettings<AcctSettings>();
  const config = testConfig({
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { ACCT_DATA_DIR: 'memory://' }),
    // The default level, one line per request, as a production server logs (BENCH_LOG_LEVEL
    // changes it, to see what logging costs). The runner sends this process's standard output to
    // /dev/null, so the cost measured is pino's, not a terminal's.
    ACCT_LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'info',
    ACCT_RATE_LIMITS: RAISED_RATE_LIMITS,
  });
  const running = await startServer({ config, logger: createLogger(config.logLevel), publicUrlFromPort: true });
  const { client, email, password } = await signedUpClient(running.services, running.url);
  if (!client.sessionCookie) throw new Error('signing up gave no session cookie');
  return { url: running.url, cookie: `${SESSION_COOKIE}=${client.sessionCookie}`, email, password };
});
