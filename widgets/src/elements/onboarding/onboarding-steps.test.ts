/**
 * The step forms of `<acct-onboarding>` against the real servers: each built-in step renders,
 * checks what it can before sending, shows the server's field errors beside their fields, and
 * does its work (the profile is edited, an organization created or picked, invitations sent,
 * preferences and quiet hours saved, security notifications locked on); the host's slots render for built-in and site steps, and a
 * site step's data arrives from `setStepData()` or an `acct-step-data` event.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import type { OnboardingState } from '../../../../contract/onboarding.js';
import type { Organization } from '../../../../contract/organizations.js';
import { localize, translations } from '../../core/i18n/index.js';
import { $, settledStore, signOutEverywhere, text } from '../../testing/helpers.js';
import { enrolMfa } from '../../testing/mfa.js';
import {
  createPath,
  eventually,
  signedInDevice,
  uniqueRole,
  walkAhead,
  type Device,
} from '../../testing/onboarding.js';
import type { AcctOnboarding } from './define.js';
import './define.js';
import { stepTitle } from './steps/index.js';

// French, with its areas: chunks of their own (core/i18n/chunks.ts).
await translations.load('fr');
const fr = localize('fr');

beforeEach(signOutEverywhere);

const title = (el: AcctOnboarding) => text($(el, 'h2'));
const showing = (el: AcctOnboarding, heading: string) =>
  eventually(() => title(el) === heading, `acct-onboarding did not show "${heading}" (it shows "${title(el)}")`);
const field = <T extends HTMLElement = HTMLInputElement>(el: AcctOnboarding, name: string) =>
  $<T>(el, `[name="${name}"]`)!;
const errorOf = (el: AcctOnboarding, name: string) =>
  text(field(el, name).closest('.field')?.querySelector('[part="field-error"]'));
const next = (el: AcctOnboarding) => $<HTMLButtonElement>(el, '[part~="next-button"]')!.click();
const progress = (device: Device) => device.call<OnboardingState>('GET', '/api/onboarding');

const BEFORE_TEAM: [string, unknown][] = [
  ['welcome', {}],
  ['profile', { displayName: 'Ada' }],
  ['organization', { mode: 'create', name: 'Globe' }],
];

/** A signed-in user on the default path with `done` completed, and the element showing the next step. */
async function at(done: [string, unknown][], heading: string, slotted = html``) {
  const device = await signedInDevice({ prepare: (d) => walkAhead(d, { role: uniqueRole('nobody') }, done) });
  const el = await fixture<AcctOnboarding>(
    html`<acct-onboarding server=${testServers.instant}>${slotted}</acct-onboarding>`,
  );
  await showing(el, heading);
  return { el, device };
}

describe('<acct-onboarding> steps', () => {
  it('profile: requires a name and a web address for the photo, shows the server’s field errors, and edits the profile', async () => {
    const { el, device } = await at([['welcome', {}]], 'Profile');
    expect(field(el, 'displayName').value, 'starts from the account’s name').to.equal('Ada Lovelace');
    field(el, 'displayName').value = '  ';
    field(el, 'avatarUrl').value = 'not a url';
    next(el);
    await eventually(() => errorOf(el, 'displayName') === 'Fill in this field.', 'no name error');
    expect(errorOf(el, 'avatarUrl')).to.equal('Enter a full web address, starting with https://.');
    expect(field(el, 'displayName').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement, 'focus on the first invalid field').to.equal(field(el, 'displayName'));

    // Only the server knows the bio's limit here (the field's maxlength does not stop a script).
    field(el, 'displayName').value = 'Ada King';
    field(el, 'avatarUrl').value = 'https://example.com/ada.png';
    field<HTMLTextAreaElement>(el, 'bio').value = 'x'.repeat(501);
    next(el);
    await eventually(() => errorOf(el, 'bio') === 'This is too long.', 'no server field error on the bio');
    expect(text($(el, '[part="form-error"]'))).to.equal('Some fields are missing or invalid.');

    field<HTMLTextAreaElement>(el, 'bio').value = 'Analyst.';
    next(el);
    await showing(el, 'Organization');
    const me = await device.call<{ user: { displayName: string; avatarUrl: string } }>('GET', '/api/me');
    expect(me.user).to.deep.include({ displayName: 'Ada King', avatarUrl: 'https://example.com/ada.png' });
  });

  it('organization: creates one, or picks one the user belongs to', async () => {
    const { el, device } = await at(BEFORE_TEAM.slice(0, 2), 'Organization');
    expect(field(el, 'mode'), 'nothing to pick yet: only the name').to.equal(null);
    next(el);
    await eventually(() => errorOf(el, 'name') === 'Fill in this field.', 'no name error');

    const { organization } = await device.call<{ organization: Organization }>('POST', '/api/organizations', {
      name: 'Old Vic',
    });
    el.remove();
    const again = await fixture<AcctOnboarding>(
      html`<acct-onboarding server=${testServers.instant}></acct-onboarding>`,
    );
    await showing(again, 'Organization');
    await eventually(
      () => again.shadowRoot!.querySelector('input[value="existing"]'),
      'no choice between creating and picking',
    );
    $<HTMLInputElement>(again, 'input[value="existing"]')!.click();
    await eventually(() => again.shadowRoot!.querySelector('select[name="organizationId"]'), 'no organization select');
    expect(text(field(again, 'organizationId').querySelector('option'))).to.equal('Old Vic');
    next(again);
    await showing(again, 'Team');
    expect((await progress(device)).stepData?.organization).to.deep.equal({
      mode: 'existing',
      organizationId: organization.id,
    });
  });

  it('team: checks addresses, adds and removes rows, and sends the invitations', async () => {
    const { el, device } = await at(BEFORE_TEAM, 'Team');
    expect($(el, '[part~="skip-button"]'), 'team is optional').to.exist;
    field(el, 'invitations.0.email').value = 'not-an-address';
    $<HTMLButtonElement>(el, '[part~="add-button"]')!.click();
    await eventually(() => field(el, 'invitations.1.email'), 'no second row');
    expect(el.shadowRoot!.activeElement, 'focus on the new row').to.equal(field(el, 'invitations.1.email'));
    field(el, 'invitations.1.email').value = 'ben@example.test';
    field<HTMLSelectElement>(el, 'invitations.1.role').value = 'admin';
    next(el);
    await eventually(
      () => errorOf(el, 'invitations.0.email') === 'Enter a valid email address, like name@example.com.',
      'no email error',
    );

    $<HTMLButtonElement>(el, '[part~="remove-button"][aria-label="Remove teammate 1"]')!.click();
    await eventually(() => !field(el, 'invitations.1.email'), 'the row was not removed');
    expect(field(el, 'invitations.0.email').value, 'the typed row moved up').to.equal('ben@example.test');
    next(el);
    await showing(el, 'Preferences');
    const organizationId = ((await progress(device)).stepData?.organization as { organizationId: string })
      .organizationId;
    const { invitations } = await device.call<{ invitations: { email: string; role: string }[] }>(
      'GET',
      `/api/organizations/${organizationId}/invitations`,
    );
    expect(invitations.map(({ email, role }) => ({ email, role }))).to.deep.equal([
      { email: 'ben@example.test', role: 'admin' },
    ]);
  });

  it('preferences: notification toggles and quiet hours in the browser’s time zone, saved as chosen', async () => {
    const { el, device } = await at([...BEFORE_TEAM, ['team', { invitations: [] }]], 'Preferences');
    const newsletter = field(el, 'newsletter.email');
    expect(newsletter.checked, 'marketing email is opt-in').to.equal(false);
    expect(newsletter.getAttribute('aria-label')).to.equal('Email: Newsletter');
    expect(field(el, 'comments.push').checked).to.equal(true);
    field(el, 'comments.push').click();
    expect(field(el, 'quietHours.start'), 'no times until quiet hours are on').to.equal(null);

    field(el, 'quietHours.enabled').click();
    await eventually(() => field(el, 'quietHours.timeZone'), 'no time zone select');
    expect(field<HTMLSelectElement>(el, 'quietHours.timeZone').value).to.equal(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
    field(el, 'quietHours.start').value = '';
    next(el);
    await eventually(() => errorOf(el, 'quietHours.start') === 'Fill in this field.', 'no time error');
    field(el, 'quietHours.start').value = '21:30';
    field(el, 'quietHours.days.0').click();
    next(el);
    await showing(el, 'Integrations');
    const saved = (await progress(device)).stepData?.preferences as {
      notifications: Record<string, unknown>;
      quietHours: Record<string, unknown>;
    };
    expect(saved.notifications.comments).to.deep.equal({ email: true, push: false, inApp: true });
    expect(saved.quietHours).to.deep.include({ enabled: true, start: '21:30', end: '07:00', days: [1, 2, 3, 4, 5, 6] });
  });

  it('preferences: security notifications show ticked and locked, with the reason, as the account page has them', async () => {
    const { el, device } = await at([...BEFORE_TEAM, ['team', { invitations: [] }]], 'Preferences');
    const note = $(el, '[part="locked-note"]');
    expect(text(note)).to.equal(
      'Security notifications are always on: they tell you when someone else may be using your account.',
    );
    for (const event of ['new_sign_in', 'password_changed']) {
      for (const channel of ['email', 'push', 'inApp']) {
        const box = field(el, `${event}.${channel}`);
        expect([box.checked, box.disabled], `${event}.${channel}`).to.deep.equal([true, true]);
        expect(box.closest('table')!.getAttribute('aria-describedby')).to.equal(note!.id);
      }
    }
    expect(field(el, 'comments.email').disabled, 'the others stay the user’s choice').to.equal(false);
    next(el);
    await showing(el, 'Integrations');
    const saved = (await progress(device)).stepData?.preferences as { notifications: Record<string, unknown> };
    expect(saved.notifications.new_sign_in).to.deep.equal({ email: true, push: true, inApp: true });
  });

  it('integrations and tour render the host’s slot content (a default text without it)', async () => {
    const done: [string, unknown][] = [...BEFORE_TEAM, ['team', { invitations: [] }], ['preferences', {}]];
    const { el, device } = await at(
      done,
      'Integrations',
      html`<div slot="step-tour"><p>Here is the stage plan.</p></div>`,
    );
    expect(text($(el, 'slot[name="step-integrations"]'))).to.contain('Connect the tools you already use');
    el.setStepData('integrations', { connected: ['calendar'] });
    next(el);
    await showing(el, 'Tour');
    const slot = $<HTMLSlotElement>(el, 'slot[name="step-tour"]')!;
    expect(slot.assignedElements().map((e) => text(e))).to.deep.equal(['Here is the stage plan.']);
    expect((await progress(device)).stepData?.integrations).to.deep.equal({ connected: ['calendar'] });
  });

  it('a site step shows only its slot and Continue, and sends the data its content hands over', async () => {
    const role = uniqueRole();
    await createPath(role, [
      { key: 'budget', title: 'Your budget', required: true },
      { key: 'crew', title: 'Your crew', component: 'nonexistent' },
    ]);
    const device = await signedInDevice({ prepare: (d) => walkAhead(d, { role }, []) });
    const el = await fixture<AcctOnboarding>(html`<acct-onboarding server=${testServers.instant}>
      <div slot="step-budget"><button id="pick" type="button">Pick €10k</button></div>
      <p slot="step-crew">Crew content</p>
    </acct-onboarding>`);
    await showing(el, 'Your budget');
    expect([...el.shadowRoot!.querySelectorAll('.content input, .content select')]).to.have.length(0);
    expect([...el.shadowRoot!.querySelectorAll('.actions button')].map((b) => text(b))).to.deep.equal(['Continue']);

    // Host content fires the event from inside the slot; it bubbles to the element.
    const pick = el.querySelector('#pick')!;
    pick.addEventListener('click', () =>
      pick.dispatchEvent(new CustomEvent('acct-step-data', { bubbles: true, detail: { data: { amount: 10000 } } })),
    );
    (pick as HTMLButtonElement).click();
    next(el);
    await showing(el, 'Your crew');
    expect(
      $<HTMLSlotElement>(el, 'slot[name="step-crew"]')!
        .assignedElements()
        .map((e) => text(e)),
    ).to.deep.equal(['Crew content']);
    expect((await progress(device)).stepData?.budget).to.deep.equal({ amount: 10000 });
  });

  it('mfa: shows <acct-mfa>, and Continue says to turn it on until the user has, then moves on', async () => {
    const role = uniqueRole();
    await createPath(role, [
      { key: 'secure', title: 'Secure your account', component: 'mfa', required: true },
      { key: 'done', title: 'Done' },
    ]);
    await signedInDevice({ prepare: (d) => walkAhead(d, { role }, []) });
    const el = await fixture<AcctOnboarding>(
      html`<acct-onboarding server=${testServers.instant} lang="fr"></acct-onboarding>`,
    );
    await showing(el, 'Secure your account');
    const mfa = $(el, 'acct-mfa')!;
    expect(mfa.getAttribute('server')).to.equal(testServers.instant);
    expect(mfa.getAttribute('lang')).to.equal('fr');
    await eventually(
      () => mfa.shadowRoot?.querySelector('[part~="enable-button"]'),
      'acct-mfa did not offer to turn it on',
    );

    next(el);
    await eventually(
      () => text($(el, '[part="form-error"]')) === fr.errors.second_factor_not_set_up,
      `Continue was not refused as expected (the step says "${text($(el, '[part="form-error"]'))}")`,
    );

    await enrolMfa(await settledStore(testServers.instant));
    next(el);
    await showing(el, 'Done');
  });

  it('titles a step an organization’s policy added in the element’s language', () => {
    const step = {
      key: 'mfa',
      title: 'Two-step verification',
      required: true,
      component: 'mfa',
      policy: 'mfa' as const,
    };
    expect(stepTitle(step, fr)).to.equal('Validation en deux étapes');
    expect(stepTitle({ key: 'secure', title: 'Sécurité', required: true, component: 'mfa' }, fr)).to.equal('Sécurité');
  });
});
