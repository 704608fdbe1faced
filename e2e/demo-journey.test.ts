/**
 * Journey: a newcomer opens the demo site (its own origin) and the sign-in element, loaded
 * cross-origin from the acct server with one script tag, renders the form the server's
 * configuration asks for. Runs on each database, in the system's Chromium.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { describeOnEachDatabase } from '../server/testing/databases';
import { launchChromium, watchPageProblems } from './support/browser';
import { startStack, type Stack } from './support/stack';

describeOnEachDatabase('demo journey', (getDb) => {
  let stack: Stack;
  let browser: Browser;

  before(async () => {
    stack = await startStack(getDb(), { ACCT_PRODUCT_NAME: 'Stagehand' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('loads <acct-login> from the acct server and renders the sign-in form', async () => {
    const page = await browser.newPage();
    const problems = watchPageProblems(page);
    const bundle = page.waitForResponse((res) => res.url() === `${stack.acct.url}/acct.js`);
    const config = page.waitForResponse((res) => res.url() === `${stack.acct.url}/api/config`);

    await page.goto(stack.demoUrl);
    assert.notEqual(new URL(stack.demoUrl).origin, new URL(stack.acct.url).origin, 'two origins, as on a real site');
    assert.equal((await bundle).status(), 200);
    assert.equal((await config).status(), 200);

    // Evaluated in the page, where customElements exists (the e2e code is typed for Node).
    const defined = await page.evaluate('customElements.get("acct-login") !== undefined');
    assert.equal(defined, true);
    // Playwright's locators pierce shadow roots, as assistive technology does.
    await page.getByRole('heading', { name: /Sign in to Stagehand/ }).waitFor();
    const email = page.getByLabel(/email/i);
    await email.waitFor();
    assert.equal(await email.getAttribute('type'), 'email');
    assert.match((await email.getAttribute('autocomplete')) ?? '', /username/);
    await page.getByLabel(/^password/i).waitFor();
    await page.getByRole('button', { name: /passkey/i }).waitFor();
    await page.getByRole('button', { name: /link/i }).waitFor();

    assert.deepEqual(problems, []);
    await page.close();
  });
});
