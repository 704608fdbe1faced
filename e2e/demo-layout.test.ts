/**
 * Journey of the demo site on a phone and in dark mode, in the system's Chromium: every page at
 * 375 px wide, signed out and signed in, with the system's colour scheme light and then dark. On
 * each: the page never scrolls sideways, axe (run in the page, shadow roots included) finds no
 * violation — the elements follow the page into dark mode, so their text keeps its contrast — and
 * a screenshot is saved under test-results/screenshots/demo/ (ignored by git) for a person to look
 * at. Runs on each database.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoData } from '../demo/seed-demo-data';
import { describeOnEachDatabase } from '../server/testing/databases';
import { watchPageProblems } from './support/browser';
import { DemoSite } from './support/demo-pages';
import { useJourney } from './support/journey';

const PASSWORD = 'opening night 2026';
const PHONE = { width: 375, height: 812 };
const SCREENSHOTS = new URL('../test-results/screenshots/demo/', import.meta.url).pathname;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every page of the demo, and what shows once it has loaded. */
const PAGES: { path: string; ready: string }[] = [
  { path: '/', ready: 'acct-login, acct-user-button' },
  { path: '/onboarding/', ready: 'acct-onboarding' },
  { path: '/core/dashboard/', ready: 'acct-templates' },
  { path: '/productions/events/new/', ready: 'form' },
  { path: '/account/organization/', ready: 'acct-organization' },
  { path: '/account/profile/', ready: 'acct-account' },
  { path: '/account/integrations/', ready: '.integrations' },
  { path: '/account/sessions/', ready: 'acct-account' },
  { path: '/account/security/', ready: 'acct-account' },
  { path: '/dev/outbox/', ready: 'main' },
];

interface Finding {
  page: string;
  problem: string;
}

// Scripts run in the page, as source text: this file is compiled for Node, which has no DOM types,
// and the compiler's helpers (esbuild's `__name`) would not exist in the page.

/** The elements sticking out past the right edge of the screen, for a message that says where to look. */
const WIDEST = `(() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const visit = (root, where) => {
    for (const el of root.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      const name = el.localName + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '');
      if (rect.right > width + 1 && rect.width > 0) found.push(where + name + ' (right edge ' + Math.round(rect.right) + ' px)');
      if (el.shadowRoot) visit(el.shadowRoot, where + el.localName + ' › ');
    }
  };
  visit(document, '');
  return found.slice(0, 8);
})()`;

/** Every acct element on the page has rendered and left its loading state. */
const SETTLED = `[...document.querySelectorAll('*')]
  .filter((el) => el.localName.startsWith('acct-'))
  .every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[part~="status"][role="status"]'))`;

const WIDTHS = `({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })`;

/** axe on the whole page (open shadow roots included): one line per violation. */
const AXE_RUN = `axe.run().then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')))`;

/** Loads `path`, waits until its elements have rendered, then checks it and saves a screenshot. */
async function check(page: Page, origin: string, path: string, ready: string, label: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  await page.goto(`${origin}${path}`);
  await page.locator(ready).first().waitFor();
  await page.waitForFunction(SETTLED);
  const name = `${label}${path.replace(/\/$/, '').replace(/\//g, '-') || '-home'}`;
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });

  const { scrollWidth, innerWidth } = (await page.evaluate(WIDTHS)) as { scrollWidth: number; innerWidth: number };
  if (scrollWidth > innerWidth)
    findings.push({
      page: name,
      problem: `${scrollWidth} px wide in a ${innerWidth} px screen: ${((await page.evaluate(WIDEST)) as string[]).join('; ')}`,
    });

  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(AXE_RUN)) as string[];
  for (const violation of violations) findings.push({ page: name, problem: `axe ${violation}` });
  return findings;
}

describeOnEachDatabase('demo on a phone, light and dark', (getDb) => {
  const journey = useJourney(getDb, { prepare: (db) => seedDemoData(db.knex).then(() => {}) });

  it('fits a 375 px screen and passes axe on every page, signed out and in, in both colour schemes', async () => {
    const { stack } = journey();
    await mkdir(SCREENSHOTS, { recursive: true });
    const context = await journey().newContext();
    const page = await context.newPage();
    await page.setViewportSize(PHONE);
    const problems = watchPageProblems(page);
    const findings: Finding[] = [];

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const { path, ready } of PAGES.slice(0, 2))
        findings.push(...(await check(page, stack.demoUrl, path, ready, `signed-out-${scheme}`)));
    }

    // Signed in: sign up, confirm, and create an organization so that its page shows its members.
    const email = `phone-${Date.now()}@example.test`;
    const site = new DemoSite(page, stack.demoUrl);
    const signIn = await site.openSignIn();
    await signIn.signUp('Ada Lovelace', email, PASSWORD);
    await page.goto(await journey().mailedLink(email, '/auth/verify-email'));
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await site.arrivedAt('/account/sessions/');
    // Signed in once the page has exchanged the link's code: leaving before that would lose it.
    await site.signedInAs('Ada Lovelace');
    await page.goto(`${stack.demoUrl}/account/organization/`);
    await page.locator('acct-organization').getByLabel('Organization name').fill('Globe Theatre');
    await page.locator('acct-organization').getByRole('button', { name: 'Create the organization' }).click();
    await page.locator('acct-organization').getByRole('heading', { name: 'Globe Theatre', level: 2 }).waitFor();

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const { path, ready } of PAGES)
        findings.push(...(await check(page, stack.demoUrl, path, ready, `signed-in-${scheme}`)));
    }

    assert.deepEqual(findings, [], `screenshots in ${SCREENSHOTS}`);
    // Mail goes to the SMTP server here, so the dev outbox is off and its page says so (after a 404).
    assert.deepEqual(
      problems.filter((p) => !p.endsWith('/api/dev/outbox')),
      [],
    );
  });
});
