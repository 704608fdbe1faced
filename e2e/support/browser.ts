/**
 * Chromium for the journeys: the system's (never a downloaded one), driven by playwright-core.
 * Page errors and console errors are collected, so a journey can assert the page stayed clean.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChrome(),
    headless: true,
    // Playwright adds its own headless flag.
    args: CHROME_ARGS.filter((arg) => !arg.startsWith('--headless')),
  });
}

/** Records what went wrong on a page: uncaught errors, console errors, and failed requests by URL. */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  return problems;
}
