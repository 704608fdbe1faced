/**
 * The pinned, SRI-checked script tag of docs/embedding.md, in Chromium, with the real build: a
 * host page on its own origin loads `/acct/<hash>/acct.js` with the integrity `/acct/bundle.json`
 * gives and `crossorigin`, and `<acct-login>` renders; the same tag with an integrity that does not
 * match is refused by the browser, so no element is defined. Runs on each database.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { BundleManifest } from '../scripts/bundle-manifest';
import type { RunningServer } from '../server/start';
import { describeOnEachDatabase } from '../server/testing/databases';
import { startTestServer } from '../server/testing/test-server';
import { launchChromium } from './support/browser';

/** The tag as the docs show it. */
const hostPage = (src: string, integrity: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pinned host</title>
<script type="module" src="${src}" integrity="${integrity}" crossorigin="anonymous"></script></head>
<body><acct-login></acct-login></body></html>`;

describeOnEachDatabase('the pinned script tag', (getDb) => {
  let host: Server;
  let hostUrl = '';
  let acct: RunningServer;
  let browser: Browser;
  let manifest: BundleManifest;

  before(async () => {
    // The host page is written per request, from the query: `?integrity=` overrides the right one.
    host = createServer((req, res) => {
      const asked = new URL(req.url!, 'http://host').searchParams.get('integrity');
      const { path, integrity } = manifest.files['acct.js'];
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(hostPage(`${acct.url}${path}`, asked ?? integrity));
    });
    await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
    acct = await startTestServer(getDb(), { env: { ACCT_HOST: 'localhost', ACCT_ALLOWED_ORIGINS: hostUrl } });
    const res = await fetch(`${acct.url}/acct/bundle.json`);
    assert.equal(res.status, 200, 'the build wrote bundle.json: run `npm run build` before the journeys');
    manifest = (await res.json()) as BundleManifest;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await acct?.close();
    await new Promise<void>((resolve) => host.close(() => resolve()));
  });

  it('loads the pinned build when its integrity matches, immutable in the cache', async () => {
    const page = await browser.newPage();
    const script = page.waitForResponse((res) => res.url().endsWith(manifest.files['acct.js'].path));
    await page.goto(hostUrl);
    const answer = await script;
    assert.equal(answer.status(), 200);
    assert.equal(answer.headers()['cache-control'], 'public, max-age=31536000, immutable');
    await page.locator('acct-login').getByLabel('Email').waitFor();
    assert.equal(await page.evaluate(`customElements.get('acct-login') !== undefined`), true);
    await page.close();
  });

  it('is refused by the browser when a byte differs from the integrity', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
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
