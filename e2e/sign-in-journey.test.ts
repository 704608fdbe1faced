/**
 * Journey of the sign-in core, in the system's Chromium, on the demo origin (≠ the server's), with
 * mail through a real SMTP server: sign up in <acct-login> → the verification mail arrives → its
 * link's page → Continue → back on the demo, signed in, with the name typed at sign-up → <acct-sessions> shows this device → a
 * second browser signs in → the first signs it out → the second is signed out on its next
 * request → <acct-login-history> shows all of it. Runs on each database.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { describeOnEachDatabase } from '../server/testing/databases';
import { watchPageProblems } from './support/browser';
import { useJourney } from './support/journey';

const PASSWORD = 'opening night 2026';

describeOnEachDatabase('sign-in journey', (getDb) => {
  const journey = useJourney(getDb);

  /** A fresh browser profile (its own cookies), as a second device would be. */
  async function newDevice(): Promise<{ page: Page; problems: string[] }> {
    const page = await (await journey().newContext()).newPage();
    return { page, problems: watchPageProblems(page) };
  }

  it('signs up by email, is signed in by the link, and signs a second device out', async () => {
    const { stack, sink } = journey();
    const email = `journey-${Date.now()}@example.test`;
    const first = await newDevice();
    const page = first.page;

    // Sign up on the demo site.
    await page.goto(stack.demoUrl);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Confirm your email address').waitFor();

    // The verification mail arrives at the SMTP server, with a link to the acct server.
    const mail = await sink.waitFor((m) => m.to.includes(email), 10_000);
    assert.match(mail.subject, /Confirm your email for Stagehand/);
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
    assert.ok(link?.startsWith(`${stack.acct.url}/auth/verify-email?token=`), link);

    // The link's page; only its button confirms. It sends the browser back to the demo, signed in.
    await page.goto(link!);
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await page.waitForURL(`${stack.demoUrl}/account/sessions/**`);
    await page.getByText('This device').waitFor();
    assert.doesNotMatch(page.url(), /acct_code/, 'the code left the address bar');
    // The name typed at sign-up came along with the confirmation (a pending registration).
    const me = async (p: Page) =>
      p.evaluate(async (server) => {
        const res = await fetch(`${server}/api/me`, { credentials: 'include' });
        return {
          status: res.status,
          displayName: res.ok ? ((await res.json()) as { user: { displayName: string } }).user.displayName : null,
        };
      }, stack.acct.url);
    assert.deepEqual(await me(page), { status: 200, displayName: 'Ada Lovelace' });

    // A second device signs in with the password.
    const second = await newDevice();
    await second.page.goto(stack.demoUrl);
    await second.page.getByLabel('Email').fill(email);
    await second.page.getByLabel('Password').fill(PASSWORD);
    await second.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // The demo's form offers a passkey after a password sign-in (offer-passkey); not today.
    await second.page.getByRole('button', { name: 'Not now' }).click();
    await second.page.waitForURL(`${stack.demoUrl}/account/sessions/**`);
    await second.page.getByText('This device').waitFor();

    // The first device sees both and signs the other one out.
    await page.reload();
    const sessions = page.locator('acct-sessions');
    await sessions.getByRole('listitem').nth(1).waitFor();
    assert.equal(await sessions.getByRole('listitem').count(), 2);
    await sessions.getByRole('button', { name: /^Sign out (?!all)/ }).click();
    await sessions.getByRole('button', { name: 'Yes, sign out' }).click();
    await sessions.getByText(/is signed out\./).waitFor();
    assert.equal(await sessions.getByRole('listitem').count(), 1);

    // The second device is signed out on its very next request.
    await second.page.reload();
    // (The sessions page is `<acct-account>` on its Security tab: `<acct-sessions>`'s own signed-out message.)
    await second.page
      .locator('acct-sessions')
      .getByText('Sign in to see the devices where you are signed in.')
      .waitFor();
    assert.equal((await me(second.page)).status, 401);

    // The history shows the sign-ins: by the link on this device, by password on the other.
    const history = page.locator('acct-login-history');
    await page.reload();
    await history.getByText('Signed in').nth(1).waitFor();
    assert.equal(await history.getByText('Signed in', { exact: true }).count(), 2);

    assert.deepEqual(first.problems, []);
    assert.deepEqual(second.problems, []);
  });
});
