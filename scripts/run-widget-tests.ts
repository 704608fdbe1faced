/**
 * Runs the elements' browser tests (`widgets/src/**\/*.test.ts`) with Web Test Runner in Chromium,
 * once on the embedded PostgreSQL and, when TEST_DATABASE_URL is set, once more on a real
 * PostgreSQL. The runner's config (widgets/web-test-runner.config.mjs) starts acct servers from
 * the server's TypeScript, so Node runs it with tsx loaded. Arguments go on to `wtr`:
 *
 *   tsx scripts/run-widget-tests.ts
 *   tsx scripts/run-widget-tests.ts --files widgets/src/elements/login/login.test.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChrome } from './find-chrome';

try {
  findChrome();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

// The bin file itself: the package's exports map does not expose it, and `npx` would add a
// second Node start-up per run.
const wtr = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
if (!existsSync(wtr)) {
  console.error('@web/test-runner is not installed; run `npm install`.');
  process.exit(1);
}

const config = fileURLToPath(new URL('../widgets/web-test-runner.config.mjs', import.meta.url));
const databases = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const nodeOptions = [process.env.NODE_OPTIONS, '--import tsx'].filter(Boolean).join(' ');

for (const database of databases) {
  console.log(`\nElement tests, database: ${database}`);
  const result = spawnSync(process.execPath, [wtr, '--config', config, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: nodeOptions, ACCT_WIDGET_TEST_DB: database },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
