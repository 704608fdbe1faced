/**
 * Emailed sign-in link journey in the system's Chromium, on the demo origin (≠ the server's), with
 * mail through a real SMTP server. First the link in one tab: ask for it in <acct-login> → the mail
 * arrives → three mail-scanner GETs of the link consume nothing (the row's `used_at` stays null)
 * → the user opens it and presses Continue → back on the demo signed in, and the login history
 * says "Emailed link". Then across tabs: the tab that asked stays open, the link is opened in
 * another tab of the same browser, and the first tab follows (BroadcastChannel) without a reload.
 * Runs on each database.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachDatabase } from '../server/testing/databases';
import { waitOrExplain, watchPageProblems } from './support/browser';
import { DemoSite } from './support/demo-pages';
import { useJourney } from './support/journey';

describeOnEachDatabase('magic-link journey', (getDb) => {
  const journey = useJourney(getDb);
  const newBrowserProfile = () => journey().newContext();
  const mailedLink = (email: string) => journey().mailedLink(email, '/auth/magic-link?token=');

  const usedAt = async (email: string) =>
    (await journey().stack.acct.db.knex('magic_links').where({ email }).first('used_at'))?.used_at;

  it('signs in with the link; scanners opening it first consume nothing', async () => {
    const { stack } = journey();
    const context = await newBrowserProfile();
    const page = await context.newPage();
    const problems = watchPageProblems(page);
    const site = new DemoSite(page, stack.demoUrl);
    const email = `link-${Date.now()}@example.test`;

    const form = await site.openSignIn();
    await form.emailMeALink(email);
    const link = await mailedLink(email);

    // A mail scanner fetches the link three times (plain GETs, no browser): nothing happens.
    for (let i = 0; i < 3; i++) {
      const res = await fetch(link);
      assert.equal(res.status, 200);
      assert.match(await res.text(), /Continue signing in to Stagehand/);
    }
    assert.equal(await usedAt(email), null, 'the link is still unused after three GETs (docs/security.md B2)');

    // The user opens it and presses Continue: back on the demo's page named at the request, signed in.
    await page.goto(link);
    await page.getByRole('heading', { name: 'Continue signing in to Stagehand' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await site.arrivedAt('/account/sessions/');
    // The session store takes the code out as soon as the first element's code has loaded.
    await page.waitForFunction("!location.hash.includes('acct_code')", undefined, { timeout: 5000 });
    assert.doesNotMatch(page.url(), /acct_code/, 'the code left the address bar');
    await site.signedInAs(email);
    assert.ok(await usedAt(email), 'the button used the link');
    const history = site.element('acct-login-history');
    await history.getByText('Emailed link').first().waitFor();
    await site.element('acct-sessions').getByText('Signed in with: Emailed link').waitFor();

    assert.deepEqual(problems, []);
  });

  it('signs in the tab that asked when the link is opened in another tab, without a reload', async () => {
    const { stack } = journey();
    const context = await newBrowserProfile();
    const asking = await context.newPage();
    const problems = watchPageProblems(asking);
    const site = new DemoSite(asking, stack.demoUrl);
    const email = `tabs-${Date.now()}@example.test`;

    const form = await site.openSignIn();
    await form.emailMeALink(email);
    // A mark on this document: it is still there at the end only if the page never reloaded.
    await asking.evaluate('window.stillTheSameDocument = true');
    const link = await mailedLink(email);

    // Another tab of the same browser opens the mail's link and continues. The asking tab follows:
    // the demo's form offers a passkey next (offer-passkey), the header shows the user, and it is
    // the same document as before. A timeout says what the asking tab requested, logged and showed
    // meanwhile (it once timed out on CI: the session store shared a read of the session that left
    // before the other tab signed in, core/session-state.ts).
    const other = await context.newPage();
    const otherProblems = watchPageProblems(other);
    await waitOrExplain(
      asking,
      async () => {
        await other.goto(link);
        await other.getByRole('button', { name: 'Continue' }).click();
        await new DemoSite(other, stack.demoUrl).signedInAs(email);
      },
      form.root.getByRole('heading', { name: 'Sign in faster next time: add a passkey' }),
      form.root,
    );
    await site.signedInAs(email);
    assert.equal(await asking.evaluate('window.stillTheSameDocument'), true, 'no reload');
    await form.root.getByRole('button', { name: 'Not now' }).click();
    await site.arrivedAt('/account/sessions/');

    // The asking tab may have polled between the link's use and the other tab's sign-in, and been
    // told "not signed in" (/api/me 401, which watchPageProblems expects): nothing else went wrong.
    assert.deepEqual(problems, []);
    assert.deepEqual(otherProblems, []);
  });
});
