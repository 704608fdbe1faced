/**
 * Journey of joining an organization, in the system's Chromium, on the demo origin (≠ the
 * server's), with mail through a real SMTP server: an owner signs up, creates Globe Theatre on the
 * demo's organization page and invites an address → the invitation mail arrives → in another
 * browser, its link's page → Continue → back on the organization page, signed in, welcomed ("You
 * joined Globe Theatre") and asked their name → the name is saved and the header shows it → the
 * owner's page, open all along, lists the new member by that name without a reload. And an
 * invitation that comes back to the site's first page (as the onboarding's team step's do) is
 * forwarded to the organization page, welcome included. Runs on each database.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { describeOnEachDatabase } from '../server/testing/databases';
import { watchPageProblems } from './support/browser';
import { DemoSite } from './support/demo-pages';
import { useJourney } from './support/journey';

const PASSWORD = 'opening night 2026';

describeOnEachDatabase('organization journey', (getDb) => {
  const journey = useJourney(getDb);

  /** A fresh browser profile (its own cookies), as another person's computer would be. */
  async function newBrowser(): Promise<{ page: Page; problems: string[] }> {
    const page = await (await journey().newContext()).newPage();
    return { page, problems: watchPageProblems(page) };
  }

  it('invites from the demo; the invitee accepts, is welcomed, names themselves, and the owner sees them join', async () => {
    const { stack } = journey();
    const ownerEmail = `owner-${Date.now()}@example.test`;
    const inviteeEmail = `newcomer-${Date.now()}@example.test`;

    // The owner signs up on the demo and confirms their address.
    const owner = await newBrowser();
    const site = new DemoSite(owner.page, stack.demoUrl);
    const signIn = await site.openSignIn();
    await signIn.signUp('Ada Lovelace', ownerEmail, PASSWORD);
    await owner.page.goto(await journey().mailedLink(ownerEmail, '/auth/verify-email'));
    await owner.page.getByRole('button', { name: 'Confirm my email' }).click();
    await site.arrivedAt('/account/sessions/');
    await site.signedInAs('Ada Lovelace');

    // On the organization page: create Globe Theatre, invite the newcomer.
    await owner.page.goto(`${stack.demoUrl}/account/organization/`);
    const organization = owner.page.locator('acct-organization');
    await organization.getByLabel('Organization name').fill('Globe Theatre');
    await organization.getByRole('button', { name: 'Create the organization' }).click();
    await organization.getByRole('heading', { name: 'Globe Theatre', level: 2 }).waitFor();
    await organization.getByLabel('Email address').fill(inviteeEmail);
    await organization.getByRole('button', { name: 'Send the invitation' }).click();
    await organization.getByRole('listitem').filter({ hasText: inviteeEmail }).waitFor();

    // The newcomer, on their own computer, opens the mail's link and accepts.
    const invitee = await newBrowser();
    await invitee.page.goto(await journey().mailedLink(inviteeEmail, '/auth/invitation'));
    await invitee.page.getByRole('heading', { name: 'Join Globe Theatre on Stagehand' }).waitFor();
    await invitee.page.getByRole('button', { name: 'Continue' }).click();

    // Back on the page the invitation came from. Nobody's browser asked for an invitation link, so
    // the page asks before signing in (login CSRF), naming the account; then welcomed, code gone.
    await invitee.page.waitForURL(`${stack.demoUrl}/account/organization/**`);
    const question = invitee.page.getByRole('alertdialog', { name: `Sign in to Stagehand as ${inviteeEmail}?` });
    await question.getByText('You accepted an invitation sent to this address.').waitFor();
    await question.getByRole('button', { name: 'Continue' }).click();
    const welcomed = invitee.page.locator('acct-organization');
    // Seen (the paragraph) and heard (the live region says it too).
    await welcomed.getByRole('paragraph').filter({ hasText: 'You joined Globe Theatre' }).waitFor();
    await welcomed.getByRole('status').filter({ hasText: 'You joined Globe Theatre' }).waitFor({ state: 'attached' });
    assert.doesNotMatch(invitee.page.url(), /acct_code/, 'the code left the address bar');
    await new DemoSite(invitee.page, stack.demoUrl).signedInAs(inviteeEmail);

    // The account has no name yet: the welcome asks for one.
    await welcomed.getByLabel('Your name').fill('Nia Okafor');
    await welcomed.getByRole('button', { name: 'Save my name' }).click();
    await welcomed.getByLabel('Your name').waitFor({ state: 'detached' });
    await new DemoSite(invitee.page, stack.demoUrl).signedInAs('Nia Okafor');
    await welcomed.getByRole('listitem').filter({ hasText: 'Nia Okafor' }).waitFor();

    // The owner's page, never reloaded, lists the new member (it polls while visible).
    const newMember = organization.getByRole('listitem').filter({ hasText: 'Nia Okafor' });
    await newMember.waitFor({ timeout: 15_000 });
    assert.match(await newMember.innerText(), new RegExp(inviteeEmail.replace(/[.]/g, '\\.')));
    await organization.getByText('Your role: Owner · 2 members').waitFor();
    await organization.getByText('No open invitations.').waitFor();

    // Invitations from the onboarding's team step come back to the site's first page; the demo
    // forwards them to the organization page, where the welcome is.
    const crewEmail = `crew-${Date.now()}@example.test`;
    const sent = await owner.page.evaluate(
      async ({ server, body }) => {
        const list = (await (await fetch(`${server}/api/organizations`, { credentials: 'include' })).json()) as {
          organizations: { id: string }[];
        };
        const response = await fetch(`${server}/api/organizations/${list.organizations[0]?.id}/invitations`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        return response.status;
      },
      { server: stack.acct.url, body: { email: crewEmail, role: 'member', redirectUrl: `${stack.demoUrl}/` } },
    );
    assert.equal(sent, 201);
    const crew = await newBrowser();
    await crew.page.goto(await journey().mailedLink(crewEmail, '/auth/invitation'));
    await crew.page.getByRole('button', { name: 'Continue' }).click();
    await crew.page.waitForURL(`${stack.demoUrl}/account/organization/**`);
    await crew.page.getByRole('alertdialog').getByRole('button', { name: 'Continue' }).click();
    await crew.page
      .locator('acct-organization')
      .getByRole('paragraph')
      .filter({ hasText: 'You joined Globe Theatre' })
      .waitFor();

    assert.deepEqual(owner.problems, []);
    assert.deepEqual(invitee.problems, []);
    assert.deepEqual(crew.problems, []);
  });
});
