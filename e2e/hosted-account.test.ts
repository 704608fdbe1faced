/**
 * The hosted account page, `GET /account` on acct's own origin (server/modules/account-page), in
 * Chromium on each database: signed out it shows only its heading and the sign-in form (the account
 * elements hidden by their `:state(signed-out)`, http/hosted-assets.ts); after signing in there
 * the account elements show the user's sessions and connected accounts; its strict CSP (scripts
 * and connections to acct only, nothing inline) sees 0 violations; `return_to` gives a "Back to"
 * link only for an allowed site. Signed in, a reload never shows the sign-in form, even while
 * `<acct-sessions>` loads.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { followLink } from '../server/testing/accounts';
import { describeOnEachDatabase } from '../server/testing/databases';
import { TestClient } from '../server/testing/http-client';
import { watchFrames, watchPageProblems } from './support/browser';
import { useJourney } from './support/journey';

describeOnEachDatabase('hosted account page', (getDb) => {
  const journey = useJourney(getDb);

  it('signs in in place and shows the account, with no CSP violation', async () => {
    const { stack, mailedLink } = journey();
    const acct = stack.acct.url;
    const email = `account-page-${Date.now()}@example.test`;
    const client = new TestClient(acct, { origin: stack.demoUrl });
    assert.equal((await client.post('/api/auth/sign-up', { email, password: 'opening night 2026' })).status, 202);
    assert.equal((await followLink(client, new URL(await mailedLink(email, '/auth/verify-email')))).status, 200);

    const context = await journey().newContext();
    const tab = await context.newPage();
    const problems = watchPageProblems(tab);
    const violations: string[] = [];
    await tab.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await tab.addInitScript(
      `document.addEventListener('securitypolicyviolation', (e) => reportViolation(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample))`,
    );

    const answer = await tab.goto(`${acct}/account?return_to=${encodeURIComponent(`${stack.demoUrl}/`)}`);
    const csp = answer!.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    await tab.getByRole('link', { name: `Back to ${new URL(stack.demoUrl).host}` }).waitFor();

    const form = tab.locator('acct-login');
    await form.getByLabel('Email').waitFor();
    // What the page shows, once it is `expected` (each element decides when its code has come).
    const shown = `[...document.querySelectorAll('main > *')].filter((el) => el.checkVisibility()).map((el) => el.localName)`;
    const shows = async (expected: string[]) => {
      await tab
        .waitForFunction(`${shown}.join() === ${JSON.stringify(expected.join())}`, undefined, { timeout: 5000 })
        .catch(() => undefined);
      assert.deepEqual(await tab.evaluate<string[]>(shown), expected);
    };
    // Signed out: no account element, not even its heading — the product name, the page's heading,
    // the "Back to" link and the form.
    await shows(['p', 'h1', 'p', 'acct-login']);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill('opening night 2026');
    await form.getByRole('button', { name: 'Sign in', exact: true }).click();
    await tab.locator('acct-sessions').getByText('This device').waitFor();
    await tab.locator('acct-connected-accounts').getByText('You have not connected any account.').waitFor();
    await tab.locator('acct-login-history').locator('li').first().waitFor();
    await shows(['p', 'h1', 'p', 'acct-sessions', 'acct-passkeys', 'acct-connected-accounts', 'acct-login-history']);

    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);

    // Signed in, the page never shows the sign-in card (which would say who is signed in), even
    // for a frame while <acct-sessions> loads: the hosted stylesheet (http/hosted-assets.ts) shows
    // the card only while <acct-sessions> is :state(signed-out), which it never is before it is
    // defined nor while it reads the session.
    await tab.route(/\/acct\/acct-sessions\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    const seen = await watchFrames(
      tab,
      `document.querySelector('acct-login')?.shadowRoot?.querySelector('[part=base]')?.checkVisibility() ? 'card shown' : 'no card'`,
    );
    await tab.reload();
    await tab.locator('acct-sessions').getByText('This device').waitFor();
    assert.deepEqual(await seen(), ['no card'], 'the sign-in card showed to a signed-in visitor');
  });

  it('refuses a return address off the allowlist', async () => {
    const res = await fetch(
      `${journey().stack.acct.url}/account?return_to=${encodeURIComponent('https://evil.example/')}`,
    );
    assert.equal(res.status, 400);
  });
});
