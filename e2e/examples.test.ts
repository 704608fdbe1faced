/**
 * The examples of examples/README.md, built and used as a site would (issue 13): the npm package
 * is built once (scripts/build-package.ts), the React and Vue examples are built with their Vite
 * configs into temporary folders with `VITE_ACCT_SERVER` naming a test acct server, and each example — plain
 * HTML with the script tag, React 19, Vue 3 — is served on its own loopback origin. In Chromium, a
 * password account signs in through each page's `<acct-login>`, and the page's own code shows
 * "Signed in as <email>" from the `acct-signed-in` event: the event reached the page, React's
 * `onacct-signed-in` prop, Vue's `@acct-signed-in` listener. The pages log no error. The React
 * example's TSX and the Vue example's script also type-check against the built package's
 * declarations. Runs on each database.
 *
 * The package is built into a folder of this file's own (under node_modules/.cache, where Node
 * still finds its dependencies), not widgets/npm, which e2e/npm-package.test.ts rebuilds, maybe at
 * the same time: the examples' resolver (examples/acct-elements.ts) and tsconfig `paths` are pointed
 * there.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { build, type Plugin, type UserConfig } from 'vite';
import { ACCT_ELEMENTS_PLUGIN, acctElements } from '../examples/acct-elements';
import { buildPackage } from '../scripts/build-package';
import type { RunningServer } from '../server/start';
import { describeOnEachDatabase } from '../server/testing/databases';
import { startTestServer } from '../server/testing/test-server';
import { launchChromium, watchPageProblems } from './support/browser';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');
const PASSWORD = 'examples opening night';
/** The acct server the examples name when nothing else is given: `npm start`'s. */
const DEFAULT_SERVER = 'http://localhost:3000';

/** This file's own copy of the package and the examples' tsconfigs pointed at it. */
const OWN = join(ROOT, 'node_modules/.cache', `acct-examples-${process.pid}`);
const PACKAGE = join(OWN, 'acct-elements');
/** Where the examples' tsconfig `paths` and resolver take the package from. */
const EXAMPLES_PACKAGE = '../../widgets/npm/';

/** The package, built once for the whole file, however many blocks ask for it. */
let packageBuilt: Promise<void> | undefined;
const builtPackage = () => (packageBuilt ??= buildPackage(PACKAGE));
after(() => rmSync(OWN, { recursive: true, force: true }));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

interface Site {
  server: Server;
  url: string;
}

/**
 * A static server for one folder on an ephemeral loopback port, `/` being its index.html; `rewrite`
 * changes an HTML file on the way out (the plain HTML example's acct server address).
 */
async function serveFolder(dir: () => string, rewrite: (html: string) => string = (html) => html): Promise<Site> {
  const server = createServer((req, res) => {
    let file = join(dir(), normalize(decodeURIComponent(new URL(req.url!, 'http://site').pathname)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir()) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const body = type.startsWith('text/html') ? rewrite(readFileSync(file, 'utf8')) : readFileSync(file);
    res.writeHead(200, { 'Content-Type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return { server, url: `http://localhost:${(server.address() as AddressInfo).port}` };
}

/**
 * Builds an example with its own vite.config.ts into `outDir`, for the acct server at `acctUrl`,
 * its `acct-elements` resolver taking this file's copy of the package.
 */
async function buildExample(name: string, outDir: string, acctUrl: string): Promise<void> {
  const root = join(EXAMPLES, name);
  const config = ((await import(pathToFileURL(join(root, 'vite.config.ts')).href)) as { default: UserConfig }).default;
  const plugins = (config.plugins ?? []).flat(Infinity as 1) as Plugin[];
  assert.equal(plugins.filter((plugin) => plugin.name === ACCT_ELEMENTS_PLUGIN).length, 1, 'the resolver is used');
  const before = process.env.VITE_ACCT_SERVER;
  // Vite gives the app the `VITE_*` variables of the environment as `import.meta.env`.
  process.env.VITE_ACCT_SERVER = acctUrl;
  try {
    await build({
      ...config,
      configFile: false,
      root,
      logLevel: 'warn',
      plugins: plugins.map((plugin) => (plugin.name === ACCT_ELEMENTS_PLUGIN ? acctElements(PACKAGE) : plugin)),
      build: { ...config.build, outDir, emptyOutDir: true },
    });
  } finally {
    if (before === undefined) delete process.env.VITE_ACCT_SERVER;
    else process.env.VITE_ACCT_SERVER = before;
  }
}

describe('the examples’ code', { timeout: 180_000 }, () => {
  before(builtPackage);

  for (const name of ['react', 'vue']) {
    it(`type-checks the ${name} example against the built package`, () => {
      // The example's tsconfig, its `paths` moved from widgets/npm to this file's copy.
      const tsconfig = join(EXAMPLES, name, 'tsconfig.json');
      const { compilerOptions } = JSON.parse(readFileSync(tsconfig, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as {
        compilerOptions: { paths: Record<string, string[]> };
      };
      const paths = Object.fromEntries(
        Object.entries(compilerOptions.paths).map(([entry, targets]) => [
          entry,
          targets.map((target) => {
            assert.ok(target.startsWith(EXAMPLES_PACKAGE), `${entry}: ${target} is in widgets/npm`);
            return join(PACKAGE, target.slice(EXAMPLES_PACKAGE.length));
          }),
        ]),
      );
      mkdirSync(OWN, { recursive: true });
      const own = join(OWN, `tsconfig.${name}.json`);
      writeFileSync(
        own,
        JSON.stringify({ extends: tsconfig, compilerOptions: { paths }, include: [join(EXAMPLES, name, 'src')] }),
      );
      // vue-tsc also checks the single-file components (App.vue), which tsc cannot read.
      const checker = name === 'vue' ? 'node_modules/vue-tsc/bin/vue-tsc.js' : 'node_modules/typescript/bin/tsc';
      const check = spawnSync(process.execPath, [join(ROOT, checker), '-p', own], { encoding: 'utf8' });
      assert.equal(check.status, 0, check.stdout + check.stderr);
    });
  }
});

describeOnEachDatabase('the examples, signing in', (getDb) => {
  const out = mkdtempSync(join(tmpdir(), 'acct-examples-'));
  const sites: Record<'html' | 'react' | 'vue', Site> = {} as never;
  let acct: RunningServer;
  let browser: Browser;

  before(async () => {
    sites.html = await serveFolder(
      () => join(EXAMPLES, 'html'),
      (html) => html.replaceAll(`${DEFAULT_SERVER}/`, `${acct.url}/`),
    );
    sites.react = await serveFolder(() => join(out, 'react'));
    sites.vue = await serveFolder(() => join(out, 'vue'));
    acct = await startTestServer(getDb(), {
      env: {
        ACCT_HOST: 'localhost',
        ACCT_ALLOWED_ORIGINS: Object.values(sites)
          .map((site) => site.url)
          .join(','),
        // A new account signs in at once, with no mail to confirm first.
        ACCT_REQUIRE_EMAIL_VERIFICATION: 'false',
      },
    });
    await builtPackage();
    await buildExample('react', join(out, 'react'), acct.url);
    await buildExample('vue', join(out, 'vue'), acct.url);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await acct?.close();
    for (const site of Object.values(sites)) await new Promise<void>((resolve) => site.server.close(() => resolve()));
    rmSync(out, { recursive: true, force: true });
  });

  /** A password account, signed up through the API from the example's origin. */
  async function passwordAccount(origin: string, email: string): Promise<void> {
    const signUp = await fetch(`${acct.url}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    assert.equal(signUp.status, 200, await signUp.text());
  }

  for (const name of ['html', 'react', 'vue'] as const) {
    it(`signs in through the ${name} example, whose own code shows who signed in`, async () => {
      const site = sites[name];
      const email = `${name}-${process.pid}@example.test`;
      await passwordAccount(site.url, email);
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const problems = watchPageProblems(page);
        await page.goto(site.url);
        const form = page.locator('acct-login');
        await form.getByLabel('Email').fill(email);
        await form.getByLabel('Password').fill(PASSWORD);
        await form.getByRole('button', { name: 'Sign in', exact: true }).click();
        // The page's paragraph, not the element's own "You are signed in as …".
        const status = page.locator('#app-status');
        await status.waitFor();
        assert.equal(await status.textContent(), `Signed in as ${email}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
