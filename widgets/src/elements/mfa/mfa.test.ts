/**
 * `<acct-mfa>` against the real servers: turning two-step verification on with a code computed
 * from the key it shows (the QR code drawn by the server, the key as text, a wrong code refused by
 * its code under the field), the recovery codes shown once with their count after, new codes
 * after a confirmation, turning it off, the recent sign-in the server asks for, and French.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { expectConfirmationByKeyboard } from '../../testing/confirmation.js';
import { testServers } from 'acct-test-env';
import { runBaseSuite } from '../../testing/base-suite.js';
import type { AcctErrorDetail, AcctMfaChangedDetail } from '../../core/events.js';
import { $, element, nextEvent, signInNewAccount, signOutEverywhere, text } from '../../testing/helpers.js';
import { totpCode } from '../../testing/mfa.js';
import { cancelReauth } from '../../testing/reauth.js';
import { ageSession } from '../../testing/webauthn.js';
import { AcctMfa } from './define.js';

const server = testServers.instant;

beforeEach(() => signOutEverywhere());
afterEach(() => document.querySelectorAll('acct-mfa').forEach((el) => el.remove()));

const create = (attributes: Record<string, string> = {}): AcctMfa => element('acct-mfa', { server, ...attributes });
/** A card in the page. */
const mounted = (attributes: Record<string, string> = {}): AcctMfa => {
  const el = create(attributes);
  document.body.append(el);
  return el;
};
const shows = (el: AcctMfa, selector: string) =>
  waitUntil(() => $(el, selector), `acct-mfa did not show ${selector}`, { timeout: 4000 });
const statusText = (el: AcctMfa) => text($(el, '[part="status"]'));

/** Signed in (without two-step verification), the card showing "off". */
async function off(el: AcctMfa) {
  const account = await signInNewAccount(server);
  await shows(el, '[part~="enable-button"]');
  return account;
}

/** Waits until no request is in flight (the buttons are enabled again). */
const idle = (el: AcctMfa) =>
  waitUntil(() => !el.shadowRoot!.querySelector('button[disabled]'), 'acct-mfa stayed busy', { timeout: 4000 });

/** The enrolment form, with its key. */
async function enrolling(el: AcctMfa): Promise<string> {
  await off(el);
  $(el, '[part~="enable-button"]')!.click();
  await shows(el, '[part~="qr-code"] svg');
  await idle(el);
  return text($(el, '[part~="key"]'))!;
}

/** Turned on through the card itself, back on its status. */
async function turnedOn(el: AcctMfa): Promise<void> {
  await typeCode(el, totpCode(await enrolling(el)));
  await shows(el, '[part~="done-button"]');
  $(el, '[part~="done-button"]')!.click();
  await shows(el, '[part~="disable-button"]');
}

async function typeCode(el: AcctMfa, code: string): Promise<void> {
  const input = $<HTMLInputElement>(el, 'input[name="code"]')!;
  input.value = code;
  $(el, '[part~="confirm-button"]')!.click();
  await el.updateComplete;
  await idle(el);
}

runBaseSuite<AcctMfa>({
  tag: 'acct-mfa',
  elementClass: AcctMfa,
  states: [
    {
      name: 'signed out',
      create,
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]'), 'the signed-out slot did not show'),
    },
    { name: 'off', create, ready: off },
    { name: 'enrolling', create, ready: enrolling },
    {
      name: 'recovery codes, dark',
      create: () => create({ theme: 'dark' }),
      ready: async (el) => {
        await typeCode(el, totpCode(await enrolling(el)));
        await shows(el, '[part~="done-button"]');
      },
    },
    {
      name: 'on, confirming',
      create,
      ready: async (el) => {
        await turnedOn(el);
        $(el, '[part~="disable-button"]')!.click();
        await shows(el, '[part~="confirm"]');
      },
    },
  ],
  events: [
    {
      name: 'turning it on',
      event: 'acct-mfa-changed',
      create,
      ready: async (el) => {
        const secret = await enrolling(el);
        ($(el, 'input[name="code"]') as HTMLInputElement).value = totpCode(secret);
      },
      trigger: async (el) => $(el, '[part~="confirm-button"]')!.click(),
    },
  ],
});

describe('<acct-mfa>', () => {
  it('turns on with a code from the key it shows, and shows the ten recovery codes once', async () => {
    const el = mounted();
    const secret = await enrolling(el);
    expect(secret).to.match(/^[A-Z2-7]{32}$/);
    const input = $<HTMLInputElement>(el, 'input[name="code"]')!;
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect($(el, '[part~="qr-code"]')!.getAttribute('role')).to.equal('img');

    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    await typeCode(el, totpCode(secret, -5));
    expect((await failed).detail.code).to.equal('invalid_mfa_code');
    await waitUntil(() => text($(el, '[part="field-error"]')));
    expect(input.getAttribute('aria-invalid')).to.equal('true');

    const changed = nextEvent<AcctMfaChangedDetail>(el, 'acct-mfa-changed');
    await typeCode(el, totpCode(secret));
    expect((await changed).detail).to.deep.equal({ enabled: true });
    await shows(el, '[part~="done-button"]');
    const codes = [...el.shadowRoot!.querySelectorAll('[part="item"]')].map((li) => text(li));
    expect(codes).to.have.length(10);
    for (const code of codes) expect(code).to.match(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    $(el, '[part~="done-button"]')!.click();
    await shows(el, '[part~="disable-button"]');
    expect(text($(el, '[part="details"]'))).to.contain('10 recovery codes left');
    expect(el.shadowRoot!.querySelector('[part="item"]'), 'shown once').to.equal(null);
  });

  it('makes new recovery codes and turns off, each after a confirmation', async () => {
    const card = mounted();
    await turnedOn(card);
    const press = async (part: string) => {
      await shows(card, `[part~="${part}"]`);
      await idle(card);
      $(card, `[part~="${part}"]`)!.click();
      await card.updateComplete;
    };
    await idle(card);
    await expectConfirmationByKeyboard(card, () => $(card, '[part~="regenerate-button"]')!);
    await expectConfirmationByKeyboard(card, () => $(card, '[part~="disable-button"]')!);
    await press('regenerate-button');
    await press('confirm-button');
    await press('done-button');
    await press('disable-button');
    const changed = nextEvent<AcctMfaChangedDetail>(card, 'acct-mfa-changed');
    await press('confirm-button');
    expect((await changed).detail).to.deep.equal({ enabled: false });
    await shows(card, '[part~="enable-button"]');
    expect(statusText(card)).to.contain('off');
  });

  it('asks to confirm it is you when the sign-in is old, and says so when that is cancelled', async () => {
    const el = mounted();
    const { store } = await off(el);
    await ageSession(store.session!.id);
    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    $(el, '[part~="enable-button"]')!.click();
    await cancelReauth();
    expect((await failed).detail.code).to.equal('reauthentication_required');
    await shows(el, '[part="action-error"]');
  });

  it('speaks French', async () => {
    const el = mounted({ lang: 'fr' });
    await off(el);
    expect(text($(el, '[part="title"]'))).to.equal('Validation en deux étapes');
    expect(statusText(el)).to.contain('désactivée');
  });
});
