/**
 * `<acct-onboarding>` against the real servers: the role and use case first (from the attributes
 * or the server's paths), then the walk — "Step n of m" and a progress bar, Back, Skip only on
 * optional steps, focus on each new step's heading with the change announced — the events, the
 * completion screen, resuming where the user stopped when the element is made again (a reload,
 * another device), and French. The step forms have their own file (onboarding-steps.test.ts).
 */
import { expect } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { runBaseSuite } from '../../testing/base-suite.js';
import type { AcctOnboardingCompleteDetail, AcctOnboardingStepDetail } from '../../core/events.js';
import { $, element, nextEvent, signOutEverywhere, text } from '../../testing/helpers.js';
import {
  attach,
  createPath,
  eventually,
  signedInDevice,
  uniqueRole,
  walkAhead,
  type Device,
} from '../../testing/onboarding.js';
import { AcctOnboarding } from './define.js';

beforeEach(signOutEverywhere);

const create = (attributes: Record<string, string> = {}): AcctOnboarding =>
  element('acct-onboarding', { server: testServers.instant, ...attributes });
const title = (el: AcctOnboarding) => text($(el, 'h2'));
const showing = (heading: string) => (el: AcctOnboarding) =>
  eventually(() => title(el) === heading, `acct-onboarding did not show "${heading}" (it shows "${title(el)}")`);
const part = (el: AcctOnboarding, name: string) => $<HTMLButtonElement>(el, `[part~="${name}"]`);
const status = (el: AcctOnboarding) => text($(el, '[role="status"]'));

const mount = (attributes: Record<string, string> = {}) => attach(create(attributes));

/** A signed-in user standing on the default path's `step`, the steps before it done through the API. */
function onDefaultPathAt(steps: [string, unknown][], then?: (device: Device) => Promise<unknown>) {
  return signedInDevice({
    prepare: async (device) => {
      await walkAhead(device, { role: uniqueRole('nobody') }, steps);
      await then?.(device);
    },
  });
}

/** A signed-in user on a new path for a new role, with `steps` done. */
function onNewPath(pathSteps: Parameters<typeof createPath>[1], done: [string, unknown][] = []) {
  const role = uniqueRole();
  return signedInDevice({
    prepare: async (device) => {
      await createPath(role, pathSteps);
      await walkAhead(device, { role }, done);
    },
  });
}

const WELCOME: [string, unknown] = ['welcome', {}];
const PROFILE: [string, unknown] = ['profile', { displayName: 'Ada Lovelace' }];

runBaseSuite<AcctOnboarding>({
  tag: 'acct-onboarding',
  elementClass: AcctOnboarding,
  states: [
    {
      name: 'signed out',
      create: () => create(),
      ready: (el) => eventually(() => $(el, 'slot[name="signed-out"]'), 'no signed-out slot'),
    },
    {
      name: 'role and use case',
      create: () => create({ roles: 'producer=Producer, crew=Crew member', 'use-cases': 'touring, festivals' }),
      ready: async (el) => {
        await signedInDevice();
        await showing('Set up your account')(el);
      },
    },
    {
      name: 'the preferences step, dark',
      create: () => create({ theme: 'dark' }),
      ready: async (el) => {
        await onDefaultPathAt([WELCOME, PROFILE, ['organization', { mode: 'create', name: 'Globe' }]], (device) =>
          device.call('POST', '/api/onboarding/steps/team/skip'),
        );
        await showing('Preferences')(el);
      },
    },
    {
      name: 'the team step, two teammates from a saved draft',
      create: () => create(),
      ready: async (el) => {
        await onDefaultPathAt([WELCOME, PROFILE, ['organization', { mode: 'create', name: 'Globe' }]], (device) =>
          device.call('POST', '/api/onboarding/steps/team/save', {
            data: {
              invitations: [
                { email: 'stage-manager-of-the-spring-season@example.test', role: 'admin' },
                { email: 'crew@example.test', role: 'member' },
              ],
            },
          }),
        );
        await showing('Team')(el);
        await eventually(() => $(el, '[name="invitations.1.email"]'), 'the draft’s second row did not show');
      },
    },
    {
      name: 'the mfa step, with <acct-mfa> inside',
      create: () => create(),
      ready: async (el) => {
        await onNewPath([
          { key: 'secure', title: 'Secure your account', component: 'mfa', required: true },
          { key: 'welcome', title: 'Welcome' },
        ]);
        await showing('Secure your account')(el);
        await eventually(
          () => $(el, 'acct-mfa')?.shadowRoot?.querySelector('[part~="enable-button"]'),
          'acct-mfa did not load',
        );
      },
    },
    {
      name: 'completed',
      create: () => create({ 'continue-url': '/dashboard/' }),
      ready: async (el) => {
        await onNewPath([{ key: 'welcome', title: 'Welcome', required: true }], [WELCOME]);
        await showing('You are all set')(el);
      },
    },
    {
      name: 'server unreachable',
      create: () => create({ server: testServers.unreachable }),
      ready: (el) => eventually(() => part(el, 'retry-button'), 'no retry'),
    },
  ],
  events: [
    {
      name: 'completing a step',
      event: 'acct-onboarding-step',
      create: () => create(),
      ready: async (el) => {
        await onDefaultPathAt([]);
        await showing('Welcome')(el);
      },
      trigger: async (el) => part(el, 'next-button')!.click(),
    },
    {
      name: 'finishing the path',
      event: 'acct-onboarding-complete',
      create: () => create(),
      ready: async (el) => {
        await onNewPath([{ key: 'complete', title: 'All done', required: true }]);
        await showing('All done')(el);
      },
      trigger: async (el) => part(el, 'next-button')!.click(),
    },
    {
      name: 'a step the server refuses',
      event: 'acct-error',
      create: () => create(),
      ready: async (el) => {
        // The team step needs an organization step before it: this path has none.
        await onNewPath([{ key: 'team', title: 'Team' }]);
        await showing('Team')(el);
      },
      trigger: async (el) => part(el, 'next-button')!.click(),
    },
  ],
});

describe('<acct-onboarding>', () => {
  it('offers the roles and use cases of its attributes, then starts the path that fits the role', async () => {
    const role = uniqueRole('producer');
    await createPath(role, [
      { key: 'welcome', title: 'Hello producer', required: true },
      { key: 'tour', title: 'Tour' },
    ]);
    await signedInDevice();
    const el = await mount({
      roles: `${role}=Producer, crew=Crew member`,
      'use-cases': 'touring, big-festivals=Festivals',
    });
    await showing('Set up your account')(el);
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map((l) => text(l));
    expect(labels).to.deep.equal(['Producer', 'Crew member', 'Touring', 'Festivals']);
    expect(text($(el, 'fieldset legend'))).to.equal('Your role');

    $<HTMLInputElement>(el, `input[value="${role}"]`)!.click();
    $<HTMLInputElement>(el, 'input[value="touring"]')!.click();
    part(el, 'next-button')!.click();
    await showing('Hello producer')(el);
    expect(text(part(el, 'step-count'))).to.equal('Step 1 of 2');
    expect(el.shadowRoot!.activeElement, 'focus on the new heading').to.equal($(el, 'h2'));
    await eventually(() => status(el) === 'Step 1 of 2: Hello producer', 'the step was not announced');
  });

  it("offers the server's roles when the page lists none", async () => {
    const role = uniqueRole('stage-manager');
    await createPath(role, [{ key: 'welcome', title: 'Welcome' }]);
    await signedInDevice();
    const el = await mount();
    await showing('Set up your account')(el);
    const radio = $<HTMLInputElement>(el, `input[value="${role}"]`);
    expect(radio, 'the path’s role is offered').to.exist;
    expect(text(radio!.closest('label'))).to.match(/^Stage manager /);
  });

  it('shows the position with a progress bar, Skip only on optional steps and Back after the first', async () => {
    await onDefaultPathAt([]);
    const el = await mount();
    await showing('Welcome')(el);
    const bar = $(el, '[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('1');
    expect(bar.getAttribute('aria-valuemax')).to.equal('8');
    expect(bar.getAttribute('aria-valuetext')).to.equal('Step 1 of 8');
    expect(part(el, 'skip-button'), 'welcome is required').to.equal(null);
    expect(part(el, 'back-button'), 'nothing before the first step').to.equal(null);

    part(el, 'next-button')!.click();
    await showing('Profile')(el);
    expect(part(el, 'skip-button'), 'profile is required').to.equal(null);
    expect(part(el, 'back-button')).to.exist;
  });

  it('skips an optional step and goes back, firing acct-onboarding-step for each', async () => {
    await onDefaultPathAt([WELCOME, PROFILE, ['organization', { mode: 'create', name: 'Globe Theatre' }]]);
    const el = await mount();
    await showing('Team')(el);
    expect(text(part(el, 'optional-badge'))).to.equal('Optional');

    const skipped = nextEvent<AcctOnboardingStepDetail>(el, 'acct-onboarding-step');
    part(el, 'skip-button')!.click();
    const skip = (await skipped).detail;
    expect(skip.step).to.equal('team');
    expect(skip.action).to.equal('skip');
    expect(skip.progress).to.deep.include({ requiredDone: 3, requiredTotal: 4 });
    await showing('Preferences')(el);

    const left = nextEvent<AcctOnboardingStepDetail>(el, 'acct-onboarding-step');
    part(el, 'back-button')!.click();
    expect((await left).detail).to.deep.include({ step: 'preferences', action: 'back' });
    await showing('Team')(el);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'h2'));
  });

  it('resumes at the step where the user stopped when it is made again', async () => {
    await onDefaultPathAt([WELCOME]);
    const first = await mount();
    await showing('Profile')(first);
    $<HTMLInputElement>(first, 'input[name="displayName"]')!.value = 'Grace Hopper';
    part(first, 'next-button')!.click();
    await showing('Organization')(first);
    first.remove();

    // A reload: a new element, a new read of the server's progress.
    const again = await mount();
    await showing('Organization')(again);
    expect(text(part(again, 'step-count'))).to.equal('Step 3 of 8');
    part(again, 'back-button')!.click();
    await showing('Profile')(again);
    expect($<HTMLInputElement>(again, 'input[name="displayName"]')!.value, 'what was saved comes back').to.equal(
      'Grace Hopper',
    );
  });

  it('finishes: fires acct-onboarding-complete and shows the completion screen with its link', async () => {
    const device = await onNewPath(
      [
        { key: 'welcome', title: 'Welcome', required: true },
        { key: 'complete', title: 'Ready', required: true },
      ],
      [WELCOME],
    );
    const el = await mount({ 'continue-url': '/dashboard/' });
    await showing('Ready')(el);
    expect(text(part(el, 'next-button'))).to.equal('Finish');
    expect(text($(el, 'slot[name="step-complete"] p'))).to.contain('That is everything');

    const completed = nextEvent<AcctOnboardingCompleteDetail>(el, 'acct-onboarding-complete');
    part(el, 'next-button')!.click();
    const detail = (await completed).detail;
    expect(detail.role).to.equal((await device.call<{ role: string }>('GET', '/api/onboarding')).role);
    expect(detail.completedAt).to.be.a('string');
    await showing('You are all set')(el);
    expect(part(el, 'continue-link')!.getAttribute('href')).to.equal('/dashboard/');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'h2'));
    await eventually(() => status(el) === 'Onboarding complete. You are all set.', 'completion not announced');
  });

  it('speaks French with lang="fr"', async () => {
    await onDefaultPathAt([WELCOME]);
    const el = await mount({ lang: 'fr' });
    await eventually(() => text(part(el, 'step-count')) === 'Étape 2 sur 8', 'no French step count');
    expect(text(part(el, 'back-button'))).to.equal('Retour');
    expect(text($(el, 'label[for="f-displayName"]'))).to.equal('Nom');
  });
});
