/**
 * `<acct-password>` against the real servers: a change says how many other devices were signed
 * out and the new password signs in; a wrong current password and two different new ones are
 * refused in words; empty fields and a new password under the server's minimum are refused in
 * the browser, before any request, on their fields; a password the server refuses (its own
 * address) is refused on its field; French; the signed-out slot (and the base suite: axe, dark,
 * 375 px, events).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { runBaseSuite } from '../../testing/base-suite.js';
import {
  $,
  element,
  nextEvent,
  PASSWORD,
  requestsDuring,
  signInNewAccount,
  signOutEverywhere,
  text,
} from '../../testing/helpers.js';
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

/** The error tied to a field (its `aria-describedby`), once the field is marked invalid. */
async function errorOf(el: AcctPassword, name: string): Promise<string | undefined> {
  const input = $<HTMLInputElement>(el, `input[name="${name}"]`)!;
  await waitUntil(() => input.getAttribute('aria-invalid') === 'true', `${name} is not marked invalid`);
  return text($(el, `#${input.getAttribute('aria-describedby')!}`));
}

/** The name of the field that has the focus. */
const focused = (el: AcctPassword) => el.shadowRoot!.activeElement?.getAttribute('name');

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

  it('refuses empty fields in the browser: each says what to do, the first has the focus, nothing is sent', async () => {
    await signedIn();
    const el = create();
    document.body.append(el);
    await shown(el);
    const sent = await requestsDuring(async () => {
      fill(el, '', '');
      await waitUntil(() => focused(el) === 'currentPassword', 'the current password does not have the focus');
    });
    expect(sent, 'no request').to.deep.equal([]);
    expect(await errorOf(el, 'currentPassword')).to.equal('Enter your password.');
    expect(await errorOf(el, 'newPassword')).to.equal('Enter your password.');
    expect(await errorOf(el, 'confirmPassword')).to.equal('Fill in this field.');
    expect(text($(el, '[part="form-error"]'))).to.equal('');
    el.remove();
  });

  it('refuses a new password shorter than the server’s minimum in the browser, and the mismatch still', async () => {
    const { store } = await signedIn();
    const { passwordMinLength: min } = await store.config();
    const el = create();
    document.body.append(el);
    await shown(el);
    const sent = await requestsDuring(async () => {
      fill(el, PASSWORD, 'x'.repeat(min - 1), 'y');
      await waitUntil(() => focused(el) === 'newPassword', 'the new password does not have the focus');
    });
    expect(
      sent.filter((url) => url.includes('/password/change')),
      'no change asked',
    ).to.deep.equal([]);
    expect(await errorOf(el, 'newPassword')).to.equal(`Use at least ${min} characters.`);
    expect(await errorOf(el, 'confirmPassword')).to.equal('The two new passwords are not the same.');
    expect($(el, 'input[name="currentPassword"]')!.getAttribute('aria-invalid')).to.equal('false');
    el.remove();
  });

  it('shows what the server refuses in a new password on its field, and focuses it', async () => {
    const { email } = await signedIn();
    const el = create();
    document.body.append(el);
    await shown(el);
    const refused = nextEvent<{ code: string }>(el, 'acct-error');
    fill(el, PASSWORD, email);
    expect((await refused).detail.code).to.equal('invalid_request');
    expect(await errorOf(el, 'newPassword')).to.match(/too common/);
    await waitUntil(() => focused(el) === 'newPassword', 'the new password does not have the focus');
    el.remove();
  });
});
