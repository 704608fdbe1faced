/**
 * `<acct-account>` in Chromium: the built-in tabs with their elements (server and language passed
 * down), a site's own tab from the `tab` slot, `hide-tabs`, the `tab` attribute and the
 * `#account/<tab>` address both ways, and the keyboard (arrow keys, Home, End) as WAI-ARIA tabs
 * have it; at 375 px, the row of tabs scrolled (and only it) to the selected tab, left to right and
 * right to left, with a fade at the edge it overflows on; the base suite checks axe, dark mode and 375 px.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { translations } from '../../core/i18n/index.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import { atPhoneWidth, settled } from '../../testing/layout.js';
import { $, element, nextEvent, signInNewAccount, signOutEverywhere, text } from '../../testing/helpers.js';
import { AcctAccount } from './define.js';

beforeEach(async () => {
  await signOutEverywhere();
  history.replaceState(null, '', location.pathname + location.search);
});

const tabs = (el: AcctAccount) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
const selectedTab = (el: AcctAccount) => $(el, '[role="tab"][aria-selected="true"]');
const create = (attributes: Record<string, string>): AcctAccount => element('acct-account', attributes);

runBaseSuite<AcctAccount>({
  tag: 'acct-account',
  elementClass: AcctAccount,
  states: [
    {
      name: 'signed in, profile',
      create: () => create({ server: testServers.instant, 'no-hash': '' }),
      ready: async (el) => {
        await signInNewAccount(testServers.instant);
        await waitUntil(
          () => el.shadowRoot!.querySelector('acct-profile')?.shadowRoot?.querySelector('form'),
          'no profile',
          {
            timeout: 4000,
          },
        );
      },
    },
    {
      name: 'dark, security, signed out',
      create: () => create({ server: testServers.instant, theme: 'dark', tab: 'security', 'no-hash': '' }),
      ready: (el) => waitUntil(() => el.shadowRoot!.querySelector('acct-sessions')),
    },
  ],
  events: [
    {
      name: 'picking a tab',
      event: 'acct-account-tab-changed',
      create: () => create({ server: testServers.instant, 'no-hash': '' }),
      ready: (el) => waitUntil(() => tabs(el).length === 4),
      trigger: async (el) => tabs(el)[1]!.click(),
    },
  ],
});

describe('<acct-account>', () => {
  it('shows the built-in tabs, each with its elements, passing server and language down', async () => {
    const el = await fixture<AcctAccount>(html`<acct-account server=${testServers.instant} lang="fr"></acct-account>`);
    expect(tabs(el).map((tab) => text(tab))).to.deep.equal([
      'Profil',
      'Sécurité',
      'Notifications',
      'Données et confidentialité',
    ]);
    expect($(el, '[role="tablist"]')!.getAttribute('aria-label')).to.equal('Compte');
    const profile = el.shadowRoot!.querySelector('acct-profile')!;
    expect([profile.getAttribute('server'), profile.getAttribute('lang')]).to.deep.equal([testServers.instant, 'fr']);
    tabs(el)[1]!.click();
    await el.updateComplete;
    const panel = $(el, '[role="tabpanel"]')!;
    expect([...panel.children].map((child) => child.localName)).to.deep.equal([
      'acct-password',
      'acct-passkeys',
      'acct-mfa',
      'acct-connected-accounts',
      'acct-sessions',
      'acct-login-history',
    ]);
    expect(panel.getAttribute('aria-labelledby')).to.equal(selectedTab(el)!.id);
    tabs(el)[2]!.click();
    await el.updateComplete;
    expect($(el, '[role="tabpanel"]')!.firstElementChild!.localName).to.equal('acct-notification-settings');
    tabs(el)[3]!.click();
    await el.updateComplete;
    expect([...$(el, '[role="tabpanel"]')!.children].map((c) => c.localName)).to.deep.equal([
      'acct-data-export',
      'acct-delete-account',
    ]);
  });

  it('adds the site’s own tab from the slot, hides built-in ones, and shows only the selected panel', async () => {
    const el =
      await fixture<AcctAccount>(html`<acct-account server=${testServers.instant} hide-tabs="notifications privacy">
      <div slot="tab" data-tab="billing" data-label="Billing"><p>Your plan</p></div>
    </acct-account>`);
    expect(tabs(el).map((tab) => text(tab))).to.deep.equal(['Profile', 'Security', 'Billing']);
    const billing = el.querySelector<HTMLElement>('[data-tab="billing"]')!;
    expect(billing.hidden).to.equal(true);
    tabs(el)[2]!.click();
    await el.updateComplete;
    expect(billing.hidden).to.equal(false);
    expect(billing.getAttribute('role')).to.equal('tabpanel');
    expect(selectedTab(el)!.getAttribute('aria-controls')).to.equal(billing.id);
    expect($(el, '[part="panel"]'), 'no built-in panel beside it').to.equal(null);
    expect(el.getAttribute('tab')).to.equal('billing');
    expect(location.hash).to.equal('#account/billing');
  });

  it('follows the address: #account/<tab> at start and on hashchange', async () => {
    history.replaceState(null, '', '#account/security');
    const el = await fixture<AcctAccount>(html`<acct-account server=${testServers.instant}></acct-account>`);
    expect(text(selectedTab(el))).to.equal('Security');
    location.hash = '#account/privacy';
    await waitUntil(() => el.tab === 'privacy');
    await el.updateComplete;
    expect(text(selectedTab(el))).to.equal('Data & privacy');
  });

  it('moves between tabs with the arrow keys, Home and End, one tab stop in all', async () => {
    const el = await fixture<AcctAccount>(html`<acct-account server=${testServers.instant} no-hash></acct-account>`);
    expect(tabs(el).map((tab) => tab.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    /** A key pressed on the focused tab. */
    const press = async (key: string) => {
      const focused = el.shadowRoot!.activeElement ?? tabs(el)[0]!;
      focused.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve));
    };
    tabs(el)[0]!.focus();
    const changed = nextEvent<{ tab: string }>(el, 'acct-account-tab-changed');
    await press('ArrowRight');
    expect((await changed).detail.tab).to.equal('security');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[1]);
    await press('End');
    expect(el.tab).to.equal('privacy');
    await press('ArrowRight');
    expect(el.tab, 'wraps around').to.equal('profile');
    await press('ArrowLeft');
    expect(el.tab).to.equal('privacy');
    await press('Home');
    expect(el.tab).to.equal('profile');
    expect(location.hash, 'no-hash leaves the address alone').to.equal('');
  });
});

describe('<acct-account> at 375 px', () => {
  const row = (el: AcctAccount) => $(el, '[role="tablist"]')!;
  /** The selected tab lies wholly inside the row, where the user sees it. */
  const inView = (el: AcctAccount) => {
    const shown = row(el).getBoundingClientRect();
    const tab = selectedTab(el)!.getBoundingClientRect();
    return tab.left >= shown.left - 1 && tab.right <= shown.right + 1;
  };
  const fade = (el: AcctAccount, edge: 'start' | 'end') =>
    getComputedStyle(row(el)).getPropertyValue(`--_fade-${edge}`);

  for (const lang of ['en', 'ar']) {
    it(`scrolls the row of tabs to the selected one on a deep link, a hashchange and a new tab, never the page (${lang})`, async () => {
      await translations.load(lang, AcctAccount.stringAreas);
      await atPhoneWidth(async () => {
        history.replaceState(null, '', '#account/privacy');
        const pageScroll = window.scrollY;
        // Below the fold: scrolling the tab into view must not scroll the page to it.
        const el = await fixture<AcctAccount>(
          html`<div style="margin-block-start: 1500px"><acct-account server=${testServers.instant} lang=${lang}></acct-account></div>`,
        ).then((div) => div.firstElementChild as AcctAccount);
        await settled();
        expect(row(el).scrollWidth, 'the tabs overflow the row').to.be.above(row(el).clientWidth);
        expect(inView(el), 'deep link').to.equal(true);
        expect(
          [fade(el, 'start'), fade(el, 'end')],
          'a fade where the row overflows: before the selected last tab',
        ).to.deep.equal(['2rem', '0px']);
        expect(getComputedStyle(row(el)).maskImage, 'the fade runs from the start edge').to.contain(
          lang === 'ar' ? 'to left' : 'to right',
        );

        location.hash = '#account/profile';
        await waitUntil(() => el.tab === 'profile');
        await el.updateComplete;
        await settled();
        expect(inView(el), 'hashchange').to.equal(true);
        expect([fade(el, 'start'), fade(el, 'end')], 'after the selected first tab').to.deep.equal(['0px', '2rem']);

        el.tab = 'notifications';
        await el.updateComplete;
        expect(inView(el), 'tab property').to.equal(true);
        expect(window.scrollY, 'the page did not scroll').to.equal(pageScroll);
      });
    });
  }
});
