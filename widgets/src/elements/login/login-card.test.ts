/**
 * What a new site owner and end user meet first on `<acct-login>` (issue 8), against the real
 * servers: the primary button follows what the user typed, focus stays on the error after a
 * failed press of a button, a 429 disables its button with a live countdown until the wait is over,
 * a placeholder the form's size while it loads, a page whose origin the server does not allow
 * says so (the exact fix in development), a session revoked from another device is explained,
 * and the mail a request sends is asked for in the element's language.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import type { SignedIn } from '../../../../contract/auth.js';
import { sessionWatch } from '../../core/session-watch.js';
import {
  createAccount,
  mailTo,
  PASSWORD,
  post,
  settledStore,
  signInElsewhere,
  signOutEverywhere,
  uniqueEmail,
} from '../../testing/helpers.js';
import {
  $,
  create,
  idle,
  input,
  methodButton,
  methodButtons,
  renderLogin,
  settled,
  submit,
  text,
} from '../../testing/login.js';
import { watchPageProblems } from '../../testing/webauthn.js';
import type { AcctLogin } from './define.js';
import './define.js';

beforeEach(signOutEverywhere);

const primary = (el: AcctLogin) =>
  methodButtons(el)
    .filter((b) => b.part.contains('primary-button'))
    .map((b) => b.value);

/** Types into a field as the keyboard does (input events included). */
async function type(el: AcctLogin, name: string, value: string): Promise<void> {
  input(el, name)!.focus();
  await sendKeys({ type: value });
}

describe('<acct-login> primary action', () => {
  it('makes "Sign in" primary once a password is typed, and the first method otherwise', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main}></acct-login>`);
    expect(
      methodButtons(el).map((b) => b.value),
      'the buttons keep their places',
    ).to.deep.equal(['passkey', 'magic-link', 'password']);
    expect(primary(el), 'nothing typed: the first method').to.deep.equal(['passkey']);
    await type(el, 'email', 'ada@example.test');
    expect(primary(el), 'an email only: still the configured first').to.deep.equal(['passkey']);
    await type(el, 'password', 'secret');
    await el.updateComplete;
    expect(primary(el)).to.deep.equal(['password']);
    expect(methodButton(el, 'password').classList.contains('primary')).to.equal(true);
    expect(methodButton(el, 'passkey').classList.contains('primary')).to.equal(false);
    // Emptied again: back to the first method.
    input(el, 'password')!.select();
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(primary(el)).to.deep.equal(['passkey']);
  });

  it('does the same on the sign-up form, where the emailed link comes first', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main} mode="sign-up"></acct-login>`);
    expect(primary(el)).to.deep.equal(['magic-link']);
    await type(el, 'password', 'a new password');
    await el.updateComplete;
    expect(primary(el)).to.deep.equal(['password']);
    expect(text(methodButton(el, 'password'))).to.equal('Create account');
  });

  it('sends the link with Enter when only an address is typed and the link comes first', async () => {
    const el = await renderLogin(
      html`<acct-login server=${testServers.main} methods="magic-link password"></acct-login>`,
    );
    await type(el, 'email', uniqueEmail('enter'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, 'h2')) === 'Check your inbox', 'Enter did not send the link');
  });
});

describe('<acct-login> focus after a failure', () => {
  it('keeps focus on the error after a sign-in refused from the button (not on <body>)', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.instant}></acct-login>`);
    await type(el, 'email', 'nobody@example.test');
    await type(el, 'password', 'wrong password');
    methodButton(el, 'password').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="form-error"]'), 'no error was shown');
    const error = $(el, '[part="form-error"]')!;
    await waitUntil(() => el.shadowRoot!.activeElement === error, 'focus is not on the error');
    expect(document.activeElement, 'not on <body>').to.equal(el);
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.equal('The email address or password is not right.');
  });

  it('leaves focus in the field when the failed sign-in came from Enter there', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.instant}></acct-login>`);
    await type(el, 'email', 'nobody@example.test');
    await type(el, 'password', 'wrong password');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="form-error"]'), 'no error was shown');
    await idle(el);
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'password'));
  });
});

describe('<acct-login> waiting out a rate limit', () => {
  it('disables "Send a new link" with a live countdown from Retry-After, and enables it again at zero', async function () {
    this.timeout(20_000);
    // The limited server mails one sign-in link per address every 3 seconds.
    const el = await renderLogin(html`<acct-login server=${testServers.limited} methods="magic-link"></acct-login>`);
    await submit(el, 'magic-link', { email: uniqueEmail('wait') });
    await waitUntil(() => text($(el, 'h2')) === 'Check your inbox', 'the link was not sent');
    const resend = () => $<HTMLButtonElement>(el, '[part~="resend-button"]')!;
    resend().focus();
    resend().click();
    await waitUntil(() => resend().disabled, 'the button was not disabled', { timeout: 4000 });
    const error = $(el, '[part="form-error"]')!;
    expect(text(error)).to.match(/^Too many attempts\. Try again in [1-3] seconds?\.$/);
    expect(text(resend())).to.match(/^Send a new link \(0:0[1-3]\)$/);
    expect(el.shadowRoot!.activeElement, 'focus on the message, not lost with the disabled button').to.equal(error);
    // It counts down: the text changes while the message stays the same node (announced once).
    const first = text(error);
    await waitUntil(() => !error.isConnected || text(error) !== first, 'the countdown froze', { timeout: 3000 });
    // At zero the button comes back by itself, with its own label, and the message goes.
    await waitUntil(() => !resend().disabled, 'the button stayed disabled', { timeout: 5000 });
    expect(text(resend())).to.equal('Send a new link');
    expect($(el, '[part="form-error"]')).to.equal(null);
    // (The limited server's links live 2 s: by now the view may say that the first one expired instead.)
    expect(text($(el, '[part="notice"]'))).to.be.oneOf([
      'You can try again now.',
      'The link has expired. Ask for a new one.',
    ]);
    resend().click();
    await waitUntil(() => text($(el, '[part="notice"]')) === 'We have sent another link.', 'the new link was not sent');
  });

  it('disables "Sign in" for the wait the server asks after too many attempts', async () => {
    const { email } = await createAccount();
    const el = await renderLogin(html`<acct-login server=${testServers.limited}></acct-login>`);
    for (let attempt = 0; attempt < 3; attempt++) {
      await submit(el, 'password', { email, password: `wrong ${attempt}` });
      await idle(el);
    }
    expect(text($(el, '[part="form-error"]'))).to.match(/^Too many attempts\. Try again in \d+ minutes\.$/);
    expect(methodButton(el, 'password').disabled).to.equal(true);
    expect(text(methodButton(el, 'password'))).to.match(/^Sign in \(\d+:\d\d\)$/);
    expect(methodButton(el, 'magic-link').disabled, 'the other ways in stay open').to.equal(false);
  });
});

describe('<acct-login> while loading', () => {
  it('shows a placeholder the size of the form, so nothing jumps when the form comes', async () => {
    const realFetch = window.fetch;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The settings answer late (a slow network): the placeholder shows until they arrive.
    window.fetch = async (...args) => {
      if (String(args[0]).endsWith('/api/config')) await held;
      return realFetch(...args);
    };
    try {
      // A server whose settings this page has not loaded yet.
      const el = create({ server: testServers.noMagicLink, methods: 'passkey password' });
      el.style.width = '26rem';
      document.body.append(el);
      await waitUntil(() => $(el, '.skeleton'), 'no placeholder');
      expect(text($(el, '[part="status"]'))).to.equal('Loading…');
      expect($(el, '[part="status"]')!.getAttribute('role')).to.equal('status');
      const before = el.getBoundingClientRect().height;
      release();
      await settled(el);
      expect($(el, 'form')).to.exist;
      expect(el.getBoundingClientRect().height).to.be.closeTo(before, 1);
      el.remove();
    } finally {
      window.fetch = realFetch;
      release();
    }
  });
});

describe('<acct-login> on a page the server does not allow', () => {
  it('says sign-in is not available here, and tells the developer the fix in the console', async () => {
    const page = watchPageProblems();
    try {
      const el = await renderLogin(html`<acct-login server=${testServers.foreign}></acct-login>`);
      expect(text($(el, '[part="error"]'))).to.equal('Sign-in is not available on this page.');
      expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
      expect($(el, 'form')).to.equal(null);
      const fix = page.problems.filter((p) => p.includes('ACCT_ALLOWED_ORIGINS'));
      expect(fix).to.have.length(1);
      expect(fix[0]).to.contain(`ACCT_ALLOWED_ORIGINS=${location.origin}`);
      expect(fix[0]).to.contain(testServers.foreign);
    } finally {
      page.stop();
    }
  });

  it('names the exact fix on the page in development', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.foreignDev}></acct-login>`);
    expect(text($(el, '[part="error"]'))).to.equal(
      `This page’s origin ${location.origin} is not in ACCT_ALLOWED_ORIGINS on the acct server. Add it there (ACCT_ALLOWED_ORIGINS=${location.origin}) and restart the server.`,
    );
    el.lang = 'fr';
    await el.updateComplete;
    expect(text($(el, '[part="error"]'))).to.contain(
      `L’origine de cette page, ${location.origin}, ne figure pas dans ACCT_ALLOWED_ORIGINS`,
    );
  });
});

describe('<acct-login> signed out on another device', () => {
  const defaults = { ...sessionWatch };
  afterEach(() => {
    Object.assign(sessionWatch, defaults);
  });

  it('notices within the interval while visible, and says why, with focus on the form', async () => {
    Object.assign(sessionWatch, { intervalMs: 200, minGapMs: 0 });
    const { email } = await createAccount({ displayName: 'Grace Hopper' });
    const store = await settledStore(testServers.instant);
    // The interval restarts with each confirmed read: the short one applies from this sign-in on.
    const { session } = (await store.signIn({ email, password: PASSWORD })) as SignedIn;
    const el = await renderLogin(html`<acct-login server=${testServers.instant}></acct-login>`);
    $(el, '[part~="sign-out-button"]')!.focus();

    const elsewhere = await signInElsewhere(email);
    const revoked = await fetch(`${testServers.instant}/api/sessions/${session.id}`, {
      method: 'DELETE',
      credentials: 'omit',
      headers: { Authorization: `Bearer ${elsewhere.session.token}` },
    });
    expect(revoked.status).to.equal(200);

    await waitUntil(() => $(el, 'form'), 'the revoked session still looks signed in', { timeout: 4000 });
    expect(store.signedOutReason).to.equal('revoked');
    const news = $(el, 'form [part="notice"]')!;
    expect(text(news)).to.equal('You were signed out on another device.');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, 'h2'), 'focus was lost');

    // Signing in again: the news goes.
    await submit(el, 'password', { email, password: PASSWORD });
    await waitUntil(() => $(el, '[part~="signed-in"]'), 'did not sign in again');
    expect(store.signedOutReason).to.equal(null);
  });

  it('re-checks when the page gets focus, long before the interval', async () => {
    Object.assign(sessionWatch, { intervalMs: 60_000, minGapMs: 0 });
    const { email } = await createAccount();
    const store = await settledStore(testServers.instant);
    const { session } = (await store.signIn({ email, password: PASSWORD })) as SignedIn;
    const el = await renderLogin(html`<acct-login server=${testServers.instant} lang="fr"></acct-login>`);
    const other = await signInElsewhere(email);
    await post(
      testServers.instant,
      '/api/sessions/revoke-others',
      {},
      { headers: { Authorization: `Bearer ${other.session.token}` } },
    );
    expect(store.status, 'nothing noticed yet').to.equal('signed-in');
    window.dispatchEvent(new FocusEvent('focus'));
    await waitUntil(() => $(el, 'form'), 'focus did not re-check the session', { timeout: 4000 });
    expect(text($(el, 'form [part="notice"]'))).to.equal('Vous avez été déconnecté depuis un autre appareil.');
    expect(session.id).to.be.a('string');
  });
});

describe('<acct-login> mail in the page’s language', () => {
  it("asks for the mail in the element's lang, whatever the page's", async () => {
    const page = document.documentElement;
    const pageLang = page.lang;
    page.lang = 'en';
    try {
      const el = await renderLogin(
        html`<acct-login server=${testServers.main} methods="magic-link" lang="fr"></acct-login>`,
      );
      const email = uniqueEmail('langue');
      await submit(el, 'magic-link', { email });
      await waitUntil(() => text($(el, 'h2')) === 'Consultez votre boîte de réception', 'the link was not sent');
      expect((await mailTo(testServers.main, email)).subject).to.equal('Connexion à Acct Test');
    } finally {
      page.lang = pageLang;
    }
  });

  it("falls back to the page's <html lang>", async () => {
    const page = document.documentElement;
    const pageLang = page.lang;
    page.lang = 'fr-CA';
    try {
      const el = await renderLogin(html`<acct-login server=${testServers.main} methods="magic-link"></acct-login>`);
      const email = uniqueEmail('page');
      await submit(el, 'magic-link', { email });
      await waitUntil(() => $(el, '[part="message"]'), 'the link was not sent');
      expect((await mailTo(testServers.main, email)).subject).to.equal('Connexion à Acct Test');
    } finally {
      page.lang = pageLang;
    }
  });
});
