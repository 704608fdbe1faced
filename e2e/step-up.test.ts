/**
 * Step-up journey in the system's Chromium, on the demo origin, with a DevTools virtual
 * authenticator: sign up with a password (the verification link arrives by mail) → add a passkey
 * on /account/security/ → the session grows old (its sign-in moved eleven minutes back, as no
 * test waits ten minutes) → removing the passkey is refused with `reauthentication_required`,
 * and instead of "sign in again" the re-authentication dialog asks for the password on top of
 * the page → the removal goes through, in the same session, without signing out (docs/security.md
 * F3). Runs on each database.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachDatabase } from '../server/testing/databases';
import { watchPageProblems } from './support/browser';
import { DemoSite } from './support/demo-pages';
import { useJourney } from './support/journey';
import { attachVirtualAuthenticator } from './support/webauthn';

const PASSWORD = 'opening night 2026';

describeOnEachDatabase('step-up journey', (getDb) => {
  const journey = useJourney(getDb);

  it('an old session removes a passkey after proving it with its password, without signing out', async () => {
    const { stack } = journey();
    const page = await (await journey().newContext()).newPage();
    const problems = watchPageProblems(page);
    await attachVirtualAuthenticator(page);
    const site = new DemoSite(page, stack.demoUrl);
    const email = `step-up-${Date.now()}@example.test`;

    const signIn = await site.openSignIn();
    await signIn.signUp('Ada Lovelace', email, PASSWORD);
    await page.goto(await journey().mailedLink(email, '/auth/verify-email?token='));
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await site.arrivedAt('/account/sessions/');
    // Signed in once the page has exchanged the link's code: leaving before that would lose it.
    await site.signedInAs('Ada Lovelace');

    const passkeys = await site.openSecurity();
    await passkeys.root.getByText('You have no passkeys yet.').waitFor();
    await passkeys.add();

    // Eleven minutes later, as far as the server can tell.
    const knex = getDb().knex;
    const sessionsOf = () => knex('user_sessions').whereIn('user_id', knex('auth.users').select('id').where({ email }));
    await sessionsOf().update({ created_at: knex.raw(`now() - interval '11 minutes'`), reauthenticated_at: null });
    const before = (await sessionsOf().whereNull('revoked_at').select('id')).map((s) => s.id as string);

    await passkeys.rows
      .first()
      .getByRole('button', { name: /^Remove / })
      .click();
    await passkeys.root.getByRole('button', { name: 'Yes, remove' }).click();

    const dialog = page.getByRole('dialog', { name: 'Confirm it’s you' });
    await dialog.waitFor();
    await page.screenshot({ path: 'test-results/screenshots/step-up-dialog.png' });
    await dialog.getByLabel('Password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    await passkeys.root.getByText(/ is removed\./).waitFor();
    await passkeys.root.getByText('You have no passkeys yet.').waitFor();
    assert.equal(await dialog.count(), 0, 'the dialog closed');
    await site.signedInAs('Ada Lovelace');
    const after = (await sessionsOf().whereNull('revoked_at').select('id')).map((s) => s.id as string);
    assert.deepEqual(after, before, 'the same session, never signed out');
    const [proved] = await sessionsOf().select('reauthenticated_at');
    assert.ok(proved?.reauthenticated_at, 'the session recorded its re-authentication');

    // The refusal that opened the dialog is the one error answer this journey expects.
    const unexpected = problems.filter((p) => !/^HTTP 403: DELETE .*\/api\/passkeys\/[^/]+$/.test(p));
    assert.deepEqual(unexpected, []);
  });
});
