/**
 * Chromium for the journeys: the system's (never a downloaded one), driven by playwright-core.
 * Page errors and console errors are collected, so a journey can assert the page stayed clean.
 */
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChrome(),
    headless: true,
    // Playwright adds its own headless flag.
    args: CHROME_ARGS.filter((arg) => !arg.startsWith('--headless')),
  });
}

/** An answer the API gives on purpose: `GET /api/me` says 401 to a visitor who is not signed in. */
const expected = (status: number, url: string) => status === 401 && new URL(url).pathname === '/api/me';

/**
 * Records what went wrong on a page: uncaught errors, console errors, and failed requests by URL
 * (except the expected ones). Chrome's own "Failed to load resource" console lines are left to the
 * response check, which knows the URL.
 */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 400 && !expected(res.status(), res.url()))
      problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      problems.push(`console: ${msg.text()}`);
  });
  return problems;
}

/** Every console line of `type` the page writes from now on (`warning`: what acct explains to a site's developer). */
export function consoleLines(page: Page, type: ReturnType<ConsoleMessage['type']>): string[] {
  const lines: string[] = [];
  page.on('console', (message) => {
    if (message.type() === type) lines.push(message.text());
  });
  return lines;
}
