/**
 * `<acct-password>` against the real servers: a change says how many other devices were signed
 * out and the new password signs in; a wrong current password and two different new ones are
 * refused in words; French; the signed-out slot (and the base suite: axe, dark, 375 px, events).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { runBaseSuite } from '../../testing/base-suite.js';
import { $, element, nextEvent, PASSWORD, signInNewAccount, signOutEverywhere, text } from '../../testing/helpers.js';
import { AcctPassword } from './define.js';

beforeEach(signOutEverywhere);

const NEW_PASSWORD = 'a brand new passphrase';

/** This page signed in on `testServers.instant` to a new password account. */
const signedIn = () => signInNewAccount(testServers.instant);

const create = (attributes: Record<string, string> = {}): AcctPassword =>
  element('acct-password', { server: testServers.instant, ...attributes });
const shown = (el: AcctPassword) => waitUntil(() => $(el, 'form'), 'the form is not shown', { timeout: 4000 });

function fill(el: AcctPassword, current: string, next: string, again = next): void {
  $<HTMLInputElement>(el, 'input[name="currentPassword"]')!.value = current;
  $<HTMLInputElement>(el, 'input[name="newPassword"]')!.value = next;
  $<HTMLInputElement>(el, 'input[name="confirmPassword"]')!.value = again;
  $(el, '[part~="primary-button"]')!.click();
}

runBaseSuite<AcctPassword>({
  tag: 'acct-password',
  elementClass: AcctPassword,
  states: [
    {
      name: 'signed out',
      create: () => create(),
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]')),
    },
    {
      name: 'signed in',
      create: () => create(),
      ready: async (el) => {
        await signedIn();
        await shown(el);
      },
    },
    {
      name: 'dark, refused',
      create: () => create({ theme: 'dark' }),
      ready: async (el) => {
        await signedIn();
        await shown(el);
        fill(el, PASSWORD, NEW_PASSWORD, 'something else');
        await waitUntil(() => text($(el, '[part="field-error"]:not(:empty)')));
      },
    },
  ],
  events: [
    {
      name: 'changing the password',
      event: 'acct-password-changed',
      create: () => create(),
      ready: async (el) => {
        await signedIn();
        await shown(el);
      },
      trigger: async (el) => fill(el, PASSWORD, NEW_PASSWORD),
    },
  ],
});

describe('<acct-password>', () => {
  it('changes the password, says how many other devices were signed out, and the new one signs in', async () => {
    const { email, store } = await signedIn();
    const el = create();
    document.body.append(el);
    await shown(el);
    const changed = nextEvent<{ otherSessionsEnded: number }>(el, 'acct-password-changed');
    fill(el, PASSWORD, NEW_PASSWORD);
    const { otherSessionsEnded } = (await changed).detail;
    expect(otherSessionsEnded).to.be.a('number');
    expect(text($(el, '[part="status"]'))).to.match(/^Your password is changed\./);
    expect($<HTMLInputElement>(el, 'input[name="newPassword"]')!.value, 'the form is emptied').to.equal('');
    el.remove();
    await store.signOut();
    await store.signIn({ email, password: NEW_PASSWORD });
    expect(store.status).to.equal('signed-in');
  });

  it('refuses a wrong current password and two different new ones, in words', async () => {
    await signedIn();
    const el = create({ lang: 'fr' });
    document.body.append(el);
    await shown(el);
    fill(el, PASSWORD, NEW_PASSWORD, 'autre chose encore');
    await waitUntil(() => text($(el, '[part="field-error"]:not(:empty)')));
    expect(text($(el, '[part="field-error"]:not(:empty)'))).to.contain('pas identiques');
    const refused = nextEvent<{ code: string }>(el, 'acct-error');
    fill(el, 'not the password at all', NEW_PASSWORD);
    expect((await refused).detail.code).to.equal('wrong_password');
    await waitUntil(() => text($(el, '[part="form-error"]')));
    el.remove();
  });
});
