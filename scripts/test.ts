/**
 * `npm test`: everything, in order — build the elements (the journeys and the server's bundle
 * route need them), type-check, lint, the Node tests (server and journeys), then the elements' tests in
 * Chromium. The embedded database always; a real PostgreSQL too when TEST_DATABASE_URL is set.
 * Every step runs even after a failure, and a summary says which failed.
 */
import { spawnSync } from 'node:child_process';
import { findChrome } from './find-chrome';

try {
  console.log(`Chromium: ${findChrome()}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
console.log(
  process.env.TEST_DATABASE_URL
    ? 'Databases: embedded (PGlite) and PostgreSQL (TEST_DATABASE_URL)'
    : 'Databases: embedded (PGlite) only; set TEST_DATABASE_URL to a PostgreSQL admin URL to also test on a real server',
);

const steps: [name: string, script: string][] = [
  ['build', 'build'],
  ['typecheck', 'typecheck'],
  ['lint (ESLint, Prettier, cited files and links, element reference)', 'lint'],
  ['server and journey tests', 'test:node'],
  ['element tests (Chromium)', 'test:widgets'],
];

const failed: string[] = [];
for (const [name, script] of steps) {
  console.log(`\n━━ ${name} (npm run ${script})`);
  const started = Date.now();
  const { status } = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  console.log(`━━ ${name}: ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) failed.push(name);
}

if (failed.length) {
  console.error(`\nnpm test failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nnpm test passed');
