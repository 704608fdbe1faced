/**
 * Login CSRF through the hand-over code, the elements' side, against the real servers: a code
 * whose emailed flow this browser started (with its browser key) signs in silently; a code from a
 * flow started without that key — another browser, or an attacker's own link — asks first, on top
 * of the page, in `<acct-hand-over>`: the account's address, the product, whose session it would
 * replace; Cancel (or Escape) changes nothing, Continue signs in. And the dialog itself: modal,
 * labelled, focus on Cancel, translated.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import { browserKey } from '../../core/browser-key.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import { SessionStore } from '../../core/session-store.js';
import {
  $,
  createAccount,
  element,
  linkIn,
  mailTo,
  pageAddress,
  post,
  PASSWORD,
  settledStore,
  signOutEverywhere,
  submitHostedForm,
  text,
  uniqueEmail,
} from '../../testing/helpers.js';
import '../login/define.js';
import { AcctHandOver } from './define.js';

const server = testServers.instant;

/** Stores made here (each as on a page just opened), closed after each test. */
const made: SessionStore[] = [];
const freshStore = () => {
  const store = new SessionStore(server);
  made.push(store);
  return store;
};

beforeEach(signOutEverywhere);
afterEach(() => {
  for (const store of made.splice(0)) store.dispose();
  document.querySelectorAll('acct-hand-over').forEach((el) => el.remove());
  history.replaceState(null, '', pageAddress());
});

/**
 * Asks for a sign-in link for `email` coming back to this page — with `key` as the browser key
 * (this browser's, another's, or none) — opens it and presses Continue on its page, and puts the
 * code it hands back into this page's address, as a page opened from the link.
 */
async function openedFromLink(email: string, key: string | undefined, on = server): Promise<void> {
  const asked = await post(on, '/api/auth/magic-link', {
    email,
    redirectUrl: pageAddress(),
    ...(key ? { browserKey: key } : {}),
  });
  expect(asked.status).to.equal(202);
  const mail = await mailTo(on, email);
  const answer = await submitHostedForm(linkIn(mail.text, '/auth/magic-link', on));
  expect(answer.status).to.equal(303);
  history.replaceState(null, '', new URL(answer.location!).hash);
}

const prompt = () => document.querySelector('acct-hand-over');
const inPrompt = (selector: string) => prompt()?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

runBaseSuite<AcctHandOver>({
  tag: 'acct-hand-over',
  elementClass: AcctHandOver,
  states: [
    {
      name: 'asking, someone signed in',
      create: () =>
        element('acct-hand-over', {
          email: 'ada@example.com',
          'product-name': 'Acct Test',
          current: 'bob@example.com',
        }),
      ready: (el) => el.updateComplete.then(() => undefined),
    },
    {
      name: 'asking, dark',
      create: () => element('acct-hand-over', { email: 'ada@example.com', theme: 'dark' }),
      ready: (el) => el.updateComplete.then(() => undefined),
    },
  ],
  events: [
    {
      name: 'Cancel',
      event: 'acct-hand-over-answered',
      create: () => element('acct-hand-over', { email: 'ada@example.com' }),
      ready: (el) => el.updateComplete.then(() => undefined),
      trigger: async (el) => $(el, '[part~="cancel-button"]')!.click(),
    },
  ],
});

describe('hand-over of an emailed link (login CSRF)', () => {
  it('signs in silently with a code whose flow this browser started', async () => {
    const { email } = await createAccount();
    await openedFromLink(email, browserKey(server));
    const store = freshStore();
    await store.start();
    expect(store.status).to.equal('signed-in');
    expect(store.user?.email).to.equal(email);
    expect(store.returnedFrom).to.deep.include({ flow: 'magic_link', method: 'magic_link', error: null });
    expect(prompt(), 'nothing asked').to.equal(null);
  });

  it("asks before a code from another browser's flow signs in; Cancel keeps the current session", async () => {
    const bob = await createAccount({ displayName: 'Bob' });
    const page = await settledStore(server);
    await page.signIn({ email: bob.email, password: PASSWORD });
    const ada = await createAccount({ displayName: 'Ada' });
    // The attacker's own link (or the user's, asked for on another device): not this browser's key.
    await openedFromLink(ada.email, 'x'.repeat(43));

    const store = freshStore();
    await store.start();
    expect(store.user?.email, 'the page shows who is signed in, behind the question').to.equal(bob.email);
    await waitUntil(() => inPrompt('dialog[open]'), 'nothing was asked');
    const dialog = inPrompt('dialog')!;
    expect(text(inPrompt('h2'))).to.equal(`Sign in to Acct Instant as ${ada.email}?`);
    expect(text(inPrompt('#text'))).to.equal(
      `You opened a sign-in link that was not requested in this browser. Continue only if you asked for it yourself. You are signed in as ${bob.email}; continuing signs you out of that account.`,
    );
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
    expect(prompt()!.shadowRoot!.activeElement, 'focus on the choice that changes nothing').to.equal(
      inPrompt('[part~="cancel-button"]'),
    );
    expect(store.status).to.equal('signed-in');

    inPrompt('[part~="cancel-button"]')!.click();
    await waitUntil(() => !prompt(), 'the dialog stayed');
    expect(store.user?.email, 'nothing changed').to.equal(bob.email);
    await store.refresh();
    expect(store.user?.email, 'on the server either').to.equal(bob.email);
  });

  it('signs in as the link says on Continue, replacing the session', async () => {
    const bob = await createAccount();
    await (await settledStore(server)).signIn({ email: bob.email, password: PASSWORD });
    const ada = await createAccount();
    // A flow started with no browser key at all (an older page, a script).
    await openedFromLink(ada.email, undefined);
    const store = freshStore();
    await store.start();
    await waitUntil(() => inPrompt('dialog[open]'), 'nothing was asked');
    inPrompt('[part~="continue-button"]')!.click();
    await waitUntil(() => store.user?.email === ada.email, 'Continue did not sign in');
    expect(prompt()).to.equal(null);
    expect(store.returnedFrom).to.deep.include({ flow: 'magic_link', method: 'magic_link', error: null });
  });

  it('asks a signed-out page too, and Escape is Cancel', async () => {
    const ada = await createAccount();
    await openedFromLink(ada.email, undefined);
    const store = freshStore();
    await store.start();
    expect(store.status).to.equal('signed-out');
    await waitUntil(() => inPrompt('dialog[open]'), 'nothing was asked');
    expect(text(inPrompt('#text')), 'nobody to replace').to.equal(
      'You opened a sign-in link that was not requested in this browser. Continue only if you asked for it yourself.',
    );
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !prompt(), 'Escape did not cancel');
    expect(store.status).to.equal('signed-out');
  });

  it('asks in the language of the element that started the store', async () => {
    const ada = await createAccount();
    // The main server's page store is the one this file never started: the element starts it, as
    // on a page just opened from the link.
    await openedFromLink(ada.email, undefined, testServers.main);
    const login = await fixture(html`<acct-login server=${testServers.main} lang="fr"></acct-login>`);
    await waitUntil(() => inPrompt('dialog[open]'), 'nothing was asked');
    expect(text(inPrompt('h2'))).to.equal(`Se connecter à Acct Test en tant que ${ada.email} ?`);
    expect(prompt()!.lang).to.equal('fr');
    inPrompt('[part~="cancel-button"]')!.click();
    await waitUntil(() => !prompt());
    expect(login.shadowRoot!.querySelector('form'), 'still signed out, on the form').to.exist;
  });
});

describe('browserKey', () => {
  it('is 32 random bytes per server, kept in localStorage', () => {
    const key = browserKey(testServers.main);
    expect(key).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(localStorage.getItem(`acct:browser-key:${testServers.main}`)).to.equal(key);
    expect(browserKey(testServers.main), 'the same every time').to.equal(key);
    expect(browserKey(testServers.instant)).not.to.equal(key);
  });

  it('is sent with every request that starts an emailed flow', async () => {
    const realFetch = window.fetch;
    const bodies: Record<string, unknown>[] = [];
    window.fetch = (input, init) => {
      if (typeof init?.body === 'string') bodies.push({ url: String(input), ...(JSON.parse(init.body) as object) });
      return realFetch(input, init);
    };
    try {
      const store = freshStore();
      await store.start();
      const email = uniqueEmail('key');
      const address = pageAddress();
      await store.signUp({ email, password: PASSWORD, redirectUrl: address });
      await store.signOut();
      await store.signIn({ email, password: PASSWORD });
      await store.signOut();
      await store.requestMagicLink(email, address);
      await store.requestPasswordReset(email, address);
      await store.resendVerification(email, address);
    } finally {
      window.fetch = realFetch;
    }
    const withKey = bodies
      .filter((b) => b.browserKey === browserKey(server))
      .map((b) => new URL(b.url as string).pathname);
    expect(withKey).to.deep.equal([
      '/api/auth/sign-up',
      '/api/auth/sign-in',
      '/api/auth/magic-link',
      '/api/auth/password/forgot',
      '/api/auth/verification/resend',
    ]);
  });
});
