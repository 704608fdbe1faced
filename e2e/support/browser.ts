/**
 * Chromium for the journeys: the system's (never a downloaded one), driven by playwright-core.
 * Page errors and console errors are collected, so a journey can assert the page stayed clean.
 */
import { chromium, type Browser, type ConsoleMessage, type Locator, type Page, type Request } from 'playwright-core';
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

/**
 * Waits for `locator` like `locator.waitFor()`, but a timeout says what the page was doing: the
 * requests still unanswered (a module or an API call that hangs) and what `within` showed. For a
 * step that has timed out under CI's load without a cause found (onboarding journey's sign-up).
 */
export async function waitOrExplain(page: Page, locator: Locator, within: Locator): Promise<void> {
  const pending = new Map<Request, number>();
  const started = Date.now();
  const sent = (request: Request) => pending.set(request, Date.now() - started);
  const done = (request: Request) => pending.delete(request);
  page.on('request', sent);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  try {
    await locator.waitFor();
  } catch (error) {
    const unanswered = [...pending].map(([r, at]) => `${r.method()} ${r.url()} (sent at +${at} ms)`);
    const shown = await within.innerText({ timeout: 1000 }).catch(() => '(not readable)');
    throw new Error(
      `${(error as Error).message}\nunanswered requests: ${unanswered.join('; ') || 'none'}\nshown: ${shown}`,
      { cause: error },
    );
  } finally {
    page.off('request', sent);
    page.off('requestfinished', done);
    page.off('requestfailed', done);
  }
}
