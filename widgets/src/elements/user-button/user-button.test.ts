/**
 * `<acct-user-button>` against the real servers: "Sign in" (link or event) while signed out; the
 * avatar and its menu while signed in, driven by the keyboard as the menu button pattern says;
 * signing out from it, which every other acct element on the page follows at once; the open menu
 * kept on the screen wherever the button sits (phone or wide screen, either direction); and the
 * note after the session was ended from another device.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import type { User } from '../../../../contract/users.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import { popoverOffScreen } from '../../testing/layout.js';
import type { AcctSignedOutDetail } from '../../core/events.js';
import {
  $,
  element,
  nextEvent,
  post,
  settledStore,
  signInElsewhere,
  signInNewAccount,
  signOutEverywhere,
  text,
} from '../../testing/helpers.js';
import '../sessions/define.js';
import '../login/define.js';
import { AcctUserButton } from './define.js';
import { initials } from '../../core/initials.js';

beforeEach(signOutEverywhere);

const active = (el: AcctUserButton) => el.shadowRoot!.activeElement;
const items = (el: AcctUserButton) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]')];

const signIn = (server = testServers.instant, displayName = 'Ada Lovelace') =>
  signInNewAccount(server, { displayName });

const create = (attributes: Record<string, string>): AcctUserButton => element('acct-user-button', attributes);

const showsTrigger = (el: AcctUserButton) => waitUntil(() => $(el, '.trigger'), 'the avatar button did not show');
const showsSignIn = (el: AcctUserButton) => waitUntil(() => $(el, '[part="sign-in"]'), '"Sign in" did not show');
/** Signs in (through the store) and waits for the avatar button. */
const signedIn = async (el: AcctUserButton) => {
  await signIn();
  await showsTrigger(el);
};
/** Signs in here, then ends every other session from "another device", and lets the store notice (as its watch would). */
async function revokedElsewhere(el: AcctUserButton) {
  const { email } = await signIn();
  await showsTrigger(el);
  const other = await signInElsewhere(email);
  const revoked = await post(
    testServers.instant,
    '/api/sessions/revoke-others',
    {},
    { headers: { Authorization: `Bearer ${other.session.token}` } },
  );
  expect(revoked.status).to.equal(200);
  await (await settledStore(testServers.instant)).refresh();
  await waitUntil(() => $(el, '[part="signed-out-notice"]'), 'no note about the other device');
}

/** Opens the menu and waits for its items. */
const openMenu = async (el: AcctUserButton) => {
  $(el, '.trigger')!.click();
  await waitUntil(() => items(el).length);
};

runBaseSuite<AcctUserButton>({
  tag: 'acct-user-button',
  elementClass: AcctUserButton,
  states: [
    {
      name: 'signed out, link',
      create: () => create({ server: testServers.instant, 'sign-in-url': '/sign-in' }),
      ready: showsSignIn,
    },
    { name: 'signed out, button', create: () => create({ server: testServers.instant }), ready: showsSignIn },
    {
      name: 'menu open, dark',
      create: () => create({ server: testServers.instant, 'account-url': '/account', theme: 'dark' }),
      ready: async (el) => {
        await signIn();
        await showsTrigger(el);
        $(el, '.trigger')!.click();
        await waitUntil(() => items(el).length === 2);
      },
    },
    {
      name: 'signed out on another device',
      create: () => create({ server: testServers.instant }),
      ready: revokedElsewhere,
    },
  ],
  events: [
    {
      name: 'signing out',
      event: 'acct-signed-out',
      create: () => create({ server: testServers.instant }),
      ready: signedIn,
      trigger: async (el) => {
        await openMenu(el);
        items(el).at(-1)!.click();
      },
    },
    {
      name: '"Sign in" without a sign-in-url',
      event: 'acct-sign-in-requested',
      create: () => create({ server: testServers.instant }),
      ready: showsSignIn,
      trigger: async (el) => $(el, '[part="sign-in"]')!.click(),
    },
    {
      name: 'signing out while offline',
      event: 'acct-error',
      create: () => create({ server: testServers.instant }),
      ready: signedIn,
      trigger: async (el) => {
        await openMenu(el);
        const realFetch = window.fetch;
        // The network going down, as a refused connection looks to fetch.
        window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
        try {
          const failed = nextEvent(el, 'acct-error');
          items(el).at(-1)!.click();
          await failed;
        } finally {
          window.fetch = realFetch;
        }
      },
    },
  ],
});

describe('<acct-user-button>', () => {
  it('offers "Sign in" as a link to sign-in-url while signed out', async () => {
    const el = await fixture<AcctUserButton>(
      html`<acct-user-button server=${testServers.instant} sign-in-url="/sign-in"></acct-user-button>`,
    );
    await showsSignIn(el);
    const link = $<HTMLAnchorElement>(el, 'a[part="sign-in"]')!;
    expect(link.href).to.equal(new URL('/sign-in', location.href).href);
    expect(text(link)).to.equal('Sign in');
  });

  it('shows the initials and opens the menu with the name, the address and its items', async () => {
    const { email } = await signIn();
    const el = await fixture<AcctUserButton>(
      html`<acct-user-button server=${testServers.instant} account-url="/account"></acct-user-button>`,
    );
    await showsTrigger(el);
    const trigger = $(el, '.trigger')!;
    expect(text($(el, '[part="avatar"]'))).to.equal('AL');
    expect(trigger.getAttribute('aria-haspopup')).to.equal('menu');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(text(trigger)).to.equal('AL Account: Ada Lovelace');
    expect(text(trigger.querySelector('.visually-hidden'))).to.equal('Account: Ada Lovelace');
    expect($(el, '[part="menu"]')!.hidden).to.equal(true);

    trigger.click();
    await waitUntil(() => trigger.getAttribute('aria-expanded') === 'true');
    expect(text($(el, '[part="name"]'))).to.equal('Ada Lovelace');
    expect(text($(el, '[part="email"]'))).to.equal(email);
    expect(items(el).map(text)).to.deep.equal(['Your account', 'Sign out']);
    expect($<HTMLAnchorElement>(el, '[part~="account-link"]')!.href).to.equal(new URL('/account', location.href).href);
    expect(active(el), 'focus on the first item').to.equal(items(el)[0]);
  });

  it('is driven by the keyboard: arrows, Home/End, Escape back to the button, Tab out', async () => {
    await signIn();
    const el = await fixture<AcctUserButton>(
      html`<acct-user-button server=${testServers.instant} account-url="/account"></acct-user-button>`,
    );
    await showsTrigger(el);
    const trigger = $(el, '.trigger')!;
    trigger.focus();

    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => active(el) === items(el)[0], 'ArrowDown did not open on the first item');
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)).to.equal(items(el)[1]);
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el), 'wraps around').to.equal(items(el)[0]);
    await sendKeys({ press: 'End' });
    expect(active(el)).to.equal(items(el)[1]);
    await sendKeys({ press: 'Home' });
    expect(active(el)).to.equal(items(el)[0]);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => trigger.getAttribute('aria-expanded') === 'false', 'Escape did not close the menu');
    expect(active(el), 'focus back on the button').to.equal(trigger);

    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => active(el) === items(el)[1], 'ArrowUp did not open on the last item');
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => trigger.getAttribute('aria-expanded') === 'false', 'Tab did not close the menu');

    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => trigger.getAttribute('aria-expanded') === 'true', 'Enter did not open the menu');
    await waitUntil(() => active(el) === items(el)[0], 'Enter did not focus the first item');
  });

  it('closes when the user clicks elsewhere', async () => {
    await signIn();
    const el = await fixture<AcctUserButton>(html`<acct-user-button server=${testServers.instant}></acct-user-button>`);
    await showsTrigger(el);
    $(el, '.trigger')!.click();
    await waitUntil(() => !$(el, '[part="menu"]')!.hidden);
    await sendMouse({ type: 'click', position: [5, 400] });
    await waitUntil(() => $(el, '[part="menu"]')!.hidden, 'the menu stayed open');
  });

  it('keeps the open menu on the screen wherever the button is, on a phone or a wide screen, in either direction', async () => {
    // A button at the start of the page (of a header, a sidebar): the menu, hanging from its inline
    // end, went off the screen, its items out of reach (or, right to left, scrolled the page sideways).
    await signIn();
    const problems = await popoverOffScreen(
      (dir) => create({ server: testServers.instant, 'account-url': '/account', ...(dir ? { dir } : {}) }),
      async (el) => {
        await showsTrigger(el as AcctUserButton);
        $(el, '.trigger')!.click();
        await waitUntil(() => !$(el, '[part="menu"]')!.hidden, 'the menu did not open');
        return $(el, '[part="menu"]')!;
      },
    );
    expect(problems).to.deep.equal([]);
  });

  it('signs out, and every acct element on the page follows without a reload', async () => {
    const { email } = await signIn();
    const page = await fixture<HTMLElement>(html`<div>
      <acct-user-button server=${testServers.instant}></acct-user-button>
      <acct-sessions server=${testServers.instant}></acct-sessions>
      <acct-login server=${testServers.instant}></acct-login>
    </div>`);
    const button = page.querySelector('acct-user-button')!;
    const sessions = page.querySelector('acct-sessions')!;
    const login = page.querySelector('acct-login')!;
    await showsTrigger(button);
    await waitUntil(() => sessions.shadowRoot!.querySelector('[part~="current-item"]'), 'the sessions did not list');
    await waitUntil(
      () => login.shadowRoot!.querySelector('[part~="signed-in"]'),
      'acct-login did not show who is signed in',
    );

    $(button, '.trigger')!.click();
    await waitUntil(() => items(button).length);
    const signedOut = nextEvent<AcctSignedOutDetail>(button, 'acct-signed-out');
    items(button).at(-1)!.click();
    expect((await signedOut).detail.user?.email).to.equal(email);

    await waitUntil(
      () => sessions.shadowRoot!.querySelector('slot[name="signed-out"]'),
      'acct-sessions did not follow',
    );
    await waitUntil(() => login.shadowRoot!.querySelector('form'), 'acct-login did not follow');
    await showsSignIn(button);
    expect(active(button), 'focus stays on the element, now "Sign in"').to.equal($(button, '[part="sign-in"]'));
  });

  it('says "You were signed out on another device" with "Sign in", until dismissed', async () => {
    const el = await fixture<AcctUserButton>(html`<acct-user-button server=${testServers.instant}></acct-user-button>`);
    await revokedElsewhere(el);
    await showsSignIn(el);
    const note = $(el, '[part="signed-out-notice"]')!;
    expect(text(note.querySelector('p'))).to.equal('You were signed out on another device.');
    expect(note.closest('[role="status"]'), 'announced politely').to.exist;

    $(el, '[part~="dismiss-button"]')!.click();
    await waitUntil(() => !$(el, '[part="signed-out-notice"]'), 'the note stayed');
    expect(active(el), 'focus on "Sign in"').to.equal($(el, '[part="sign-in"]'));
    expect((await settledStore(testServers.instant)).signedOutReason).to.equal(null);
  });

  it('shows no such note after signing out here', async () => {
    const el = await fixture<AcctUserButton>(html`<acct-user-button server=${testServers.instant}></acct-user-button>`);
    await signedIn(el);
    await openMenu(el);
    items(el).at(-1)!.click();
    await showsSignIn(el);
    expect($(el, '[part="signed-out-notice"]')).to.equal(null);
  });

  it('speaks French', async () => {
    await signIn();
    const el = await fixture<AcctUserButton>(
      html`<acct-user-button server=${testServers.instant} lang="fr" account-url="/compte"></acct-user-button>`,
    );
    await showsTrigger(el);
    expect(text($(el, '.trigger .visually-hidden'))).to.equal('Compte : Ada Lovelace'); // text() folds the no-break space
    expect(items(el).map(text)).to.deep.equal(['Votre compte', 'Se déconnecter']);
  });
});

describe('initials', () => {
  const user = (displayName: string | null, email = 'zoe@example.com'): User =>
    ({
      id: '1',
      email,
      emailVerified: true,
      displayName,
      avatarUrl: null,
      bio: null,
      role: 'user',
      locale: null,
    }) satisfies User;

  it('takes the first and last names, else the address', () => {
    expect(initials(user('Ada Lovelace'))).to.equal('AL');
    expect(initials(user('Grace Brewster Murray Hopper'))).to.equal('GH');
    expect(initials(user('cher'))).to.equal('C');
    expect(initials(user('  '))).to.equal('Z');
    expect(initials(user(null))).to.equal('Z');
    expect(initials(user('Émile Zola'))).to.equal('ÉZ');
  });
});
