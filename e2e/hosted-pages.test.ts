/**
 * The hosted pages in Chromium, for brand colours that are hard to get right — a light yellow, a
 * near-black indigo, the default blue — in light and in dark mode: axe finds no WCAG 2.2 A/AA
 * violation (text contrast of the buttons, links, hints and errors included), the keyboard focus
 * ring stands out 3:1 from the card, the logo from another origin loads under the pages' CSP, and
 * nothing is blocked by the CSP or fails to load (stylesheet, icon, logo). Runs on each database.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { contrastRatio } from '../server/brand/colors';
import { createUser } from '../server/modules/users/users.queries';
import type { RunningServer } from '../server/start';
import { latestMail, linkIn, uniqueEmail } from '../server/testing/accounts';
import { describeOnEachDatabase } from '../server/testing/databases';
import { TestClient, TEST_ORIGIN } from '../server/testing/http-client';
import { startTestServer } from '../server/testing/test-server';
import { launchChromium } from './support/browser';

const COLOURS = ['#facc15', '#1e1b4b', '#1d4ed8'];
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" rx="8" fill="#334155"/></svg>`;

/** `rgb(r, g, b)` as computed styles give it, as `#rrggbb`. */
const hex = (rgb: string) => {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
  return `#${[r, g, b].map((c) => (c ?? 0).toString(16).padStart(2, '0')).join('')}`;
};

describeOnEachDatabase('hosted pages in Chromium', (getDb) => {
  let logoHost: Server;
  let browser: Browser;
  const servers: RunningServer[] = [];

  before(async () => {
    // The logo lives on another origin, as it would on a CDN.
    logoHost = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(LOGO));
    await new Promise<void>((resolve) => logoHost.listen(0, 'localhost', resolve));
    const logoUrl = `http://localhost:${(logoHost.address() as AddressInfo).port}/brand/logo.svg`;
    for (const colour of COLOURS) {
      servers.push(
        await startTestServer(getDb(), {
          env: { ACCT_PRODUCT_NAME: 'Stagehand', ACCT_BRAND_COLOR: colour, ACCT_BRAND_LOGO_URL: logoUrl },
        }),
      );
    }
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
    await new Promise<void>((resolve) => logoHost.close(() => resolve()));
  });

  /** The pages to look at: a sign-in link's page, the reset form showing an error, the invalid-link page (with a link). */
  async function pagesOf(server: RunningServer): Promise<Array<{ name: string; open: (page: Page) => Promise<void> }>> {
    const client = new TestClient(server.url, { origin: TEST_ORIGIN });
    const email = uniqueEmail('brand');
    await createUser(server.db.knex, { email, passwordHash: null, emailVerified: true });
    await client.post('/api/auth/magic-link', { email, redirectUrl: `${TEST_ORIGIN}/` });
    const magicLink = linkIn(await latestMail(server.services, email, 'magicLink')).href;
    await client.post('/api/auth/password/forgot', { email });
    const resetLink = linkIn(await latestMail(server.services, email, 'resetPassword')).href;
    return [
      { name: 'magic link', open: async (page) => void (await page.goto(magicLink)) },
      {
        name: 'reset form with an error',
        open: async (page) => {
          await page.goto(resetLink);
          await page.locator('#password').fill('opening night 2026');
          await page.locator('#confirm').fill('closing night 2026');
          await Promise.all([page.waitForURL(/\/auth\/reset-password$/), page.locator('button').click()]);
          await page.locator('[role=alert]').waitFor();
        },
      },
      {
        name: 'invalid link',
        open: async (page) => void (await page.goto(`${server.url}/auth/magic-link?token=expired`)),
      },
    ];
  }

  it('meet WCAG AA in light and dark mode for every brand colour, under their CSP', async () => {
    for (const [index, server] of servers.entries()) {
      const pages = await pagesOf(server);
      for (const colorScheme of ['light', 'dark'] as const) {
        // French in dark mode: longer words, other glyphs, same rules.
        const context = await browser.newContext({ colorScheme, locale: colorScheme === 'dark' ? 'fr-FR' : 'en-US' });
        for (const { name, open } of pages) {
          const where = `${COLOURS[index]} ${colorScheme} ${name}`;
          const page = await context.newPage();
          const problems: string[] = [];
          page.on('response', (res) => {
            // The documents' own 400s (an invalid link, a refused password) are the point; their parts must all load.
            if (res.status() >= 400 && res.request().resourceType() !== 'document')
              problems.push(`HTTP ${res.status()} ${res.url()}`);
          });
          page.on('requestfailed', (req) => problems.push(`failed ${req.url()}`));
          // Chrome's own "Failed to load resource" lines are left to the response check, which knows what was expected.
          page.on('console', (msg) => {
            if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
              problems.push(`console: ${msg.text()}`);
          });
          await page.exposeFunction('reportViolation', (text: string) => problems.push(`CSP: ${text}`));
          await page.addInitScript(
            `document.addEventListener('securitypolicyviolation', (e) => reportViolation(e.violatedDirective + ' ' + e.blockedURI))`,
          );

          await open(page);
          // Browser-side code as strings: the Node side's TypeScript has no DOM types.
          assert.equal(
            await page.evaluate(
              `(() => { const img = document.querySelector('main img'); return img.complete && img.naturalWidth > 0 })()`,
            ),
            true,
            `${where}: the logo loads`,
          );
          assert.equal(await page.locator('main img').getAttribute('alt'), 'Stagehand');

          await page.evaluate(axe.source);
          const found = (await page.evaluate(
            `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } })`,
          )) as axe.AxeResults;
          assert.deepEqual(
            found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join(' / ')}`),
            [],
            where,
          );
          assert.ok(
            found.passes.some((rule) => rule.id === 'color-contrast'),
            `${where}: axe did check the contrast`,
          );

          // The first thing the keyboard reaches, and its focus ring against the card.
          await page.keyboard.press('Tab');
          const ring = (await page.evaluate(`(() => {
            const focused = document.activeElement;
            const style = getComputedStyle(focused);
            return { tag: focused.tagName, style: style.outlineStyle, width: style.outlineWidth, colour: style.outlineColor, card: getComputedStyle(document.querySelector('main')).backgroundColor };
          })()`)) as { tag: string; style: string; width: string; colour: string; card: string };
          assert.ok(['BUTTON', 'INPUT', 'A'].includes(ring.tag), `${where}: focused ${ring.tag}`);
          assert.deepEqual([ring.style, ring.width], ['solid', '3px'], where);
          assert.ok(
            contrastRatio(hex(ring.colour), hex(ring.card)) >= 3,
            `${where}: focus ring ${ring.colour} on ${ring.card}`,
          );

          assert.deepEqual(problems, [], where);
          await page.close();
        }
        await context.close();
      }
    }
  });
});
