/**
 * Web Test Runner: the elements' tests (`widgets/src/**\/*.test.ts`) in real Chromium, against real
 * acct servers that the plugin in test-runner/servers.mjs starts before the browser (and whose
 * URLs the tests import from `acct-test-env`); the commands the tests send with
 * `executeServerCommand` are in test-runner/commands.mjs.
 *
 * The test page is served from `localhost` like the servers, so page and servers are same-site
 * (ports do not count): the session cookie is first-party, as in acct's recommended deployment.
 * `localhost` rather than 127.0.0.1 because of passkeys: WebAuthn's RP ID must be the page's host
 * or a parent domain of it, and an IP address can never be one; the servers' RP ID is `localhost`.
 * Cookies do not tell ports apart either, so the cookie servers share one session cookie, and test
 * files run one at a time (`concurrency: 1`) so that one file's sign-in does not leak into another.
 *
 * The plugin imports the server's TypeScript, so Node needs tsx: run this through
 * `npm run test:widgets` (scripts/run-widget-tests.ts).
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { CHROME_ARGS, findChrome } from '../scripts/find-chrome.ts';
import { minifyTemplatesPlugin } from '../scripts/minify-templates.ts';
import { acctTestServers } from './test-runner/servers.mjs';

/**
 * The elements' templates minified as the build minifies them (scripts/minify-templates.ts), so
 * that the tests render what a site is sent; the tests' own fixtures are left as written.
 */
const minifiedTemplates = fromRollup(minifyTemplatesPlugin)(fileURLToPath(new URL('src/', import.meta.url)));

export default {
  files: ['widgets/src/**/*.test.ts'],
  hostname: 'localhost',
  concurrency: 1,
  nodeResolve: true,
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChrome(), args: CHROME_ARGS } })],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'widgets/tsconfig.json' }), minifiedTemplates, acctTestServers()],
  testFramework: { config: { timeout: 10000 } },
  // Lit's development build announces itself once per test file, and the store explains the
  // `foreign` servers' refusal in the console (which the tests check themselves): nothing to act on.
  filterBrowserLogs: ({ args }) =>
    !args.some(
      (arg) =>
        typeof arg === 'string' && (arg.includes('Lit is in dev mode') || arg.startsWith("acct: this page's origin")),
    ),
};
