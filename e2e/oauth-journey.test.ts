/**
 * Journey of signing in with a provider (issue 10), in the system's Chromium, on the demo origin
 * (≠ the server's), against a real OpenID Provider (server/testing/oidc-provider.ts) configured as
 * a generic issuer: the demo's sign-in page shows "Continue with Test Provider"; its popup signs
 * in at the provider's login form, closes, and the demo page is signed in (and when the provider cut
 * the popup off from its opener, the popup goes on to the demo page signed in). A password account
 * links the provider on the demo's security page, then signs in with it. Then the full-page
 * variant through acct's hosted `/login?return_to=<demo page>`: the provider's form, back on the
 * demo page signed in, without being asked (the demo page's browser key went along); and a
 * password sign-in on the hosted page, handed over the same way. Runs on each database.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Page } from 'playwright-core';
import { describeOnEachDatabase } from '../server/testing/databases';
import { startTestProvider, type TestProvider } from '../server/testing/oidc-provider';
import { watchPageProblems } from './support/browser';
import { useJourney } from './support/journey';

const PASSWORD = 'opening night 2026';

/** Waits for a popup to close itself — or sees that it already has: a 'close' event that came before
 * the wait began would never come again (the popup of a provider that remembers the browser closes
 * at once). */
async function closed(popup: Page): Promise<void> {
  if (!popup.isClosed()) await popup.waitForEvent('close');
}
let subjects = 0;

describeOnEachDatabase('provider sign-in journey', (getDb) => {
  let op: TestProvider;
  // Before the journey's own hook: the server's settings name the provider's issuer.
  before(async () => {
    op = await startTestProvider();
  });
  const journey = useJourney(getDb, {
    env: () => ({
      ACCT_OIDC_TESTOP_ISSUER: op.issuer,
      ACCT_OIDC_TESTOP_CLIENT_ID: op.clientId,
      ACCT_OIDC_TESTOP_CLIENT_SECRET: op.clientSecret,
      ACCT_OIDC_TESTOP_NAME: 'Test Provider',
      // A new account signs in at once: the password part signs up from here, with no mail.
      ACCT_REQUIRE_EMAIL_VERIFICATION: 'false',
    }),
  });
  before(() => op.register(`${journey().stack.acct.services.config.publicUrl}/auth/oauth/testop/callback`));
  after(() => op.close());

  /** A new account at the provider; its login form is filled with `sub`. */
  function providerAccount(): { sub: string; email: string } {
    const sub = `journey-${process.pid}-${++subjects}`;
    const account = { sub, email: `${sub}@example.test`, email_verified: true, name: 'Grace Provider' };
    op.addAccount(account);
    return account;
  }

  /** The provider's login form: the account, then "Sign in". */
  async function signInAtProvider(page: Page, sub: string): Promise<void> {
    await page.getByLabel('Account').fill(sub);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** A page in a new browser context (no cookies), and the problems it logs (a failed request, a CSP report…). */
  async function freshPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await (await journey().newContext()).newPage();
    return { page, problems: watchPageProblems(page) };
  }

  /** The demo's sign-in page, its "Continue with Test Provider" pressed: the popup it opens. */
  async function openProviderPopup(page: Page): Promise<Page> {
    await page.goto(journey().stack.demoUrl);
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Continue with Test Provider' }).click(),
    ]);
    return popup;
  }

  /** Signs the page's browser out of acct (its cookie session); the answer's status. */
  const signOut = (page: Page) =>
    page.evaluate(async (server) => {
      const init = { method: 'POST', credentials: 'include' as const, headers: { 'Content-Type': 'application/json' } };
      return (await fetch(`${server}/api/auth/sign-out`, { ...init, body: '{}' })).status;
    }, journey().stack.acct.url);

  const me = (page: Page) =>
    page.evaluate(async (server) => {
      const res = await fetch(`${server}/api/me`, { credentials: 'include' });
      return res.ok ? ((await res.json()) as { user: { email: string } }).user.email : res.status;
    }, journey().stack.acct.url);

  /** A password account at `email`, signed up as the demo would (no mail: addresses need no proof here). */
  async function passwordAccount(email: string): Promise<void> {
    const { stack } = journey();
    const signUp = await fetch(`${stack.acct.url}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: stack.demoUrl },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    assert.equal(signUp.status, 200, await signUp.text());
  }

  /** The hosted /login address for `returnTo`, built on the demo page by the bundle's hostedLoginUrl (with its browser key). */
  async function hostedLoginFor(page: Page, returnTo: string): Promise<string> {
    const { stack } = journey();
    await page.goto(stack.demoUrl);
    return page.evaluate(
      async ([server, back]) => {
        const acct = (await import(`${server}/acct.js`)) as { hostedLoginUrl(s: string, r: string): string };
        return acct.hostedLoginUrl(server!, back!);
      },
      [stack.acct.url, returnTo],
    );
  }

  it('signs in on the demo page through the provider’s popup', async () => {
    const { stack } = journey();
    const { page, problems } = await freshPage();
    const who = providerAccount();
    const popup = await openProviderPopup(page);
    await page.getByText('Finish signing in with Test Provider in the window that opened.').waitFor();
    await signInAtProvider(popup, who.sub);
    await closed(popup);
    // The demo's form offers a passkey after any sign-in but a passkey's (offer-passkey); not today.
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.waitForURL(`${stack.demoUrl}/account/sessions/**`);
    await page.getByText('This device').waitFor();
    assert.equal(await me(page), who.email);
    assert.deepEqual(problems, []);
  });

  it('signs in inside a popup that the provider cut off from its opener', async () => {
    const { stack } = journey();
    const { page, problems } = await freshPage();
    const who = providerAccount();
    const popup = await openProviderPopup(page);
    await popup.getByLabel('Account').waitFor();
    // What a provider's Cross-Origin-Opener-Policy does: the popup's opener is gone for good.
    await popup.evaluate(() => {
      (globalThis as unknown as { opener: unknown }).opener = null;
    });
    await signInAtProvider(popup, who.sub);
    // The popup goes on as a redirect would: the demo page with the code, signed in there.
    await popup.waitForURL(`${stack.demoUrl}/`);
    await popup.getByText('You are signed in as Grace Provider.').waitFor();
    assert.equal(await me(popup), who.email);
    assert.deepEqual(problems, []);
  });

  it('links the provider to a password account on the security page, then signs in with it', async () => {
    const { stack } = journey();
    const { page, problems } = await freshPage();
    const who = providerAccount();
    // An account with a password, and another address than the provider's: linking while signed
    // in needs no matching address (the user proves both sides).
    const email = `linker-${who.email}`;
    await passwordAccount(email);
    await page.goto(stack.demoUrl);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.waitForURL(`${stack.demoUrl}/account/sessions/**`);

    await page.goto(`${stack.demoUrl}/account/security/`);
    await page.getByRole('button', { name: 'Link Test Provider' }).click();
    await page.waitForURL(`${op.issuer}/**`);
    await signInAtProvider(page, who.sub);
    await page.waitForURL(`${stack.demoUrl}/account/security/**`);
    await page.getByText('Test Provider is linked. You can now sign in with it.').waitFor();
    assert.doesNotMatch(page.url(), /acct_link/, 'the code left the address bar');
    await page.getByRole('button', { name: 'Unlink Test Provider' }).waitFor();

    // Signed out, the provider now signs in to that account.
    assert.equal(await signOut(page), 200);
    const popup = await openProviderPopup(page);
    // The provider remembers this browser from the link: no login form this time.
    await closed(popup);
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.waitForURL(`${stack.demoUrl}/account/sessions/**`);
    assert.equal(await me(page), email);
    assert.deepEqual(problems, []);
  });

  it('signs in through the hosted /login page, with the provider or a password, back on the demo page', async () => {
    const { stack } = journey();
    const { page, problems } = await freshPage();
    const who = providerAccount();
    const back = `${stack.demoUrl}/account/sessions/`;
    // The site links to acct's page (the bundle's hostedLoginUrl: the page to come back to, and
    // this browser's key, so that the way back signs in without asking).
    const hostedLogin = await hostedLoginFor(page, back);
    assert.match(hostedLogin, /\/login\?return_to=.+&browserKey=[\w-]{43}$/);

    await page.goto(hostedLogin);
    await page.getByRole('button', { name: 'Continue with Test Provider' }).click();
    await signInAtProvider(page, who.sub);
    await page.waitForURL(`${back}**`);
    await page.getByText('This device').waitFor();
    assert.doesNotMatch(page.url(), /acct_code/, 'the code left the address bar');
    assert.equal(await me(page), who.email);

    // Signed out, again through the hosted page, with the account's password this time.
    assert.equal(await signOut(page), 200);
    await passwordAccount(`pw-${who.email}`);
    await page.goto(hostedLogin);
    await page.getByLabel('Email').fill(`pw-${who.email}`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${back}**`);
    await page.getByText('This device').waitFor();
    assert.equal(await me(page), `pw-${who.email}`);
    // Nothing blocked by the hosted page's CSP, no failed request, no error, on any page on the way.
    assert.deepEqual(problems, []);
  });
  it('hands over a session already made on acct’s origin when the hosted /login page is opened', async () => {
    const { stack } = journey();
    const { page, problems } = await freshPage();
    const email = `already-${process.pid}-${++subjects}@example.test`;
    await passwordAccount(email);
    const back = `${stack.demoUrl}/account/sessions/`;
    const hostedLogin = await hostedLoginFor(page, back);
    // Signed in on acct's own account page first.
    await page.goto(`${stack.acct.url}/account`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('This device').waitFor();

    await page.goto(hostedLogin);
    await page.getByText(`You are signed in as ${email}.`).waitFor();
    const handOver = page.waitForRequest((r) => r.url().endsWith('/api/session/hand-over') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Continue' }).click();
    await handOver;
    await page.waitForURL(`${back}**`);
    await page.getByText('This device').waitFor();
    assert.equal(await me(page), email);
    assert.deepEqual(problems, []);
  });
});
