/**
 * `<acct-sessions>` against the real servers: the signed-in user's sessions with this device
 * marked, signing another device out after an inline, keyboard-friendly confirmation (its token
 * then stops working), signing out all the others, and following the page's session store
 * (signed out → the slot and the custom state `signed-out`; signed in → the list, without a reload).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import { expectConfirmationByKeyboard } from '../../testing/confirmation.js';
import { retryThatFails, runBaseSuite } from '../../testing/base-suite.js';
import type { AcctSessionRevokedDetail } from '../../core/events.js';
import type { SignedIn } from '../../../../contract/auth.js';
import {
  $,
  createAccount,
  element,
  nextEvent,
  PASSWORD,
  post,
  settledStore,
  signInElsewhere,
  signInNewAccount,
  signOutEverywhere,
  text,
} from '../../testing/helpers.js';
import { AcctSessions } from './define.js';
import { renderSessionRow } from './session-row.js';
import { localize, translations } from '../../core/i18n/index.js';
import { drawnLeftToRight } from '../../testing/rtl.js';
import type { DeviceSession } from '../../../../contract/sessions.js';

beforeEach(signOutEverywhere);

const rows = (el: AcctSessions) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[part~="item"]')];

/**
 * This page signed in on `server` (through its store), plus `others` (at least one) sessions of
 * the same account on other devices: the account's sign-up is the first.
 */
async function signedInWith(server: string, others = 1) {
  const elsewhere: SignedIn[] = [];
  const account = await signInNewAccount(server, {
    displayName: 'Ada Lovelace',
    before: async (email) => {
      for (let i = 1; i < others; i++) elsewhere.push(await signInElsewhere(email));
    },
  });
  return { ...account, otherSessions: [account.signedIn, ...elsewhere] };
}

const create = (attributes: Record<string, string>): AcctSessions => element('acct-sessions', attributes);

const listed = (count: number) => (el: AcctSessions) =>
  waitUntil(() => rows(el).length === count, `acct-sessions did not list ${count} sessions`, { timeout: 4000 });
const showsSignedOut = (el: AcctSessions) =>
  waitUntil(() => $(el, 'slot[name="signed-out"]'), 'the signed-out slot did not show');

runBaseSuite<AcctSessions>({
  tag: 'acct-sessions',
  elementClass: AcctSessions,
  states: [
    { name: 'signed out', create: () => create({ server: testServers.instant }), ready: showsSignedOut },
    {
      name: 'two sessions',
      create: () => create({ server: testServers.instant }),
      ready: async (el) => {
        await signedInWith(testServers.instant);
        await listed(2)(el);
      },
    },
    {
      name: 'confirming, dark',
      create: () => create({ server: testServers.instant, theme: 'dark' }),
      ready: async (el) => {
        await signedInWith(testServers.instant);
        await listed(2)(el);
        $(el, '[part~="revoke-button"]')!.click();
        await waitUntil(() => $(el, '[part~="confirm"]'));
      },
    },
    {
      name: 'server unreachable',
      create: () => create({ server: testServers.unreachable }),
      ready: (el) => waitUntil(() => $(el, '[part~="retry-button"]'), 'no retry button'),
    },
  ],
  events: [
    {
      name: 'signing another device out',
      event: 'acct-session-revoked',
      create: () => create({ server: testServers.instant }),
      ready: async (el) => {
        await signedInWith(testServers.instant);
        await listed(2)(el);
      },
      trigger: async (el) => {
        $(el, '[part~="revoke-button"]')!.click();
        await waitUntil(() => $(el, '[part~="confirm-button"]'));
        $(el, '[part~="confirm-button"]')!.click();
      },
    },
    retryThatFails(() => create({ server: testServers.unreachable })),
  ],
});

describe('<acct-sessions>', () => {
  it('lists the sessions, marking this device, newest activity first', async () => {
    await signedInWith(testServers.instant);
    const el = await fixture<AcctSessions>(html`<acct-sessions server=${testServers.instant}></acct-sessions>`);
    await listed(2)(el);
    const [current, other] = rows(el);
    expect(current!.part.contains('current-item')).to.equal(true);
    expect(text(current!.querySelector('[part="badge"]'))).to.equal('This device');
    expect(other!.querySelector('[part="badge"]'), 'only one device is this one').to.equal(null);
    expect(text(current!)).to.contain('Active now');
    expect(text(current!)).to.contain('Signed in with: Password');
    expect(current!.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(current!.querySelector('[part~="revoke-button"]'), 'this device signs out elsewhere (user button)').to.equal(
      null,
    );
    expect(other!.querySelector('[part~="revoke-button"]')!.getAttribute('aria-label')).to.equal(
      'Sign out Linux computer',
    );
    expect(text(current!.querySelector('[part="device-name"]')), 'named from its type and system').to.equal(
      'Linux computer',
    );
    expect(text($(el, 'h2'))).to.equal('Where you are signed in');
  });

  it('signs another device out after an inline confirmation, with the keyboard', async () => {
    const { otherSessions } = await signedInWith(testServers.bearer);
    const el = await fixture<AcctSessions>(html`<acct-sessions server=${testServers.bearer}></acct-sessions>`);
    await listed(2)(el);
    const revoke = () => rows(el)[1]!.querySelector<HTMLButtonElement>('[part~="revoke-button"]')!;

    // Open, then Escape: nothing happens, and focus goes back to the button.
    await expectConfirmationByKeyboard(el, revoke);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-id')).to.equal(otherSessions[0]!.session.id);
    expect(rows(el)).to.have.length(2);

    // Open again and confirm.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part~="confirm-button"]'));
    expect(text($(el, '[part~="confirm"] p'))).to.match(/^Sign out .+\? It will need to sign in again\.$/);
    const revoked = nextEvent<AcctSessionRevokedDetail>(el, 'acct-session-revoked');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="confirm-button"]'));
    await sendKeys({ press: 'Enter' });
    expect((await revoked).detail).to.deep.equal({ sessionIds: [otherSessions[0]!.session.id] });
    await listed(1)(el);
    await waitUntil(() => text($(el, '[part="notice"]'))?.endsWith('is signed out.'), 'the sign-out was not announced');
    expect(el.shadowRoot!.activeElement, 'focus on the heading, the row is gone').to.equal($(el, 'h2'));

    // That device's token no longer works.
    const me = await fetch(`${testServers.bearer}/api/me`, {
      headers: { Authorization: `Bearer ${otherSessions[0]!.session.token}` },
    });
    expect(me.status).to.equal(401);
  });

  it('signs out every other device', async () => {
    const { otherSessions } = await signedInWith(testServers.instant, 2);
    const el = await fixture<AcctSessions>(html`<acct-sessions server=${testServers.instant}></acct-sessions>`);
    await listed(3)(el);
    $(el, '[part~="revoke-others-button"]')!.click();
    await waitUntil(() => $(el, '[part~="confirm-button"]'), 'no confirmation');
    expect(text($(el, '[part~="confirm"] p'))).to.equal(
      'Sign out every other device? They will need to sign in again.',
    );
    const revoked = nextEvent<AcctSessionRevokedDetail>(el, 'acct-session-revoked');
    $(el, '[part~="confirm-button"]')!.click();
    expect([...(await revoked).detail.sessionIds].sort()).to.deep.equal(otherSessions.map((s) => s.session.id).sort());
    await listed(1)(el);
    await waitUntil(() => text($(el, '[part="notice"]')) === '2 other devices are signed out.', 'not announced');
    expect($(el, '[part~="revoke-others-button"]'), 'nothing left to sign out').to.equal(null);
  });

  it('follows the page: the slot while signed out, the list once someone signs in, without a reload', async () => {
    const el = await fixture<AcctSessions>(html`<acct-sessions server=${testServers.instant}>
      <p slot="signed-out">Please sign in first.</p>
    </acct-sessions>`);
    await showsSignedOut(el);
    const slot = $<HTMLSlotElement>(el, 'slot[name="signed-out"]')!;
    expect(text(slot.assignedElements()[0])).to.equal('Please sign in first.');

    const account = await createAccount();
    await (await settledStore(testServers.instant)).signIn({ email: account.email, password: PASSWORD });
    await listed(2)(el);

    await (await settledStore(testServers.instant)).signOut();
    await showsSignedOut(el);
  });

  it('has the custom state signed-out while nobody is signed in, for the page to style (AccountElement)', async () => {
    const el = await fixture<AcctSessions>(html`<acct-sessions server=${testServers.instant}></acct-sessions>`);
    const signedOut = () => el.matches(':state(signed-out)');
    await showsSignedOut(el);
    expect(signedOut(), 'signed out').to.equal(true);

    const account = await createAccount();
    await (await settledStore(testServers.instant)).signIn({ email: account.email, password: PASSWORD });
    await listed(2)(el);
    expect(signedOut(), 'signed in').to.equal(false);

    await (await settledStore(testServers.instant)).signOut();
    await showsSignedOut(el);
    expect(signedOut(), 'signed out again').to.equal(true);
  });

  it('speaks French', async () => {
    await signedInWith(testServers.instant);
    const el = await fixture<AcctSessions>(
      html`<acct-sessions server=${testServers.instant} lang="fr"></acct-sessions>`,
    );
    await listed(2)(el);
    expect(text($(el, 'h2'))).to.equal('Où vous êtes connecté');
    expect(text($(el, '[part="badge"]'))).to.equal('Cet appareil');
    expect(text(rows(el)[0]!)).to.contain('Actif maintenant');
    // The server stores no name for this browser's device ("Linux computer" would be English): the element makes one.
    expect(text(rows(el)[0]!.querySelector('[part="device-name"]'))).to.equal('Ordinateur Linux');
    expect(text(rows(el)[0]!.querySelector('[part~="details"]'))).to.match(/^Chrome Headless \d+ sur Linux$/);
  });

  it('draws an IP address left to right in Arabic, an IPv6 one too', async () => {
    await translations.load('ar', AcctSessions.stringAreas);
    const now = new Date();
    const session: DeviceSession = {
      id: 'other',
      current: false,
      deviceType: 'desktop',
      deviceName: null,
      browser: 'Chrome 120',
      os: 'Linux',
      ipAddress: '2001:db8::1',
      city: null,
      country: null,
      method: 'password',
      createdAt: now.toISOString(),
      lastActiveAt: now.toISOString(),
    };
    const ignore = () => {};
    const row = renderSessionRow(
      session,
      { t: localize('ar'), confirming: false, busy: false, now },
      { ask: ignore, confirm: ignore, cancel: ignore, confirmKeydown: ignore },
    );
    const list = await fixture(html`<ul dir="rtl" lang="ar">${row}</ul>`);
    expect(drawnLeftToRight(list, '2001:db8::1')).to.equal(true);
  });

  it('shows the default signed-out message, translated', async () => {
    const el = await fixture<AcctSessions>(
      html`<acct-sessions server=${testServers.instant} lang="fr"></acct-sessions>`,
    );
    await showsSignedOut(el);
    expect(text($(el, '[part="signed-out"]'))).to.equal(
      'Connectez-vous pour voir les appareils où vous êtes connecté.',
    );
  });

  it('reloads when another tab signs this page in', async () => {
    const el = await fixture<AcctSessions>(html`<acct-sessions server=${testServers.instant}></acct-sessions>`);
    await showsSignedOut(el);
    const { email } = await createAccount();
    // "Another tab": same cookie jar, then the nudge on the channel the store listens to.
    await post(testServers.instant, '/api/auth/sign-in', { email, password: PASSWORD }, { credentials: 'include' });
    const otherTab = new BroadcastChannel(`acct:${testServers.instant}`);
    otherTab.postMessage({ type: 'acct:session-changed' });
    otherTab.close();
    await listed(2)(el);
  });
});
