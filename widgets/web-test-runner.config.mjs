/**
 * Web Test Runner: the elements' tests (`widgets/src/**\/*.test.ts`) in real Chromium, against real
 * acct servers. Before the browser starts, a plugin starts acct servers on ephemeral loopback ports
 * over one fresh database, and serves their URLs to the tests as the module `acct-test-env`:
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
 *   unreachable   a loopback port nothing listens on
 *
 * Every server but `limited` gets generous rate limits: the tests sign in and up far more often
 * than a person, from one address, and the buckets are shared (one database, one IP).
 *
 * The test page is served from `localhost` like the servers, so page and servers are same-site
 * (ports do not count): the session cookie is first-party, as in acct's recommended deployment.
 * `localhost` rather than 127.0.0.1 because of passkeys: WebAuthn's RP ID must be the page's host
 * or a parent domain of it, and an IP address can never be one; the servers' RP ID is `localhost`.
 * Cookies do not tell ports apart either, so the cookie servers share one session cookie, and test
 * files run one at a time (`concurrency: 1`) so that one file's sign-in does not leak into another.
 *
 * Besides the servers, the plugin answers a few commands the tests send with
 * `executeServerCommand` (src/testing/helpers.ts, src/testing/webauthn.ts): submitting an emailed
 * link's hosted form, attaching a DevTools virtual authenticator to the test page, ageing a
 * session past the "recent sign-in" window or past its expiry, making an account an administrator
 * (to create onboarding paths and templates through the admin API), which only the database can
 * do, and saving a screenshot of part of the page (src/testing/layout.ts) under test-results/screenshots/.
 *
 * The database is an in-memory embedded PostgreSQL, or a fresh database on the PostgreSQL server in
 * TEST_DATABASE_URL when ACCT_WIDGET_TEST_DB=postgres. This file imports the server's TypeScript,
 * so Node needs tsx: run it through `npm run test:widgets` (scripts/run-widget-tests.ts).
 */
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findChrome, VIRTUAL_AUTHENTICATOR } from '../scripts/find-chrome.ts';
import { openDatabase } from '../server/db/database.ts';
import { createLogger } from '../server/http/logging.ts';
import { startServer } from '../server/start.ts';
import { testConfig } from '../server/testing/test-server.ts';

// Tests import the bare name (which TypeScript can declare, see src/test-globals.d.ts); the plugin
// maps it to a path it answers itself.
const TEST_ENV_MODULE = 'acct-test-env';
const TEST_ENV_PATH = '/__acct-test-env.js';

// Git ignores the folder; the element tests write one PNG per state, light and dark, at phone width.
const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

/**
 * `acct-screenshot { name, clip }`: a PNG of the page's `clip` rectangle (CSS pixels, page
 * coordinates) saved as `<name>.png` under test-results/screenshots/. The name comes from the
 * test; only letters, digits, `-` and `/` are kept, so it stays inside that folder.
 * @param {any} session the test session; its `browser` is the chrome launcher
 * @param {{ name: string, clip: { x: number, y: number, width: number, height: number } }} payload
 */
async function saveScreenshot(session, { name, clip }) {
  const safe = name.toLowerCase().replace(/[^a-z0-9/-]+/g, '-').split('/').filter((part) => part && part !== '..').join('/');
  const path = join(SCREENSHOTS, `${safe || 'screenshot'}.png`);
  await mkdir(dirname(path), { recursive: true });
  /** @type {import('puppeteer-core').Page} */
  const page = session.browser.getPage(session.id);
  await page.screenshot({ path: /** @type {`${string}.png`} */ (path), clip, captureBeyondViewport: true });
  return path;
}

/** A loopback URL whose port was free a moment ago and is closed now: fetches to it are refused. */
async function closedPortUrl() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
  await new Promise((resolve) => probe.close(() => resolve(undefined)));
  return `http://127.0.0.1:${port}`;
}

/** @returns {Promise<{ db: import('../server/db/database.ts').Database, drop: () => Promise<void> }>} */
async function openTestDatabase() {
  if (process.env.ACCT_WIDGET_TEST_DB === 'postgres' && process.env.TEST_DATABASE_URL) {
    // Imported only here: databases.ts also brings in node:test's hooks, which this process never uses.
    const { createTestDatabase } = await import('../server/testing/databases.ts');
    const db = await createTestDatabase('postgres', { migrate: false });
    return { db, drop: () => db.drop() };
  }
  const db = await openDatabase({ dataDir: 'memory://' });
  return { db, drop: () => db.close() };
}

/**
 * `acct-submit-hosted-form { url, fields }`: plays the user on a hosted page an emailed link opens
 * (confirm the address, choose a new password, continue signing in). The page posts only to its
 * own origin, which the test page is not, so Node fills in and posts the form instead, and hands
 * back where the server redirects to: the test page, with the code in its fragment.
 * @param {{ url: string, fields?: Record<string, string> }} payload
 */
async function submitHostedForm({ url, fields = {} }) {
  const page = await fetch(url);
  const html = await page.text();
  const hidden = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]));
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? new URL(url).pathname;
  const answer = await fetch(new URL(action, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hidden, ...fields }).toString(),
    redirect: 'manual',
  });
  return { status: answer.status, location: answer.headers.get('location') };
}

/**
 * DevTools sessions on test pages, by test session id. The chrome launcher reuses its pages from
 * one test file to the next, so a file removes what it attached (`remove`), and whatever is left
 * goes with the session when the page closes.
 * @type {Map<string, { cdp: import('puppeteer-core').CDPSession, authenticatorId: string }>}
 */
const authenticators = new Map();

/**
 * `acct-virtual-authenticator { action }`: Chromium's virtual authenticator on the test page, as a
 * platform passkey provider would be (CTAP2, internal, discoverable credentials, user verified,
 * presence answered at once). Actions: `add` (replacing any), `remove`, `presence` (`enabled`:
 * whether it answers; off, a request waits, which is how a test keeps autofill pending), and
 * `credentials` (what it holds).
 * @param {any} session the test session; its `browser` is the chrome launcher
 * @param {{ action: 'add' | 'remove' | 'presence' | 'credentials', enabled?: boolean }} payload
 */
async function virtualAuthenticator(session, { action, enabled }) {
  const existing = authenticators.get(session.id);
  if (action === 'add' || action === 'remove') {
    if (existing) {
      authenticators.delete(session.id);
      await existing.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: existing.authenticatorId }).catch(() => undefined);
      await existing.cdp.detach().catch(() => undefined);
    }
    if (action === 'remove') return true;
    /** @type {import('puppeteer-core').Page} */
    const page = session.browser.getPage(session.id);
    const cdp = await page.createCDPSession();
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { ...VIRTUAL_AUTHENTICATOR } });
    authenticators.set(session.id, { cdp, authenticatorId });
    return true;
  }
  if (!existing) throw new Error('no virtual authenticator on this page: add one first');
  const { cdp, authenticatorId } = existing;
  if (action === 'presence') {
    await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled: Boolean(enabled) });
    return true;
  }
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  return credentials.map((c) => ({ id: c.credentialId, rpId: c.rpId, userName: c.userName, signCount: c.signCount }));
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
function acctTestServers() {
  /** @type {Array<() => Promise<void>>} */
  const cleanups = [];
  let env = {};
  /** @type {import('../server/db/database.ts').Database | undefined} */
  let database;
  return {
    name: 'acct-test-servers',
    async serverStart({ config }) {
      // The page's origin must be on the servers' CORS allowlist, exactly as the browser sends it.
      const pageOrigin = `http://${config.hostname}:${config.port}`;
      const { db, drop } = await openTestDatabase();
      database = db;
      cleanups.push(drop);
      /** @param {Record<string, string>} settings @param {{ development?: boolean }} [mode] */
      const start = async (settings, { development = false } = {}) => {
        const serverConfig = { ...testConfig({ ACCT_HOST: 'localhost', ACCT_ALLOWED_ORIGINS: pageOrigin, ...settings }), development };
        // Both servers share the database (startServer migrates it; the second finds nothing to do).
        // Silent unless ACCT_WIDGET_TEST_LOG names a level (e.g. `error`), to see why a server answered 500.
        const logger = createLogger(/** @type {any} */ (process.env.ACCT_WIDGET_TEST_LOG || 'silent'));
        const server = await startServer({ config: serverConfig, logger, db });
        cleanups.unshift(() => server.close());
        return server.url;
      };
      const generous = 'sign-in:ip=100000/60 sign-in:account=100000/60 sign-up:ip=100000/60 mail:ip=100000/60 mail:address=100000/60';
      const common = { ACCT_DEV_OUTBOX: 'true', ACCT_RATE_LIMITS: generous };
      const instant = { ...common, ACCT_REQUIRE_EMAIL_VERIFICATION: 'false' };
      env = {
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
        noMagicLink: await start({ ...instant, ACCT_PRODUCT_NAME: 'Acct Passkeys', ACCT_SIGN_IN_METHODS: 'passkey password' }),
        foreign: await start({ ...common, ACCT_PRODUCT_NAME: 'Acct Foreign', ACCT_ALLOWED_ORIGINS: 'https://site.example' }),
        foreignDev: await start({ ...common, ACCT_PRODUCT_NAME: 'Acct Foreign', ACCT_ALLOWED_ORIGINS: 'https://site.example' }, { development: true }),
        unreachable: await closedPortUrl(),
      };
    },
    async serverStop() {
      // Servers first (they use the database), then the database.
      for (const cleanup of cleanups.splice(0)) await cleanup();
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'acct-submit-hosted-form') return submitHostedForm(/** @type {any} */ (payload));
      if (command === 'acct-virtual-authenticator') return virtualAuthenticator(session, /** @type {any} */ (payload));
      if (command === 'acct-screenshot') return saveScreenshot(session, /** @type {any} */ (payload));
      if (command === 'acct-age-session') {
        // Moves a session's sign-in back in time, past the ten minutes within which passkeys may
        // be changed (SECURITY.md F3): no test should wait ten minutes.
        const { sessionId, seconds } = /** @type {{ sessionId: string, seconds: number }} */ (payload);
        const knex = /** @type {NonNullable<typeof database>} */ (database).knex;
        await knex('user_sessions').where({ id: sessionId }).update({ created_at: knex.raw('now() - make_interval(secs => ?)', [seconds]) });
        return true;
      }
      if (command === 'acct-expire-session') {
        // Moves a session's absolute expiry into the past, as if its thirty days had gone by.
        const { sessionId } = /** @type {{ sessionId: string }} */ (payload);
        const knex = /** @type {NonNullable<typeof database>} */ (database).knex;
        return (await knex('user_sessions').where({ id: sessionId }).update({ expires_at: knex.raw("now() - interval '1 second'") })) === 1;
      }
      if (command === 'acct-confirm-address') {
        // Marks an account's address as proven by its owner, as confirming the sign-up mail would:
        // test accounts are made on servers without email verification, and the first proof of
        // an address (an invitation accepted, say) otherwise drops the password they signed up
        // with (server/modules/users/address-proof.ts).
        const { email } = /** @type {{ email: string }} */ (payload);
        const knex = /** @type {NonNullable<typeof database>} */ (database).knex;
        return (await knex('auth.users').whereRaw('lower(email) = lower(?)', [email]).update({ email_verified_at: knex.fn.now() })) === 1;
      }
      if (command === 'acct-grant-admin') {
        // Makes an account an acct administrator, as `npm run admin:grant` does: the onboarding
        // tests create their own paths and templates through the admin API.
        const { email } = /** @type {{ email: string }} */ (payload);
        const knex = /** @type {NonNullable<typeof database>} */ (database).knex;
        return (await knex('auth.users').whereRaw('lower(email) = lower(?)', [email]).update({ app_role: 'admin' })) === 1;
      }
      return undefined;
    },
    resolveImport({ source }) {
      if (source === TEST_ENV_MODULE) return TEST_ENV_PATH;
    },
    serve(context) {
      if (context.path === TEST_ENV_PATH) {
        return { body: `export const testServers = ${JSON.stringify(env)};`, type: 'js' };
      }
    },
  };
}

export default {
  files: ['widgets/src/**/*.test.ts'],
  hostname: 'localhost',
  concurrency: 1,
  nodeResolve: true,
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChrome(), args: CHROME_ARGS } })],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'widgets/tsconfig.json' }), acctTestServers()],
  testFramework: { config: { timeout: 10000 } },
  // Lit's development build announces itself once per test file, and the store explains the
  // `foreign` servers' refusal in the console (which the tests check themselves): nothing to act on.
  filterBrowserLogs: ({ args }) =>
    !args.some((arg) => typeof arg === 'string' && (arg.includes('Lit is in dev mode') || arg.startsWith("acct: this page's origin"))),
};
