/**
 * Journey of onboarding, in the system's Chromium, on the demo origin (≠ the server's), with mail
 * through a real SMTP server and the demo's own data loaded (demo/seed-demo-data.ts): sign up on
 * /onboarding/ → the verification mail → its link signs the browser in, back on the page → choose
 * the producer role → profile (typed text survives a reload straight away: a draft) → create a
 * company → invite a teammate (their invitation arrives,
 * and "Invite a team member" ticks in the open checklist within its poll interval) → reload
 * mid-way and resume at the same step → pick a template for the site's own step → finish →
 * an administrator's funnel counts the user as started and completed. Runs on each database.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { seedDemoData } from '../demo/seed-demo-data';
import type { FunnelPath } from '../contract/admin';
import { codeFrom, followLink, linkIn } from '../server/testing/accounts';
import { describeOnEachDatabase } from '../server/testing/databases';
import { TestClient } from '../server/testing/http-client';
import { waitOrExplain, watchPageProblems } from './support/browser';
import { useJourney } from './support/journey';

const PASSWORD = 'opening night 2026';

/** Resolves once `check` holds, polling every 100 ms; fails after `timeoutMs`. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The onboarding card, and its step heading once it shows `title`. */
async function onStep(page: Page, title: string): Promise<Locator> {
  const onboarding = page.locator('acct-onboarding');
  await onboarding.getByRole('heading', { name: title, level: 2 }).waitFor();
  return onboarding;
}

/** A labelled field the user can see: the sign-up form stays in the page (unslotted) after signing in, with its own "Name". */
const visibleField = (scope: Locator, label: string) =>
  scope.getByLabel(label, { exact: true }).filter({ visible: true });

describeOnEachDatabase('onboarding journey', (getDb) => {
  // The demo's own data (the producer path, templates), as `npm start` loads it.
  const journey = useJourney(getDb, { prepare: (db) => seedDemoData(db.knex).then(() => {}) });

  it('signs up, is onboarded as a producer, resumes after a reload, and shows in the funnel', async () => {
    const email = `producer-${Date.now()}@example.test`;
    const teammate = `stage-manager-${Date.now()}@example.test`;
    const { stack, sink } = journey();
    const context = await journey().newContext();
    const page = await context.newPage();
    const problems = watchPageProblems(page);

    // Sign up with <acct-login>, in <acct-onboarding>'s signed-out slot.
    await page.goto(`${stack.demoUrl}/onboarding/`);
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await waitOrExplain(
      page,
      () => page.getByRole('button', { name: 'Create account' }).click(),
      page.getByText('Confirm your email address'),
      page.locator('acct-login'),
    );

    // The verification link brings the browser back to the onboarding page, signed in.
    const verification = await sink.waitFor((m) => m.to.includes(email), 10_000);
    await page.goto(/https?:\/\/\S+/.exec(verification.text)![0]);
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await page.waitForURL(`${stack.demoUrl}/onboarding/**`);

    // The role decides the path: producers get the demo's own.
    let onboarding = await onStep(page, 'Set up your account');
    await onboarding.getByRole('radio', { name: 'Producer' }).check();
    await onboarding.getByRole('radio', { name: 'Theatre' }).check();
    await onboarding.getByRole('button', { name: 'Get started' }).click();
    onboarding = await onStep(page, 'Welcome to Stagehand');
    assert.equal(await onboarding.locator('[part="step-count"]').innerText(), 'Step 1 of 7');
    await onboarding.getByRole('button', { name: 'Continue' }).click();

    onboarding = await onStep(page, 'Your profile');
    await visibleField(onboarding, 'Name').fill('Ada Lovelace');
    await visibleField(onboarding, 'About you').fill('Producer of the spring season.');
    // A reload straight after typing: the draft leaves with the page (a keepalive request, to
    // the acct server's origin), and the step shows it again.
    await page.reload();
    onboarding = await onStep(page, 'Your profile');
    if (!(await visibleField(onboarding, 'About you').inputValue())) {
      // The new page can read the step before the old page's keepalive save has committed (a busy
      // machine); the draft must be there by the next load — if it was lost, it is not.
      await page.reload();
      onboarding = await onStep(page, 'Your profile');
    }
    assert.equal(await visibleField(onboarding, 'About you').inputValue(), 'Producer of the spring season.');
    await visibleField(onboarding, 'Photo').fill('https://example.com/ada.png');
    await onboarding.getByRole('button', { name: 'Continue' }).click();

    onboarding = await onStep(page, 'Your company');
    await visibleField(onboarding, 'Organization name').fill('Globe Productions');
    await onboarding.getByRole('button', { name: 'Continue' }).click();

    // The team step sends a real invitation, and the open checklist hears of it by polling.
    onboarding = await onStep(page, 'Your crew');
    const checklist = page.locator('acct-checklist');
    const inviteItem = checklist.getByRole('checkbox', { name: 'Done: Invite a team member' });
    assert.equal(await inviteItem.isChecked(), false);
    await visibleField(onboarding, 'Email address of teammate 1').fill(teammate);
    await onboarding.getByRole('button', { name: 'Continue' }).click();
    await onStep(page, 'Your first production');
    const invitation = await sink.waitFor((m) => m.to.includes(teammate), 10_000);
    assert.match(invitation.text, /\/auth\/invitation\?token=/);
    await until(() => inviteItem.isChecked(), 'invite_team ticked in the open checklist', 6_500);
    assert.equal(
      await checklist.getByRole('checkbox', { name: 'Done: Complete your profile' }).isChecked(),
      true,
      'photo and bio tick the profile',
    );

    // A reload mid-way resumes at the same step.
    await page.reload();
    onboarding = await onStep(page, 'Your first production');
    assert.equal(await onboarding.locator('[part="step-count"]').innerText(), 'Step 5 of 7 · Optional');

    // The site's own step: its slot holds the template gallery; choosing one is the step's data.
    await onboarding.getByRole('button', { name: 'Use the template Theatre run' }).click();
    await onboarding.getByText('Starting from “Theatre run”').waitFor();
    await onboarding.getByRole('button', { name: 'Continue' }).click();

    onboarding = await onStep(page, 'Notifications');
    await onboarding.getByRole('button', { name: 'Continue' }).click();
    onboarding = await onStep(page, 'Ready for opening night');
    await onboarding.getByRole('button', { name: 'Finish' }).click();
    onboarding = await onStep(page, 'You are all set');
    assert.equal(await onboarding.getByRole('link', { name: 'Continue' }).getAttribute('href'), '/core/dashboard/');

    // An administrator (made one directly in the database) reads the funnel.
    const admin = new TestClient(stack.acct.url, { origin: stack.demoUrl });
    const adminEmail = `admin-${Date.now()}@example.test`;
    assert.equal(
      (
        await admin.post('/api/auth/sign-up', {
          email: adminEmail,
          password: PASSWORD,
          redirectUrl: `${stack.demoUrl}/`,
        })
      ).status,
      202,
    );
    const confirmed = await followLink(admin, linkIn(await sink.waitFor((m) => m.to.includes(adminEmail), 10_000)));
    assert.equal(
      (await admin.post('/api/session/exchange', { code: codeFrom(confirmed.location), confirm: true })).status,
      200,
    );
    await getDb().knex('auth.users').where({ email: adminEmail }).update({ app_role: 'admin' });
    const funnel = await admin.get<{ paths: FunnelPath[] }>('/api/admin/onboarding/funnel');
    assert.equal(funnel.status, 200);
    const producers = funnel.body.paths.find((p) => p.name === 'Producer onboarding');
    assert.ok(producers, 'the demo path is in the funnel');
    assert.equal(producers.started, 1);
    assert.equal(producers.completed, 1);
    assert.deepEqual(
      producers.steps.map((s) => [s.key, s.completed]),
      ['welcome', 'profile', 'organization', 'team', 'first-production', 'preferences', 'complete'].map((key) => [
        key,
        1,
      ]),
    );

    assert.deepEqual(problems, []);
    await context.close();
  });
});
