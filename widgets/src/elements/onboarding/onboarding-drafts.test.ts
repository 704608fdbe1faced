/**
 * Drafts in `<acct-onboarding>` against the real servers: what the user types in a step is saved
 * once they pause, and as they leave the page, and the step shows it again in a new element (a
 * reload, another device); half-typed values that the step's schema would refuse wait; going Back
 * keeps the draft; and a French draft is restored as typed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import type { OnboardingState } from '../../../../contract/onboarding.js';
import { $, signOutEverywhere, text } from '../../testing/helpers.js';
import { eventually, signedInDevice, uniqueRole, walkAhead, type Device } from '../../testing/onboarding.js';
import type { AcctOnboarding } from './define.js';
import './define.js';

beforeEach(signOutEverywhere);

const title = (el: AcctOnboarding) => text($(el, 'h2'));
const showing = (el: AcctOnboarding, heading: string) =>
  eventually(() => title(el) === heading, `acct-onboarding did not show "${heading}"`);
const field = <T extends HTMLElement = HTMLInputElement>(el: AcctOnboarding, name: string) =>
  $<T>(el, `[name="${name}"]`)!;
const saved = async (device: Device, step: string) =>
  (await device.call<OnboardingState>('GET', '/api/onboarding')).stepData?.[step] as
    Record<string, unknown> | undefined;
const mount = () => fixture<AcctOnboarding>(html`<acct-onboarding server=${testServers.instant}></acct-onboarding>`);

/** Types into a field as the user does: focus, then keystrokes (input events, one per key). */
async function type(el: AcctOnboarding, name: string, words: string) {
  field(el, name).focus();
  await sendKeys({ type: words });
}

const BEFORE_TEAM: [string, unknown][] = [
  ['welcome', {}],
  ['profile', { displayName: 'Ada' }],
  ['organization', { mode: 'create', name: 'Globe' }],
];

/** A signed-in user on the default path with `done` completed, the element showing `heading`. */
async function at(done: [string, unknown][], heading: string) {
  const device = await signedInDevice({ prepare: (d) => walkAhead(d, { role: uniqueRole('drafts') }, done) });
  const el = await mount();
  await showing(el, heading);
  return { el, device };
}

describe('<acct-onboarding> drafts', () => {
  it('saves what is typed once the user pauses, and shows it again in a new element', async () => {
    const { el, device } = await at([['welcome', {}]], 'Profile');
    await type(el, 'bio', 'Producer of the spring season.');
    // A photo address is kept only once it is whole: the server's schema refuses half of one.
    await type(el, 'avatarUrl', 'www.exam');
    await eventually(
      async () => {
        const draft = await saved(device, 'profile');
        return draft?.bio === 'Producer of the spring season.' && !('avatarUrl' in draft);
      },
      'no draft saved, or one with the half-typed address',
      6000,
    );
    expect(await saved(device, 'profile')).to.deep.equal({
      displayName: 'Ada Lovelace',
      bio: 'Producer of the spring season.',
    });
    expect(field(el, 'avatarUrl').value, 'the field keeps what is typed').to.equal('www.exam');

    el.remove();
    const again = await mount();
    await showing(again, 'Profile');
    expect(field<HTMLTextAreaElement>(again, 'bio').value).to.equal('Producer of the spring season.');
    expect(
      (await device.call<OnboardingState>('GET', '/api/onboarding')).completedSteps,
      'a draft completes nothing',
    ).to.deep.equal(['welcome']);
  });

  it('saves at once when the user leaves the page', async () => {
    const { el, device } = await at([['welcome', {}]], 'Profile');
    await type(el, 'bio', 'Stage manager.');
    // What the browser fires as a reload, a navigation or closing the tab begins.
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    await eventually(
      async () => (await saved(device, 'profile'))?.bio === 'Stage manager.',
      'no draft saved on leaving',
    );
  });

  it('keeps whole addresses of the team step, and keeps the draft when going back', async () => {
    const { el, device } = await at(BEFORE_TEAM, 'Team');
    await type(el, 'invitations.0.email', 'crew@example.test');
    $<HTMLButtonElement>(el, '[part~="add-button"]')!.click();
    await eventually(() => field(el, 'invitations.1.email'), 'no second row');
    await type(el, 'invitations.1.email', 'half@');
    $<HTMLButtonElement>(el, '[part~="back-button"]')!.click();
    await showing(el, 'Organization');
    expect(await saved(device, 'team')).to.deep.equal({
      invitations: [{ email: 'crew@example.test', role: 'member' }],
    });

    // Continue on the organization step (it keeps the one created) leads back to the draft.
    $<HTMLButtonElement>(el, '[part~="next-button"]')!.click();
    await showing(el, 'Team');
    expect(field(el, 'invitations.0.email').value).to.equal('crew@example.test');
    expect(field(el, 'invitations.1.email'), 'the half-typed row was not kept').to.equal(null);
  });

  it('restores a draft typed in French', async () => {
    const device = await signedInDevice({
      prepare: (d) => walkAhead(d, { role: uniqueRole('brouillon') }, [['welcome', {}]]),
    });
    const el = await fixture<AcctOnboarding>(
      html`<acct-onboarding server=${testServers.instant} lang="fr"></acct-onboarding>`,
    );
    await showing(el, 'Profile');
    await type(el, 'bio', 'Régisseuse générale, « Le Cid ».');
    await eventually(
      async () => (await saved(device, 'profile'))?.bio === 'Régisseuse générale, « Le Cid ».',
      'no draft saved',
      6000,
    );
    el.remove();
    const again = await fixture<AcctOnboarding>(
      html`<acct-onboarding server=${testServers.instant} lang="fr"></acct-onboarding>`,
    );
    await showing(again, 'Profile');
    expect(field<HTMLTextAreaElement>(again, 'bio').value).to.equal('Régisseuse générale, « Le Cid ».');
    expect(text($(again, 'label[for="f-bio"]'))).to.equal('À propos de vous');
  });
});
