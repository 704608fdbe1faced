/**
 * The pinned, SRI-checked script tag of docs/embedding.md, in Chromium, with the real build: a
 * host page on its own origin loads the whole kit, `/acct/<hash>/acct-all.js`, with the integrity
 * `/acct/bundle.json` gives and `crossorigin`, and `<acct-login>` renders; the same tag with an
 * integrity that does not match is refused by the browser, so no element is defined. The pinned
 * loader, `/acct/<hash>/acct.js`, fetches its chunks from the same pinned folder, all immutable.
 * Runs on each database.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { BundleManifest } from '../scripts/bundle-manifest';
import type { RunningServer } from '../server/start';
import { describeOnEachDatabase } from '../server/testing/databases';
import { startTestServer } from '../server/testing/test-server';
import { servedBundleManifest, startHostSite, type HostSite } from './support/host-site';
import { consoleLines, launchChromium } from './support/browser';

/** The tag as the docs show it, after an import map when one is given. */
const hostPage = (src: string, integrity: string, importMap = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pinned host</title>
${importMap && `<script type="importmap">${importMap}</script>`}
<script type="module" src="${src}" integrity="${integrity}" crossorigin="anonymous"></script></head>
<body><acct-login></acct-login></body></html>`;

/**
 * The import map of docs/embedding.md: the integrity of every script of the build but `entry`;
 * `tamper` names one whose integrity is replaced by a wrong one.
 */
function importMapFor(acctUrl: string, manifest: BundleManifest, entry: string, tamper?: string): string {
  const wrong = `sha384-${Buffer.alloc(48, 7).toString('base64')}`;
  const integrity = Object.fromEntries(
    Object.entries(manifest.files)
      .filter(([file]) => file.endsWith('.js') && file !== entry)
      .map(([file, { path, integrity }]) => [`${acctUrl}${path}`, file === tamper ? wrong : integrity]),
  );
  return JSON.stringify({ integrity });
}

describeOnEachDatabase('the pinned script tag', (getDb) => {
  let host: HostSite;
  let hostUrl = '';
  let acct: RunningServer;
  let browser: Browser;
  let manifest: BundleManifest;

  before(async () => {
    // The host page is written per request, from the query: `?file=` picks the pinned file (the
    // kit by default), `?integrity=` overrides the right integrity, `?importmap` adds the import
    // map of the other files' integrities, `?tamper=` spoils one of them.
    host = await startHostSite((query) => {
      const file = query.get('file') ?? 'acct-all.js';
      const { path, integrity } = manifest.files[file]!;
      const importMap = query.has('importmap')
        ? importMapFor(acct.url, manifest, file, query.get('tamper') ?? undefined)
        : '';
      return hostPage(`${acct.url}${path}`, query.get('integrity') ?? integrity, importMap);
    });
    hostUrl = host.url;
    acct = await startTestServer(getDb(), { env: { ACCT_HOST: 'localhost', ACCT_ALLOWED_ORIGINS: hostUrl } });
    manifest = await servedBundleManifest(acct.url);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await acct?.close();
    await host?.close();
  });

  it('loads the pinned build when its integrity matches, immutable in the cache', async () => {
    const page = await browser.newPage();
    const script = page.waitForResponse((res) => res.url().endsWith(manifest.files['acct-all.js']!.path));
    await page.goto(hostUrl);
    const answer = await script;
    assert.equal(answer.status(), 200);
    assert.equal(answer.headers()['cache-control'], 'public, max-age=31536000, immutable');
    await page.locator('acct-login').getByLabel('Email').waitFor();
    assert.equal(await page.evaluate(`customElements.get('acct-login') !== undefined`), true);
    await page.close();
  });

  it('loads the pinned loader, whose chunks come from the same pinned folder, immutable', async () => {
    const page = await browser.newPage();
    const scripts: Array<{ url: string; cache: string | undefined }> = [];
    page.on('response', (res) => {
      if (res.url().startsWith(acct.url) && res.url().endsWith('.js'))
        scripts.push({ url: res.url(), cache: res.headers()['cache-control'] });
    });
    await page.goto(`${hostUrl}/?file=acct.js`);
    await page.locator('acct-login').getByLabel('Email').waitFor();
    const folder = `${acct.url}/acct/${manifest.hash}/`;
    assert.ok(
      scripts.some((s) => s.url.endsWith('/acct/acct-login.js')),
      'the element came through the loader',
    );
    for (const { url, cache } of scripts) {
      assert.ok(url.startsWith(folder), `${url} is in the pinned folder`);
      assert.equal(cache, 'public, max-age=31536000, immutable', url);
    }
    await page.close();
  });

  it('checks the pinned loader’s chunks against an import map’s integrity', async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}/?file=acct.js&importmap`);
    await page.locator('acct-login').getByLabel('Email').waitFor();
    await page.close();

    // The same page with one chunk's integrity wrong: the browser refuses it, so no form.
    const core = Object.keys(manifest.files).find((file) => /^acct\/chunks\/core-.*\.js$/.test(file))!;
    const tampered = await browser.newPage();
    const errors = consoleLines(tampered, 'error');
    await tampered.goto(`${hostUrl}/?file=acct.js&importmap&tamper=${encodeURIComponent(core)}`);
    await tampered.waitForFunction("document.readyState === 'complete'");
    await tampered.waitForTimeout(500);
    assert.equal(await tampered.evaluate(`customElements.get('acct-login') === undefined`), true);
    assert.ok(
      errors.some((text) => /integrity/i.test(text)),
      `Chromium says why: ${errors.join(' | ')}`,
    );
    await tampered.close();
  });

  it('is refused by the browser when a byte differs from the integrity', async () => {
    const page = await browser.newPage();
    const errors = consoleLines(page, 'error');
    // The right algorithm and length, the wrong digest: what a tampered or different file gives.
    const wrong = `sha384-${Buffer.alloc(48, 7).toString('base64')}`;
    await page.goto(`${hostUrl}/?integrity=${encodeURIComponent(wrong)}`);
    await page.waitForFunction("document.readyState === 'complete'");
    assert.equal(await page.evaluate(`customElements.get('acct-login') === undefined`), true);
    assert.ok(
      errors.some((text) => /integrity/i.test(text)),
      `Chromium says why it refused the script: ${errors.join(' | ')}`,
    );
    await page.close();
  });
});
