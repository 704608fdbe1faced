/**
 * The Web Test Runner plugin that gives the element tests real acct servers. Before the browser
 * starts, it starts acct servers on ephemeral loopback ports over one fresh database, and serves
 * their URLs to the tests as the module `acct-test-env` (declared in src/test-globals.d.ts):
 *
 *   main          every sign-in method, sign-up enabled, email verification required, dev outbox
 *   passwordOnly  only `password`, sign-up disabled, a 12-character minimum
 *   instant       like main, but sign-up signs in at once (no email verification)
 *   bearer        like instant, with the session as a bearer token instead of a cookie
 *   limited       like instant, but a password may be tried twice per hour per account, an
 *                 emailed link lives 2 seconds (to see one expire), and an address gets one sign-in
 *                 link every 3 seconds (to see a resend wait out its limit)
 *   noMagicLink   like instant, but only `passkey password`: a passkey can be an account's last way in
 *   foreign       like main, but the test page's origin is not in its ACCT_ALLOWED_ORIGINS (a site's
 *                 first embed); `foreignDev` the same in development mode (`npm start`'s --dev)
 *   oauth         like instant, with sign-in providers: `testop` ("Test Provider"), a real OpenID
 *                 Provider on loopback (server/testing/oidc-provider.ts) whose next login a test
 *                 names with the `acct-oidc-sign-in-next` command, then the presets GitLab, Google
 *                 and Microsoft (configured, never contacted: only their buttons are tested); the
 *                 same provider is also the connected app `stagebook` (`acct-connected-app-authorize`)
 *   oauthDown     like instant, with one provider ("Test Provider") whose issuer is a closed port:
 *                 listed in /api/config, unreachable when used (a link that cannot start)
 *   unreachable   a loopback port nothing listens on
 *
 * The same module also exports `bundle`: the tags the source registers (element-tags.mjs), whether
 * the build is there, and whether this is CI, where a missing build fails the bundle test instead
 * of skipping it.
 *
 * Every server but `limited` gets generous rate limits: the tests sign in and up far more often
 * than a person, from one address, and the buckets are shared (one database, one IP). The plugin
 * also answers the tests' server commands (commands.mjs).
 *
 * The database is an in-memory embedded PostgreSQL, or a fresh database on the PostgreSQL server in
 * TEST_DATABASE_URL when ACCT_WIDGET_TEST_DB=postgres.
 */
/* global fetch */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logging.ts';
import { startServer } from '../../server/start.ts';
import { signInAt, startTestProvider } from '../../server/testing/oidc-provider.ts';
import { testConfig } from '../../server/testing/test-server.ts';
import { runCommand } from './commands.mjs';
import { elementTags } from './element-tags.mjs';

// Tests import the bare name (which TypeScript can declare, see src/test-globals.d.ts); the plugin
// maps it to a path it answers itself.
const TEST_ENV_MODULE = 'acct-test-env';
const TEST_ENV_PATH = '/__acct-test-env.js';

// What `npm run build` writes and the servers answer at /acct.js (DEFAULT_BUNDLE_DIR in server/modules/bundle/bundle.routes.ts).
const BUILT_BUNDLE = fileURLToPath(new URL('../dist/acct.js', import.meta.url));

/** A loopback URL whose port was free a moment ago and is closed now: fetches to it are refused. */
async function closedPortUrl() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
  await new Promise((resolve) => probe.close(() => resolve(undefined)));
  return `http://127.0.0.1:${port}`;
}

/** @returns {Promise<{ db: import('../../server/db/database.ts').Database, drop: () => Promise<void> }>} */
async function openTestDatabase() {
  if (process.env.ACCT_WIDGET_TEST_DB === 'postgres' && process.env.TEST_DATABASE_URL) {
    // Imported only here: databases.ts also brings in node:test's hooks, which this process never uses.
    const { createTestDatabase } = await import('../../server/testing/databases.ts');
    const db = await createTestDatabase('postgres', { migrate: false });
    return { db, drop: () => db.drop() };
  }
  const db = await openDatabase({ dataDir: 'memory://' });
  return { db, drop: () => db.close() };
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function acctTestServers() {
  /** @type {Array<() => Promise<void>>} */
  const cleanups = [];
  let servers = {};
  /** @type {import('../../server/db/database.ts').Database | undefined} */
  let database;
  /** @type {import('../../server/testing/oidc-provider.ts').TestProvider | undefined} */
  let op;
  return {
    name: 'acct-test-servers',
    async serverStart({ config }) {
      // The page's origin must be on the servers' CORS allowlist, exactly as the browser sends it.
      const pageOrigin = `http://${config.hostname}:${config.port}`;
      const { db, drop } = await openTestDatabase();
      database = db;
      cleanups.push(drop);
      /**
       * @param {Record<string, string>} settings
       * @param {{ development?: boolean, publicUrlFromPort?: boolean }} [mode] `publicUrlFromPort`: the
       * server's public URL is where it listens (a provider's callback must be that exact address)
       */
      const start = async (settings, { development = false, publicUrlFromPort = false } = {}) => {
        const serverConfig = {
          ...testConfig({ ACCT_HOST: 'localhost', ACCT_ALLOWED_ORIGINS: pageOrigin, ...settings }),
          development,
        };
        // Both servers share the database (startServer migrates it; the second finds nothing to do).
        // Silent unless ACCT_WIDGET_TEST_LOG names a level (e.g. `error`), to see why a server answered 500.
        const logger = createLogger(/** @type {any} */ (process.env.ACCT_WIDGET_TEST_LOG || 'silent'));
        const server = await startServer({ config: serverConfig, logger, db, publicUrlFromPort });
        cleanups.unshift(() => server.close());
        return server.url;
      };
      op = await startTestProvider({ revocation: true });
      cleanups.push(() => /** @type {NonNullable<typeof op>} */ (op).close());
      const generous =
        'sign-in:ip=100000/60 sign-in:account=100000/60 sign-up:ip=100000/60 mail:ip=100000/60 mail:address=100000/60 mfa-code:ip=100000/60';
      const common = { ACCT_DEV_OUTBOX: 'true', ACCT_RATE_LIMITS: generous };
      const instant = { ...common, ACCT_REQUIRE_EMAIL_VERIFICATION: 'false' };
      const foreign = { ...common, ACCT_PRODUCT_NAME: 'Acct Foreign', ACCT_ALLOWED_ORIGINS: 'https://site.example' };
      servers = {
        main: await start({ ...common, ACCT_PRODUCT_NAME: 'Acct Test' }),
        passwordOnly: await start({
          ...common,
          ACCT_PRODUCT_NAME: 'Password Only',
          ACCT_SIGN_IN_METHODS: 'password',
          ACCT_SIGN_UP_ENABLED: 'false',
          ACCT_PASSWORD_MIN_LENGTH: '12',
        }),
        instant: await start({ ...instant, ACCT_PRODUCT_NAME: 'Acct Instant' }),
        bearer: await start({ ...instant, ACCT_PRODUCT_NAME: 'Acct Bearer', ACCT_SESSION_TRANSPORT: 'bearer' }),
        limited: await start({
          ...instant,
          ACCT_PRODUCT_NAME: 'Acct Limited',
          ACCT_MAGIC_LINK_TTL: '2',
          ACCT_RATE_LIMITS: `${generous.replace('sign-in:account=100000/60', 'sign-in:account=2/3600')} magic-link:address=1/3`,
        }),
        noMagicLink: await start({
          ...instant,
          ACCT_PRODUCT_NAME: 'Acct Passkeys',
          ACCT_SIGN_IN_METHODS: 'passkey password',
        }),
        oauthDown: await start({
          ...instant,
          ACCT_PRODUCT_NAME: 'Acct OAuth Down',
          ACCT_OIDC_TESTOP_ISSUER: await closedPortUrl(),
          ACCT_OIDC_TESTOP_CLIENT_ID: 'acct-tests',
          ACCT_OIDC_TESTOP_CLIENT_SECRET: 'not-a-secret',
          ACCT_OIDC_TESTOP_NAME: 'Test Provider',
        }),
        foreign: await start(foreign),
        foreignDev: await start(foreign, { development: true }),
        oauth: await start(
          {
            ...instant,
            ACCT_PRODUCT_NAME: 'Acct OAuth',
            ACCT_OIDC_TESTOP_ISSUER: op.issuer,
            ACCT_OIDC_TESTOP_CLIENT_ID: op.clientId,
            ACCT_OIDC_TESTOP_CLIENT_SECRET: op.clientSecret,
            ACCT_OIDC_TESTOP_NAME: 'Test Provider',
            ACCT_OAUTH_GITLAB_CLIENT_ID: 'gitlab-client',
            ACCT_OAUTH_GITLAB_CLIENT_SECRET: 'gitlab-secret',
            ACCT_OAUTH_GOOGLE_CLIENT_ID: 'google-client',
            ACCT_OAUTH_GOOGLE_CLIENT_SECRET: 'google-secret',
            ACCT_OAUTH_MICROSOFT_CLIENT_ID: 'microsoft-client',
            ACCT_OAUTH_MICROSOFT_CLIENT_SECRET: 'microsoft-secret',
            ACCT_OAUTH_MICROSOFT_TENANT: 'organizations-test',
            // One connected app, the same provider as an OAuth 2 server (`acct-connected-app-authorize`).
            ACCT_CONNECTED_APPS: JSON.stringify([
              {
                id: 'stagebook',
                name: 'Stagebook',
                authorizationUrl: `${op.issuer}/auth`,
                tokenUrl: `${op.issuer}/token`,
                revocationUrl: `${op.issuer}/token/revocation`,
                clientId: op.clientId,
                clientSecret: op.clientSecret,
                scopes: ['openid'],
                accountUrl: `${op.issuer}/me`,
              },
            ]),
          },
          { publicUrlFromPort: true },
        ),
        unreachable: await closedPortUrl(),
      };
      op.register(`${servers.oauth}/auth/oauth/testop/callback`, `${servers.oauth}/auth/connected-apps/callback`);
    },
    async serverStop() {
      // Servers first (they use the database), then the database.
      for (const cleanup of cleanups.splice(0)) await cleanup();
    },
    executeCommand({ command, payload, session }) {
      // `acct-oidc-sign-in-next { sub, email, email_verified?, name? }`: the test provider's next
      // login (in a popup the test page cannot script) signs in as this new account.
      if (command === 'acct-oidc-sign-in-next' && op) {
        const account = /** @type {import('../../server/testing/oidc-provider.ts').TestAccount} */ (payload);
        op.addAccount(account);
        op.signInNextAs(account.sub);
        return true;
      }
      // `acct-connected-app-authorize { url, sub }`: a browser at the provider for a connected app
      // (the test page cannot leave itself): signs in as `sub`, follows the provider's return to
      // acct's callback, and answers where acct sends the browser back (the page, with `#acct_app=…`).
      if (command === 'acct-connected-app-authorize' && op) {
        const { url, sub } = /** @type {{ url: string, sub: string }} */ (payload);
        const provider = op;
        provider.addAccount({ sub });
        return signInAt(provider, url, sub).then(async (returned) => {
          if (!('url' in returned)) return null;
          const back = await fetch(returned.url, { redirect: 'manual' });
          return back.headers.get('location');
        });
      }
      return runCommand({ command, payload, session, database });
    },
    resolveImport({ source }) {
      if (source === TEST_ENV_MODULE) return TEST_ENV_PATH;
    },
    serve(context) {
      if (context.path !== TEST_ENV_PATH) return undefined;
      const bundle = { tags: elementTags(), built: existsSync(BUILT_BUNDLE), ci: Boolean(process.env.CI) };
      return {
        body: `export const testServers = ${JSON.stringify(servers)};\nexport const bundle = ${JSON.stringify(bundle)};`,
        type: 'js',
      };
    },
  };
}
