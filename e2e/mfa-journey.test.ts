/**
 * Journey of two-step verification, in the system's Chromium, on the demo origin: signed in with
 * a password, the user turns it on from the account's Security tab (`<acct-mfa>` in
 * `<acct-account>`) with a code computed from the key the page shows, and sees the recovery codes
 * once; then another browser signs in with the password and a code (`<acct-login>`'s second
 * step), and a third with the password and a recovery code. Runs on each database.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../server/modules/passwords/password-hash';
import { totpCodeAt } from '../server/modules/mfa/totp';
import { createUser } from '../server/modules/users/users.queries';
import { describeOnEachDatabase } from '../server/testing/databases';
import { watchPageProblems } from './support/browser';
import { useJourney } from './support/journey';

const PASSWORD = 'opening night 2026';

describeOnEachDatabase('two-step verification journey', (getDb) => {
  const journey = useJourney(getDb);

  async function newDevice(): Promise<{ page: Page; problems: string[] }> {
    const page = await (await journey().newContext()).newPage();
    return { page, problems: watchPageProblems(page) };
  }

  /** The demo's sign-in form, filled with the password. */
  async function signInWithPassword(page: Page, email: string): Promise<void> {
    await page.goto(journey().stack.demoUrl);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** After the sign-in: the demo's passkey offer declined, on to the account pages. */
  async function arrive(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.waitForURL(`${journey().stack.demoUrl}/account/**`);
  }

  it('turns on with a computed code, then signs in with a code and with a recovery code', async () => {
    const { stack } = journey();
    const email = `mfa-journey-${Date.now()}@example.test`;
    await createUser(stack.acct.db.knex, { email, passwordHash: await hashPassword(PASSWORD), emailVerified: true });

    // Signed in with the password alone, the user turns two-step verification on.
    const first = await newDevice();
    await signInWithPassword(first.page, email);
    await arrive(first.page);
    await first.page.goto(`${stack.demoUrl}/account/security`);
    const card = first.page.locator('acct-mfa');
    await card.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await card.getByRole('img', { name: 'QR code of your authenticator key' }).waitFor();
    const secret = (await card.locator('[part~="key"]').textContent())!.trim();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await card.getByLabel('Code from the app').fill(totpCodeAt(secret));
    await card.getByRole('button', { name: 'Turn on' }).click();
    await card.getByText('Save your recovery codes').waitFor();
    const codes = (await card.locator('[part="item"]').allTextContents()).map((c) => c.trim());
    assert.equal(codes.length, 10);
    await card.getByRole('button', { name: 'I have saved them' }).click();
    await card.getByText('10 recovery codes left.').waitFor();

    // Another browser: the password, then the app's next code (this one was spent on turning it on).
    const second = await newDevice();
    await signInWithPassword(second.page, email);
    await second.page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await second.page.getByLabel('Code', { exact: true }).fill(totpCodeAt(secret, Date.now() + 30_000));
    await second.page.getByRole('button', { name: 'Verify' }).click();
    await arrive(second.page);

    // A third: the password, then a recovery code.
    const third = await newDevice();
    await signInWithPassword(third.page, email);
    await third.page.getByRole('button', { name: 'Use a recovery code' }).click();
    await third.page.getByLabel('Recovery code').fill(codes[0]!);
    await third.page.getByRole('button', { name: 'Verify' }).click();
    await arrive(third.page);

    const methods = await stack.acct.db
      .knex('login_history')
      .join('auth.users', 'auth.users.id', 'login_history.user_id')
      .where({ email, event_type: 'login_success' })
      .orderBy('login_history.created_at')
      .pluck('auth_method');
    assert.deepEqual(methods, ['password', 'mfa', 'mfa']);
    for (const device of [first, second, third]) assert.deepEqual(device.problems, []);
  });
});
