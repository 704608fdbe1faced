/**
 * Passkey journey in the system's Chromium, on the demo origin (≠ the server's), with a DevTools
 * virtual authenticator as the user's passkey provider and mail through a real SMTP server: sign
 * up with a password (the verification link arrives by mail) → add a passkey in <acct-passkeys>
 * on /account/security/ → sign out → sign in with "Continue with a passkey" (the autofill request,
 * held pending, is cancelled cleanly) → sign out → sign in through passkey autofill (conditional
 * mediation, which the virtual authenticator completes without a pick) → remove the
 * passkey → signing in with it now fails with a clear message, and the browser is told to forget
 * it. Runs on each database.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachDatabase } from '../server/testing/databases';
import { watchPageProblems } from './support/browser';
import { DemoSite, type SignInForm } from './support/demo-pages';
import { useJourney } from './support/journey';
import {
  attachVirtualAuthenticator,
  autofillPending,
  clearRecordedRequests,
  recordedRequests,
  recordWebAuthnRequests,
  type VirtualAuthenticator,
} from './support/webauthn';

const PASSWORD = 'opening night 2026';

describeOnEachDatabase('passkey journey', (getDb) => {
  const journey = useJourney(getDb);

  it('signs up, adds a passkey, signs in with it by button and by autofill, and removes it', async () => {
    const { stack } = journey();
    const page = await (await journey().newContext()).newPage();
    const problems = watchPageProblems(page);
    await recordWebAuthnRequests(page);
    const authenticator = await attachVirtualAuthenticator(page);
    const site = new DemoSite(page, stack.demoUrl);
    const email = `passkey-${Date.now()}@example.test`;

    // Sign up with a password; the verification link (by mail) brings the user back signed in.
    const signIn = await site.openSignIn();
    await signIn.signUp('Grace Hopper', email, PASSWORD);
    await page.goto(await journey().mailedLink(email, '/auth/verify-email?token='));
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await site.arrivedAt('/account/sessions/');
    await site.signedInAs('Grace Hopper');

    // Add a passkey on the security page: the authenticator makes it, the list shows it.
    const passkeys = await site.openSecurity();
    await passkeys.root.getByText('You have no passkeys yet.').waitFor();
    await passkeys.add();
    assert.equal(await passkeys.rows.count(), 1);
    await passkeys.rows.first().getByText('This device only').waitFor();
    assert.equal((await authenticator.credentials()).length, 1);

    // Sign out, then in with "Continue with a passkey" while the autofill request is held pending.
    await site.signOut();
    await signInWithPasskeyButton(site, authenticator);
    await site.arrivedAt('/account/sessions/');
    await site.signedInAs('Grace Hopper');
    await site.element('acct-sessions').getByText('Signed in with: Passkey').waitFor();
    const byButton = await recordedRequests(page);
    assert.deepEqual(
      byButton.map((r) => [r.mediation, r.outcome]),
      [
        ['conditional', 'AbortError'],
        [null, 'resolved'],
      ],
      'the autofill request was cancelled by the dialog, and nothing went unhandled',
    );

    // Sign out, then in through autofill. This Chromium's virtual authenticator answers the form's
    // conditional (autofill) request by itself, at once, without showing the autofill list: no
    // focus or pick is needed — or possible to wait for, the page is gone before a focus lands.
    // What this shows is the background request signing in on its own, with no dialog.
    await site.signOut();
    await clearRecordedRequests(page);
    await page.goto(stack.demoUrl);
    await site.arrivedAt('/account/sessions/');
    await site.signedInAs('Grace Hopper');
    const byAutofill = await recordedRequests(page);
    assert.deepEqual(
      byAutofill.map((r) => [r.mediation, r.outcome]),
      [['conditional', 'resolved']],
      'signed in by the autofill request alone, no dialog',
    );
    assert.ok((await authenticator.credentials())[0]!.signCount >= 2, 'each sign-in was signed by the authenticator');

    // Remove the passkey; signing in with it now fails, and says why.
    const security = await site.openSecurity();
    await security.rows.first().waitFor();
    assert.match(await security.removeFirst(), / is removed\./);
    await security.root.getByText('You have no passkeys yet.').waitFor();
    await site.signOut();
    const refused = await signInWithPasskeyButton(site, authenticator);
    assert.equal(
      await refused.formError(),
      'This passkey is not registered here: it may have been removed. Sign in another way.',
    );
    // …and the browser was told to forget it (WebAuthn signal API), so autofill stops offering it.
    await waitFor(
      async () => (await authenticator.credentials()).length === 0,
      'the authenticator kept the removed passkey',
    );

    // The refusal above is the one error answer this journey expects.
    const unexpected = problems.filter((p) => !/^HTTP 401: POST .*\/api\/passkeys\/authenticate\/verify$/.test(p));
    assert.deepEqual(unexpected, []);
    assert.equal(problems.length - unexpected.length, 1);
  });
});

/** Polls `check` until it holds (Playwright's own waits are for pages, this is for the authenticator). */
async function waitFor(check: () => Promise<boolean>, message: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Opens the sign-in page with the authenticator holding back (so the autofill request stays
 * pending, as it does while a real user has not picked anything), then lets it answer and presses
 * "Continue with a passkey".
 */
async function signInWithPasskeyButton(site: DemoSite, authenticator: VirtualAuthenticator): Promise<SignInForm> {
  await authenticator.presence(false);
  await clearRecordedRequests(site.page);
  const form = await site.openSignIn();
  await autofillPending(site.page);
  await authenticator.presence(true);
  await form.continueWithPasskey();
  return form;
}
