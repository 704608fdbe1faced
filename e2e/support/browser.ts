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

/**
 * Records each new value of `expression` (page script, as text: this file is compiled for Node),
 * frame by frame from the first frame of every page loaded from now on: what a person could have
 * seen while the page loaded. The returned function reads the current page's record.
 */
export async function watchFrames(page: Page, expression: string): Promise<() => Promise<string[]>> {
  await page.addInitScript(`window.framesSeen = [];
    let last;
    const look = () => {
      const now = (${expression});
      if (now !== last) window.framesSeen.push((last = now));
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);`);
  return () => page.evaluate('window.framesSeen') as Promise<string[]>;
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
 * Does `action`, then waits for `locator` like `locator.waitFor()`; a timeout says what the page
 * did meanwhile: each request sent since the action, with its answer's status or "no answer" (a
 * module or an API call that hangs), what it wrote in the console, and the text `within` shows, its
 * shadow root's included. It explained the onboarding journey's sign-up timeout under CI's load (a
 * form that vanished while its container loaded: loader/slots-until-defined.ts), and stays for the
 * next such step.
 */
export async function waitOrExplain(
  page: Page,
  action: () => Promise<void>,
  locator: Locator,
  within: Locator,
): Promise<void> {
  const requests = new Map<Request, { at: number; outcome: string }>();
  const started = Date.now();
  const sent = (request: Request) => requests.set(request, { at: Date.now() - started, outcome: 'no answer' });
  const finished = (request: Request) => {
    const entry = requests.get(request);
    if (entry) void request.response().then((response) => (entry.outcome = String(response?.status() ?? '?')));
  };
  const failed = (request: Request) => {
    const entry = requests.get(request);
    if (entry) entry.outcome = `failed: ${request.failure()?.errorText ?? '?'}`;
  };
  const said: string[] = [];
  const heard = (message: ConsoleMessage) => said.push(`${message.type()}: ${message.text()}`);
  page.on('request', sent);
  page.on('requestfinished', finished);
  page.on('requestfailed', failed);
  page.on('console', heard);
  try {
    await action();
    await locator.waitFor();
  } catch (error) {
    const log = [...requests].map(([r, { at, outcome }]) => `${r.method()} ${r.url()} at +${at} ms: ${outcome}`);
    const shown = await within
      .evaluate((element) => (element.shadowRoot ?? element).textContent?.replace(/\s+/g, ' ').trim())
      .catch(() => '(not readable)');
    const explanation = [`requests since: ${log.join('; ') || 'none'}`, `console: ${said.join('; ') || 'nothing'}`];
    throw new Error(`${(error as Error).message}\n${explanation.join('\n')}\nshown: ${shown}`, { cause: error });
  } finally {
    page.off('request', sent);
    page.off('requestfinished', finished);
    page.off('requestfailed', failed);
    page.off('console', heard);
  }
}
