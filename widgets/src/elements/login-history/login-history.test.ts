/**
 * `<acct-login-history>` against the real servers: the signed-in user's activity newest first,
 * failures set apart in words and icon (not colour alone), paging with "Show older activity"
 * (focus moving to the first older event), French, and the signed-out slot.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { retryThatFails, runBaseSuite } from '../../testing/base-suite.js';
import {
  $,
  createAccount,
  element,
  PASSWORD,
  post,
  settledStore,
  signOutEverywhere,
  text,
} from '../../testing/helpers.js';
import { AcctLoginHistory } from './define.js';
import { renderHistoryRow } from './history-row.js';
import { localize, translations } from '../../core/i18n/index.js';
import { drawnLeftToRight } from '../../testing/rtl.js';
import type { LoginEvent } from '../../../../contract/login-history.js';

beforeEach(signOutEverywhere);

const rows = (el: AcctLoginHistory) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[part~="item"]')];

/**
 * A new account with `failures` wrong-password attempts behind it, then this page signed in on
 * `server`. Its history, newest first: this sign-in, the failures, the sign-up's sign-in.
 */
async function accountWithHistory(server: string, failures = 1) {
  const account = await createAccount();
  for (let i = 0; i < failures; i++) {
    const attempt = await post(testServers.bearer, '/api/auth/sign-in', {
      email: account.email,
      password: `wrong ${i}`,
    });
    expect(attempt.status).to.equal(401);
  }
  await (await settledStore(server)).signIn({ email: account.email, password: PASSWORD });
  return account;
}

const create = (attributes: Record<string, string>): AcctLoginHistory => element('acct-login-history', attributes);

const listed = (atLeast: number) => (el: AcctLoginHistory) =>
  waitUntil(() => rows(el).length >= atLeast, `fewer than ${atLeast} events listed`, { timeout: 4000 });

runBaseSuite<AcctLoginHistory>({
  tag: 'acct-login-history',
  elementClass: AcctLoginHistory,
  states: [
    {
      name: 'signed out',
      create: () => create({ server: testServers.instant }),
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]')),
    },
    {
      name: 'with a failure and more to load',
      create: () => create({ server: testServers.instant, 'page-size': '2' }),
      ready: async (el) => {
        await accountWithHistory(testServers.instant, 2);
        await listed(2)(el);
      },
    },
    {
      name: 'dark',
      create: () => create({ server: testServers.instant, theme: 'dark' }),
      ready: async (el) => {
        await accountWithHistory(testServers.instant);
        await listed(3)(el);
      },
    },
  ],
  events: [retryThatFails(() => create({ server: testServers.unreachable }))],
});

describe('<acct-login-history>', () => {
  it('lists the activity newest first, with failures set apart in words and icon', async () => {
    await accountWithHistory(testServers.instant);
    const el = await fixture<AcctLoginHistory>(
      html`<acct-login-history server=${testServers.instant}></acct-login-history>`,
    );
    await listed(3)(el);
    const [latest, failure, first] = rows(el);

    expect(text(latest!.querySelector('[part="event"]'))).to.equal('Signed in');
    expect(latest!.part.contains('failure')).to.equal(false);
    expect(latest!.querySelector('[part~="badge"]')).to.equal(null);
    expect(text(latest!)).to.contain('Password');
    // The server stores no made-up name for this browser's device: the element composes one.
    expect(text(latest!.querySelector('[part="details"]'))).to.match(
      /^Password · Linux computer · Chrome Headless \d+ on Linux$/,
    );

    expect(text(failure!.querySelector('[part="event"]'))).to.equal('Sign-in failed');
    expect(failure!.part.contains('failure')).to.equal(true);
    expect(text(failure!.querySelector('[part~="failure-badge"]')), 'said in words').to.equal('Failed');
    expect(text(failure!.querySelector('[part~="reason"]'))).to.equal('Reason: wrong password');
    const icon = (row: Element) => row.querySelector('.icon svg')!.innerHTML;
    expect(icon(failure!), 'a different icon, not only a different colour').not.to.equal(icon(latest!));
    expect(getComputedStyle(failure!.querySelector('[part~="failure-badge"]')!).color).not.to.equal(
      getComputedStyle(latest!).color,
    );

    expect(text(first!.querySelector('[part="event"]'))).to.equal('Signed in');
    const time = latest!.querySelector('time')!;
    expect(text(time)).to.equal('now');
    expect(time.getAttribute('title')).to.match(/\d{4}/);
    expect($(el, '[part~="load-more-button"]'), 'everything fits on one page').to.equal(null);
  });

  it('loads older activity a page at a time, moving focus to the first older event', async () => {
    await accountWithHistory(testServers.instant, 3);
    const el = await fixture<AcctLoginHistory>(
      html`<acct-login-history server=${testServers.instant} page-size="2"></acct-login-history>`,
    );
    await listed(2)(el);
    expect(rows(el)).to.have.length(2);
    const ids = new Set(rows(el).map((r) => r.dataset.event));

    $(el, '[part~="load-more-button"]')!.click();
    await listed(4)(el);
    expect(rows(el)).to.have.length(4);
    expect(el.shadowRoot!.activeElement).to.equal(rows(el)[2]);
    for (const row of rows(el).slice(2))
      expect(ids.has(row.dataset.event), 'a new event, not a repeat').to.equal(false);

    $(el, '[part~="load-more-button"]')!.click();
    await listed(5)(el);
    // Five events in all (sign-up, three failures, this sign-in): the last page is short, and final.
    await waitUntil(() => !$(el, '[part~="load-more-button"]'), 'the button stayed after the last page');
    expect(rows(el)).to.have.length(5);
    expect(rows(el).filter((r) => r.part.contains('failure'))).to.have.length(3);
  });

  it('speaks French', async () => {
    await accountWithHistory(testServers.instant);
    const el = await fixture<AcctLoginHistory>(
      html`<acct-login-history server=${testServers.instant} lang="fr"></acct-login-history>`,
    );
    await listed(3)(el);
    expect(text($(el, 'h2'))).to.equal('Activité de connexion récente');
    expect(text(rows(el)[1]!.querySelector('[part="event"]'))).to.equal('Échec de connexion');
    expect(text(rows(el)[1]!.querySelector('[part~="failure-badge"]'))).to.equal('Échec');
    expect(text(rows(el)[1]!.querySelector('[part~="reason"]'))).to.equal('Motif : mot de passe incorrect'); // text() folds the no-break space
    expect(text(rows(el)[0]!.querySelector('time'))).to.equal('maintenant');
    expect(text(rows(el)[0]!.querySelector('[part="details"]')), 'the device named in French').to.match(
      /^Mot de passe · Ordinateur Linux · Chrome Headless \d+ sur Linux$/,
    );
  });

  it('draws an IP address left to right in Arabic, an IPv6 one too', async () => {
    await translations.load('ar', AcctLoginHistory.stringAreas);
    const now = new Date();
    const event: LoginEvent = {
      id: 'e1',
      eventType: 'login_success',
      method: 'password',
      success: true,
      failureReason: null,
      ipAddress: '2001:db8::1',
      device: null,
      location: null,
      createdAt: now.toISOString(),
    };
    const list = await fixture(html`<ul dir="rtl" lang="ar">${renderHistoryRow(event, localize('ar'), now)}</ul>`);
    expect(drawnLeftToRight(list, '2001:db8::1')).to.equal(true);
  });

  it('shows the signed-out slot, and the list once someone signs in', async () => {
    const el = await fixture<AcctLoginHistory>(
      html`<acct-login-history server=${testServers.instant}></acct-login-history>`,
    );
    await waitUntil(() => $(el, 'slot[name="signed-out"]'));
    expect(text($(el, '[part="signed-out"]'))).to.equal('Sign in to see your sign-in activity.');
    await accountWithHistory(testServers.instant, 0);
    await listed(2)(el);
  });
});
