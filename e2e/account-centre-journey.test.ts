/**
 * The account centre in Chromium on the demo, on each database, as its user walks it: on the
 * profile page's `<acct-account>`, Data & privacy asks for a copy of their data; the job runner
 * builds it and mails the link; the download button hands over a JSON archive that holds their
 * account. Then they ask for their account's deletion: every device is signed out; signing in
 * again shows the scheduled date under the avatar, and "Cancel deletion" there keeps the account
 * (the note goes, the user stays signed in, and the password still signs in).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';
import { followLink } from '../server/testing/accounts';
import { describeOnEachDatabase } from '../server/testing/databases';
import { TestClient } from '../server/testing/http-client';
import { watchPageProblems } from './support/browser';
import { DemoSite } from './support/demo-pages';
import { useJourney } from './support/journey';

const PASSWORD = 'opening night 2026';

describeOnEachDatabase('account centre journey', (getDb) => {
  const journey = useJourney(getDb);

  /** A confirmed account, and a fresh browser signed in to it on the demo. */
  async function signedInUser(name: string) {
    const { stack, mailedLink } = journey();
    const email = `${name}-${Date.now()}@example.test`;
    const client = new TestClient(stack.acct.url, { origin: stack.demoUrl });
    assert.equal((await client.post('/api/auth/sign-up', { email, password: PASSWORD })).status, 202);
    assert.equal((await followLink(client, new URL(await mailedLink(email, '/auth/verify-email')))).status, 200);
    const page = await (await journey().newContext()).newPage();
    const problems = watchPageProblems(page);
    const site = new DemoSite(page, stack.demoUrl);
    await (await site.openSignIn()).signInWithPassword(email, PASSWORD);
    await site.signedInAs(email);
    return { email, page, site, problems };
  }

  it('requests a data export, is mailed when it is ready, downloads it and opens it', async () => {
    const { email, page, problems } = await signedInUser('export');
    await page.goto(`${journey().stack.demoUrl}/account/profile/#account/privacy`);
    const exporter = page.locator('acct-data-export');
    await exporter.getByRole('button', { name: 'Request my data' }).click();

    // The job runner of the server builds the archive and mails the link.
    const ready = await journey().sink.waitFor(
      (m) => m.to.includes(email) && m.text.includes('/api/me/data-exports/'),
      60_000,
    );
    assert.match(ready.text, /\/api\/me\/data-exports\/[\w-]+\/download\?token=/);

    const download = page.waitForEvent('download');
    await exporter.getByRole('link', { name: /^Download the JSON export/ }).click({ timeout: 20_000 });
    const archive = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as {
      user: { email: string }[];
      sessions: unknown[];
      login_history: unknown[];
    };
    assert.equal(archive.user[0]?.email, email);
    assert.ok(archive.sessions.length >= 1, 'the sessions are in it');
    assert.ok(archive.login_history.length >= 1, 'the sign-ins are in it');
    assert.deepEqual(problems, []);
  });

  it('asks for the deletion of the account, is signed out, signs in again and cancels it', async () => {
    const { email, page, site } = await signedInUser('delete');
    await page.goto(`${journey().stack.demoUrl}/account/profile/#account/privacy`);
    const deleter = page.locator('acct-delete-account');
    await deleter.getByLabel(/^To confirm, type your email address/).fill(email);
    await deleter.getByRole('button', { name: 'Delete my account' }).click();
    await deleter.getByText(/^Your account will be deleted on /).waitFor();
    await journey().sink.waitFor((m) => m.to.includes(email) && /scheduled for deletion/.test(m.subject), 30_000);

    // Every device was signed out; signing in again during the grace period works, with a notice.
    await page.goto(journey().stack.demoUrl);
    const form = await site.openSignIn();
    await form.signInWithPassword(email, PASSWORD);
    const userButton = site.element('acct-user-button');
    const notice = userButton.getByText(/^Your account is scheduled for deletion on /);
    await notice.waitFor();
    await userButton.getByRole('button', { name: 'Cancel deletion' }).click();
    await notice.waitFor({ state: 'detached' });
    await site.signedInAs(email);

    const client = new TestClient(journey().stack.acct.url, { origin: journey().stack.demoUrl });
    assert.equal((await client.post('/api/auth/sign-in', { email, password: PASSWORD })).status, 200);
    const { user } = (await client.get('/api/me')).body as { user: { deletionScheduledFor?: string } };
    assert.equal(user.deletionScheduledFor, undefined, 'no deletion is scheduled any more');
  });
});
