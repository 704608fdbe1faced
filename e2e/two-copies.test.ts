/**
 * Two copies of acct on one page, in Chromium, with the real build: the loader tag pasted twice,
 * the latest loader (`/acct.js`) beside a pinned one (`/acct/<hash>/acct.js`: another URL, so the
 * browser runs a second copy of every module, as two versions would be), and the loader beside
 * the kit (`/acct-all.js`, another build of the same elements), in either order. In each, the first
 * copy owns the page (widgets/src/core/page-owner.ts): it defines the elements and `window.acct`,
 * and a later copy defines nothing and says so once in the console, rather than throwing or
 * splitting the page between two session stores and two sets of strings. A user signs in through
 * the form, the event reaching the page, and a string overridden through `window.acct` shows in
 * the element.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { BundleManifest } from '../scripts/bundle-manifest';
import type { RunningServer } from '../server/start';
import { signedUpClient } from '../server/testing/accounts';
import { describeOnEachDatabase } from '../server/testing/databases';
import { TEST_ORIGIN } from '../server/testing/http-client';
import { startTestServer } from '../server/testing/test-server';
import { servedBundleManifest, startHostSite, type HostSite } from './support/host-site';
import { consoleLines, launchChromium, watchPageProblems } from './support/browser';
import { SignInForm } from './support/demo-pages';

/** A host page loading each of `scripts` with its own tag, and showing who signed in. */
const hostPage = (scripts: string[]) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Two copies</title>
${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}
</head><body><p id="status">nobody</p><acct-login></acct-login>
<script>document.addEventListener('acct-signed-in', (e) => {
  document.getElementById('status').textContent = 'signed in as ' + e.detail.user.email;
});</script></body></html>`;

const SECOND_COPY = /another copy of acct already runs on this page/;

describeOnEachDatabase('two copies of acct on one page', (getDb) => {
  let host: HostSite;
  let hostUrl = '';
  let acct: RunningServer;
  let browser: Browser;
  let manifest: BundleManifest;

  before(async () => {
    // The page's scripts come from the query, `?src=` once per tag, each a path on the acct server.
    host = await startHostSite((query) => hostPage(query.getAll('src').map((path) => `${acct.url}${path}`)));
    hostUrl = host.url;
    // The host page's origin, and the test client's, which signs the users up.
    const origins = `${hostUrl},${TEST_ORIGIN}`;
    acct = await startTestServer(getDb(), { env: { ACCT_HOST: 'localhost', ACCT_ALLOWED_ORIGINS: origins } });
    manifest = await servedBundleManifest(acct.url);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await acct?.close();
    await host?.close();
  });

  /**
   * Opens the page with these scripts, overrides a string through `window.acct` and signs a new
   * user in through the form; returns the console's warnings.
   */
  async function signInWith(paths: string[]): Promise<string[]> {
    const { email, password } = await signedUpClient(acct.services, acct.url);
    const page = await browser.newPage();
    const problems = watchPageProblems(page);
    const warnings = consoleLines(page, 'warning');
    const query = paths.map((path) => `src=${encodeURIComponent(path)}`).join('&');
    await page.goto(`${hostUrl}/?${query}`);
    const form = new SignInForm(page.locator('acct-login'));
    await form.heading.waitFor();
    // Every copy has run and imported what it wanted before the user acts.
    await page.waitForLoadState('networkidle');
    // The handle on the page is the owner's, so the strings it changes are the elements' own.
    await page.evaluate(`window.acct.translations.override('en', { forgotPassword: 'Two copies, one page?' })`);
    await page.locator('acct-login').getByText('Two copies, one page?').waitFor();
    await form.signInWithPassword(email, password);
    await page.locator('#status', { hasText: `signed in as ${email}` }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
    return warnings;
  }

  it('works with the loader tag pasted twice: one module to the browser, nothing to warn about', async () => {
    const warnings = await signInWith(['/acct.js', '/acct.js']);
    assert.deepEqual(
      warnings.filter((w) => SECOND_COPY.test(w)),
      [],
    );
  });

  const pairs: Record<string, () => string[]> = {
    'the latest loader and a pinned one': () => ['/acct.js', manifest.files['acct.js']!.path],
    'the kit, then the loader': () => ['/acct-all.js', '/acct.js'],
    'the loader, then the kit': () => ['/acct.js', '/acct-all.js'],
  };
  for (const [name, paths] of Object.entries(pairs)) {
    it(`works with ${name}: the second copy says once that it leaves the page to the first`, async () => {
      const warnings = await signInWith(paths());
      assert.equal(warnings.filter((w) => SECOND_COPY.test(w)).length, 1, warnings.join(' | '));
    });
  }
});
