/**
 * The loader in Chromium with the real build (docs/embedding.md "What a page downloads"): a host
 * page on its own origin adds `/acct.js` and `<acct-login>`, and the network shows it fetched
 * exactly that page's files — the loader, the element's entry and the chunks they import
 * (scripts/bundle-size.ts follows the same graph) — and no other element, no language but English,
 * and no SimpleWebAuthn unless the browser offers passkey autofill. An element added later, inside
 * an open shadow root, is loaded when it appears, with its string area in the page's language (and
 * in English when that chunk fails); a French page fetches the French chunk and renders in French
 * from the first paint. A page with acct.js and no element fetches the loader's files alone, and
 * the site's strings set there apply to an element added later. `<acct-login>`'s views besides the
 * form come when it leaves the form, and a failed fetch of them offers a retry; an element whose
 * code cannot be fetched is named in the console, its slotted content stays hidden, and
 * `acct.load()` fetches it again. A signed-out page logs no error, and with the placeholder rule
 * the docs give, nothing moves as the element loads; with their slot rule, slotted content shows
 * only when its element shows it, from the first frame; without it, the loader's own rule still
 * keeps a sign-up form in `<acct-onboarding>`'s slot from showing before that element shows it, and
 * then vanishing (a name typed before it vanished was lost with the focus: the onboarding journey's
 * old flake).
 * Runs on each database.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { measureBundle } from '../scripts/bundle-size';
import type { RunningServer } from '../server/start';
import { describeOnEachDatabase } from '../server/testing/databases';
import { startTestServer } from '../server/testing/test-server';
import { startHostSite, type HostSite } from './support/host-site';
import { consoleLines, launchChromium, watchFrames, watchPageProblems } from './support/browser';

/** The placeholder rule docs/embedding.md gives sites, read from the docs so that they stay true. */
const PLACEHOLDER_CSS = (() => {
  const docs = readFileSync(fileURLToPath(new URL('../docs/embedding.md', import.meta.url)), 'utf8');
  const section = docs.slice(docs.indexOf('## Before the elements arrive'));
  return section.match(/```css\n([\s\S]*?)```/)![1]!;
})();

/** The page's body: `<acct-login>` alone, or (`?body=onboarding`) in `<acct-onboarding>`'s signed-out slot beside a step's text. */
const BODIES: Record<string, string> = {
  none: '<p>No acct element here (yet)</p>',
  login: '<acct-login></acct-login><p id="below">Below the form</p>',
  onboarding: `<acct-onboarding><acct-login slot="signed-out" mode="sign-up"></acct-login>
    <p slot="step-welcome">A step's own text</p></acct-onboarding>`,
};

const hostPage = (acctUrl: string, lang: string, body: string, css: boolean) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>On-demand host</title>
${css ? `<style>${PLACEHOLDER_CSS}</style>` : ''}
<script type="module" src="${acctUrl}/acct.js"></script></head>
<body>${BODIES[body]}</body></html>`;

describeOnEachDatabase('elements loaded on demand', (getDb) => {
  let host: HostSite;
  let hostUrl = '';
  let acct: RunningServer;
  let browser: Browser;

  before(async () => {
    host = await startHostSite((query) =>
      hostPage(acct.url, query.get('lang') ?? 'en', query.get('body') ?? 'login', query.get('css') !== 'none'),
    );
    hostUrl = host.url;
    acct = await startTestServer(getDb(), { env: { ACCT_HOST: 'localhost', ACCT_ALLOWED_ORIGINS: hostUrl } });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await acct?.close();
    await host?.close();
  });

  /** Opens the host page and returns the paths of the scripts it fetched from acct, as they arrive. */
  async function open(page: Page, lang = 'en'): Promise<Set<string>> {
    const fetched = new Set<string>();
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.origin === acct.url && url.pathname.endsWith('.js')) fetched.add(url.pathname.slice(1));
    });
    await page.goto(`${hostUrl}/?lang=${lang}`);
    await page.locator('acct-login').locator('h2').waitFor();
    return fetched;
  }

  it('fetches only the loader, <acct-login> and the chunks they import, and logs no error', async () => {
    const rows = measureBundle();
    const expected = new Set(rows.find((row) => row.budget === 'loginPage')!.files);
    const webauthn = rows.find((row) => row.what.startsWith('SimpleWebAuthn'))!.files;
    const page = await browser.newPage();
    const problems = watchPageProblems(page);
    const fetched = await open(page);
    const autofill = await page.evaluate('PublicKeyCredential.isConditionalMediationAvailable?.() ?? false');
    // SimpleWebAuthn and the ceremonies' code come with the autofill request, where the browser
    // offers it, and never otherwise.
    const wanted = new Set([...expected, ...(autofill ? webauthn : [])]);
    // The autofill request starts after the form shows, and its options come from the server
    // first: under load that takes longer than a fixed pause. Wait for what is wanted (a file
    // never fetched fails below), then a little more, so that anything fetched late would show.
    const deadline = Date.now() + 5000;
    while ([...wanted].some((file) => !fetched.has(file)) && Date.now() < deadline) await page.waitForTimeout(50);
    await page.waitForTimeout(300);
    assert.deepEqual([...fetched].sort(), [...wanted].sort());
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('on a page with no element yet, fetches only the loader; site strings set then apply to an element added later', async () => {
    const loader = measureBundle().find((row) => row.budget === 'loader')!.files;
    const page = await browser.newPage();
    const problems = watchPageProblems(page);
    const fetched = new Set<string>();
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.origin === acct.url && url.pathname.endsWith('.js')) fetched.add(url.pathname.slice(1));
    });
    await page.goto(`${hostUrl}/?lang=fr&body=none`);
    await page.waitForFunction('window.acct?.translations');
    await page.waitForTimeout(500);
    // No strings, no Lit: English's core comes with the elements' code (core/i18n/index.ts), and
    // the page's language with the first element.
    assert.deepEqual([...fetched].sort(), [...loader].sort());
    await page.evaluate(
      `window.acct.translations.override('fr', { signInTitle: (product) => 'Bon retour sur ' + product })`,
    );
    await page.evaluate(`document.body.append(document.createElement('acct-login'))`);
    await page.locator('acct-login h2', { hasText: 'Bon retour sur acct' }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('with the documented placeholder, nothing below <acct-login> moves as it loads', async () => {
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      // Layout shifts as Chromium scores them, and the element's height in each state, frame by frame.
      await page.addInitScript(`window.shifts = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => window.shifts.push(e.value)))
          .observe({ type: 'layout-shift', buffered: true });
        window.heights = {};
        const look = () => {
          const el = document.querySelector('acct-login');
          const state = !el?.shadowRoot ? 'undefined' : el.shadowRoot.querySelector('.skeleton') ? 'skeleton' : 'form';
          if (el) (window.heights[state] ??= new Set()).add(el.getBoundingClientRect().height);
          requestAnimationFrame(look);
        };
        requestAnimationFrame(look);`);
      await open(page);
      await page.waitForTimeout(300);
      const heights = (await page.evaluate(
        'Object.fromEntries(Object.entries(window.heights).map(([k, v]) => [k, [...v]]))',
      )) as Record<string, number[]>;
      const shifts = (await page.evaluate('window.shifts')) as number[];
      const [skeleton] = heights.skeleton ?? [];
      for (const undefinedHeight of heights.undefined ?? []) {
        assert.ok(
          Math.abs(undefinedHeight - skeleton!) < 1,
          `at ${width} px the placeholder (${undefinedHeight} px) is the skeleton's height (${skeleton} px): update docs/embedding.md`,
        );
      }
      assert.ok(
        shifts.reduce((sum, value) => sum + value, 0) < 0.01,
        `at ${width} px the layout shifted: ${shifts.join(', ')}`,
      );
      await page.close();
    }
  });

  /**
   * Opens the page with `<acct-login>` in `<acct-onboarding>`'s signed-out slot, whose code (and,
   * with `lateLoader`, the loader's too) arrives late, as on a slow network; returns each change of
   * what shows, frame by frame from the first: the name field (can a user type?), a step's text.
   */
  async function watchSlots(page: Page, { css, lateLoader }: { css: boolean; lateLoader: boolean }): Promise<string[]> {
    const late = (pattern: RegExp, ms: number) =>
      page.route(pattern, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        await route.continue();
      });
    await late(/\/acct\/acct-onboarding\.js$/, 1000);
    if (lateLoader) await late(/\/acct\.js$/, 300);
    const seen = await watchFrames(
      page,
      `[
        customElements.get('acct-onboarding') ? 'defined' : 'undefined',
        document.querySelector('acct-login')?.shadowRoot?.querySelector('input[name=displayName]')?.checkVisibility()
          ? 'field shown'
          : 'no field',
        document.querySelector('[slot=step-welcome]')?.checkVisibility() ? 'step text shown' : 'no step text',
      ].join(', ')`,
    );
    await page.goto(`${hostUrl}/?body=onboarding${css ? '' : '&css=none'}`);
    await page.locator('acct-login').getByLabel('Name').waitFor();
    await page.waitForTimeout(300);
    return seen();
  }

  it('with the documented rules, slotted content shows only when its element shows it, from the first frame', async () => {
    const page = await browser.newPage();
    // Without the page's rule: the step's text shows until the loader runs.
    const seen = await watchSlots(page, { css: true, lateLoader: true });
    // Whether a frame falls between <acct-onboarding>'s definition and its first render with the
    // slot depends on whether it already knows the session then (the <acct-login> inside may have
    // asked first): that frame, when there is one, shows nothing either.
    const between = 'defined, no field, no step text';
    assert.deepEqual(
      seen.filter((state) => state !== between),
      ['undefined, no field, no step text', 'defined, field shown, no step text'],
      seen.join(' → '),
    );
    assert.equal(seen[0], 'undefined, no field, no step text', seen.join(' → '));
    assert.equal(seen.at(-1), 'defined, field shown, no step text', seen.join(' → '));
    await page.close();
  });

  it('without them, a form in a slot still waits for its element, and once shown stays', async () => {
    const page = await browser.newPage();
    const seen = await watchSlots(page, { css: false, lateLoader: false });
    // Without the loader's own rule: "undefined, field shown", then "defined, no field" while
    // <acct-onboarding> loads its strings, and a name being typed was lost with the focus.
    const first = seen.findIndex((state) => state.includes('field shown'));
    assert.ok(seen[first]?.startsWith('defined'), seen.join(' → '));
    assert.ok(
      seen.slice(first).every((state) => state === 'defined, field shown, no step text'),
      seen.join(' → '),
    );
    await page.close();
  });

  it('fetches <acct-login>’s other views when it leaves the form, with a retry when they cannot be fetched', async () => {
    const page = await browser.newPage();
    const warnings = consoleLines(page, 'warning');
    let refuse = true;
    const asked: string[] = [];
    await page.route(/\/acct\/chunks\/login-other-views-[^/]*\.js$/, (route) => {
      asked.push(route.request().url());
      return refuse ? route.abort('connectionrefused') : route.continue();
    });
    const fetched = await open(page);
    assert.ok(![...fetched].some((file) => file.includes('login-other-views')), 'not with the form');
    const login = page.locator('acct-login');
    await login.getByRole('button', { name: 'Forgot password?' }).click();
    await login.getByText('The sign-in form could not be loaded.').waitFor();
    assert.ok(
      warnings.some((text) => text.includes("the sign-in card's views could not be loaded")),
      warnings.join(' | '),
    );
    refuse = false;
    await login.getByRole('button', { name: 'Try again' }).click();
    await login.getByRole('heading', { name: 'Reset your password' }).waitFor();
    assert.ok(asked.length >= 2, 'the retry fetched the views again');
    await page.close();
  });

  it('loads an element added later inside an open shadow root', async () => {
    const page = await browser.newPage();
    const fetched = await open(page);
    assert.ok(![...fetched].some((file) => file.includes('acct-sessions')));
    await page.evaluate(`(() => {
      const box = document.createElement('div');
      const root = box.attachShadow({ mode: 'open' });
      document.body.append(box);
      // Added after the loader saw the shadow root's host: found through the root's own observer.
      setTimeout(() => root.append(document.createElement('acct-sessions')), 50);
    })()`);
    await page.waitForFunction(`customElements.get('acct-sessions') !== undefined`);
    assert.ok([...fetched].includes('acct/acct-sessions.js'));
    await page.close();
  });

  it('when an element’s code cannot be fetched, says so and keeps its slots hidden; acct.load() tries again', async () => {
    const page = await browser.newPage();
    let refuse = true;
    await page.route(/\/acct\/acct-login-history\.js$/, (route) =>
      refuse ? route.abort('connectionrefused') : route.continue(),
    );
    await open(page);
    const named = page.waitForEvent('console', {
      predicate: (message) => message.text().includes('acct: <acct-login-history> could not be loaded.'),
    });
    await page.evaluate(`(() => {
      const history = document.createElement('acct-login-history');
      history.innerHTML = '<p slot="signed-out">Sign in to see where you signed in</p>';
      document.body.append(history);
    })()`);
    assert.equal((await named).type(), 'error');
    const slotted = page.getByText('Sign in to see where you signed in');
    assert.equal(await slotted.isVisible(), false, 'the slotted content of an element that did not load is hidden');
    refuse = false;
    await page.evaluate(`window.acct.load('acct-login-history')`);
    // Defined, it shows its signed-out slot to this signed-out visitor.
    await slotted.waitFor();
    await page.close();
  });

  /** Adds `<acct-sessions>` to the page and returns its heading once it shows. */
  async function addSessions(page: Page): Promise<string> {
    await page.evaluate(`document.body.append(document.createElement('acct-sessions'))`);
    const title = page.locator('acct-sessions').locator('h2');
    await title.waitFor();
    return title.innerText();
  }

  it('fetches an element’s string area with it, in the page’s language, and no other area', async () => {
    const page = await browser.newPage();
    const fetched = await open(page, 'fr');
    // The area chunks by file, named as their sources are (`fr-security`).
    const areaChunks = new Map(
      measureBundle()
        .filter((row) => row.language?.area)
        .map((row) => [row.files[0]!, `${row.language!.tag}-${row.language!.area}`]),
    );
    const areas = () => [...fetched].flatMap((file) => areaChunks.get(file) ?? []);
    assert.deepEqual(areas(), [], 'a page with only <acct-login> fetches no area');
    assert.equal(await addSessions(page), 'Où vous êtes connecté');
    assert.deepEqual(areas(), ['fr-security']);
    await page.close();
  });

  it('shows an area in English when the French one cannot be fetched, and says why in the console', async () => {
    const page = await browser.newPage();
    const warnings = consoleLines(page, 'warning');
    await page.route(/\/acct\/chunks\/fr-security-[^/]*\.js$/, (route) => route.abort('connectionrefused'));
    await open(page, 'fr');
    assert.equal(await addSessions(page), 'Where you are signed in');
    assert.ok(
      warnings.some((text) => text.includes('the "fr-security" strings could not be loaded')),
      warnings.join(' | '),
    );
    // The rest of the page stays French.
    assert.match(await page.locator('acct-login').locator('h2').innerText(), /^Se connecter à/);
    await page.close();
  });

  it('renders in English when the French chunk cannot be fetched, and says why in the console', async () => {
    const page = await browser.newPage();
    const warnings = consoleLines(page, 'warning');
    let asked = 0;
    await page.route(/\/acct\/chunks\/fr-[^/]*\.js$/, (route) => {
      asked++;
      return route.abort('connectionrefused');
    });
    await open(page, 'fr');
    assert.match(await page.locator('acct-login').locator('h2').innerText(), /^Sign in to/);
    assert.ok(
      warnings.some((text) => text.includes('the "fr" strings could not be loaded')),
      warnings.join(' | '),
    );
    // Typing re-renders the form; it does not try again at every update.
    await page.locator('acct-login').getByLabel('Email').fill('someone@example.com');
    assert.equal(asked, 1);
    await page.close();
  });

  it('fetches the French chunk for a French page and renders in French from the first frame', async () => {
    const page = await browser.newPage();
    // Every text the element shows, frame by frame, from before the loader runs.
    const frames = await watchFrames(
      page,
      `document.querySelector('acct-login')?.shadowRoot?.textContent.replace(/\\s+/g, ' ').trim() ?? ''`,
    );
    const fetched = await open(page, 'fr');
    const languages = [...fetched].filter((file) => /\/chunks\/(fr|de|es|ar)-/.test(file));
    assert.equal(languages.length, 1, `one language chunk: ${languages.join(', ')}`);
    assert.match(languages[0]!, /\/fr-/);
    assert.match(await page.locator('acct-login').locator('h2').innerText(), /^Se connecter à/);
    const shown = await frames();
    assert.ok(
      shown.some((text) => text.includes('Se connecter')),
      `the frames were recorded: ${shown.join(' | ')}`,
    );
    const english = shown.filter((text) => /Sign in|Loading|Email/.test(text));
    assert.deepEqual(english, [], 'no frame shows English');
    await page.close();
  });
});
