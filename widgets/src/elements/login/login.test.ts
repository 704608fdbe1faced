/**
 * `<acct-login>` in Chromium against real acct servers (see widgets/web-test-runner.config.mjs):
 * the form follows each server's /api/config, the `methods` and `mode` attributes, labels and
 * autocomplete tokens, validation, the error state with its retry, and French. What the form does
 * with the server (signing in and up, the emailed links, busy states, light DOM) is in
 * login-flows.test.ts.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import { runBaseSuite } from '../../testing/base-suite.js';
import { createAccount, PASSWORD, settledStore, signOutEverywhere, uniqueEmail } from '../../testing/helpers.js';
import { AcctLogin } from './define.js';
import { $, create, input, methodButtons, nextEvent, renderLogin, settled, submit, text } from '../../testing/login.js';
import { virtualAuthenticator } from '../../testing/webauthn.js';

// Every test starts signed out: a signed-in page shows the signed-in panel instead of the form.
beforeEach(signOutEverywhere);

/** A signed-in account on `server`'s store, for the states and events that need one. */
async function signInOn(server: string): Promise<void> {
  const { email } = await createAccount();
  await (await settledStore(server)).signIn({ email, password: PASSWORD });
}

/** Signs in with the form's password method, for the offer that follows (`offer-passkey`). */
async function showOffer(el: AcctLogin): Promise<void> {
  await settled(el);
  const { email } = await createAccount();
  await submit(el, 'password', { email, password: PASSWORD });
  await waitUntil(() => $(el, '[part~="passkey-offer"]'), 'the passkey offer did not show');
}

runBaseSuite<AcctLogin>({
  tag: 'acct-login',
  elementClass: AcctLogin,
  states: [
    { name: 'sign-in form', create: () => create({ server: testServers.main }), ready: settled },
    { name: 'sign-up form', create: () => create({ server: testServers.main, mode: 'sign-up' }), ready: settled },
    { name: 'load error', create: () => create({ server: testServers.unreachable }), ready: settled },
    { name: 'dark theme', create: () => create({ server: testServers.main, theme: 'dark' }), ready: settled },
    {
      name: 'errors shown',
      create: () => create({ server: testServers.instant }),
      ready: async (el) => {
        await settled(el);
        await submit(el, 'password', { email: 'nobody@example.test', password: 'wrong password' });
        await waitUntil(() => $(el, '[part="form-error"]'), 'no error was shown');
        await submit(el, 'password', { email: 'not-an-email', password: '' });
      },
    },
    {
      name: 'forgotten password',
      create: () => create({ server: testServers.main }),
      ready: async (el) => {
        await settled(el);
        $(el, '[part="forgot-button"]')!.click();
        await waitUntil(() => text($(el, 'h2')) === 'Reset your password');
      },
    },
    {
      name: 'signed in',
      create: () => create({ server: testServers.instant }),
      ready: async (el) => {
        await signInOn(testServers.instant);
        await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not show');
      },
    },
    {
      name: 'light DOM',
      create: () => create({ server: testServers.main, 'no-shadow': '' }),
      ready: settled,
    },
    {
      name: 'emailed link sent',
      create: () => create({ server: testServers.main, methods: 'magic-link' }),
      ready: async (el) => {
        await settled(el);
        await submit(el, 'magic-link', { email: uniqueEmail('suite') });
        await waitUntil(() => text($(el, 'h2')) === 'Check your inbox', 'the link was not sent');
      },
    },
    {
      name: 'passkey offer',
      create: () => create({ server: testServers.instant, 'offer-passkey': '' }),
      ready: showOffer,
    },
  ],
  events: [
    {
      name: 'a retry that fails',
      event: 'acct-error',
      create: () => create({ server: testServers.unreachable }),
      ready: settled,
      trigger: async (el) => $(el, '[part~="retry-button"]')!.click(),
    },
    {
      name: 'a wrong password',
      event: 'acct-error',
      create: () => create({ server: testServers.instant }),
      ready: settled,
      trigger: (el) => submit(el, 'password', { email: 'nobody@example.test', password: 'wrong password' }),
    },
    {
      name: 'signing in',
      event: 'acct-signed-in',
      create: () => create({ server: testServers.instant }),
      ready: settled,
      trigger: async (el) => {
        const { email } = await createAccount();
        await submit(el, 'password', { email, password: PASSWORD });
      },
    },
    {
      name: 'signing up',
      event: 'acct-signed-up',
      create: () => create({ server: testServers.main, mode: 'sign-up' }),
      ready: settled,
      trigger: (el) =>
        submit(el, 'password', {
          displayName: 'Ada',
          email: `signup-${crypto.randomUUID()}@example.test`,
          password: PASSWORD,
        }),
    },
    {
      name: 'signing out',
      event: 'acct-signed-out',
      create: () => create({ server: testServers.instant }),
      ready: async (el) => {
        await signInOn(testServers.instant);
        await waitUntil(() => $(el, '[part~="sign-out-button"]'), 'the signed-in panel did not show');
      },
      trigger: async (el) => $(el, '[part~="sign-out-button"]')!.click(),
    },
    {
      name: 'adding a passkey from the offer',
      event: 'acct-passkey-added',
      create: () => create({ server: testServers.instant, 'offer-passkey': '' }),
      ready: async (el) => {
        await virtualAuthenticator.add();
        await showOffer(el);
      },
      trigger: async (el) => {
        const added = nextEvent(el, 'acct-passkey-added');
        $(el, '[part~="add-passkey-button"]')!.click();
        await added;
        // At once: with its new passkey, the authenticator would sign the next tests' forms in.
        await virtualAuthenticator.remove();
      },
    },
  ],
});

describe('<acct-login>', () => {
  it('offers every method the main server enables, in its order', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main}></acct-login>`);
    expect(text($(el, 'h2'))).to.equal('Sign in to Acct Test');
    expect(methodButtons(el).map((b) => b.value)).to.deep.equal(['passkey', 'magic-link', 'password']);
    expect(methodButtons(el).map(text)).to.deep.equal([
      'Continue with a passkey',
      'Email me a sign-in link',
      'Sign in',
    ]);
    expect(methodButtons(el)[0]!.part.contains('primary-button')).to.equal(true);
    expect(input(el, 'email')).to.exist;
    expect(input(el, 'password')).to.exist;
    expect(text($(el, '[part="switch-button"]'))).to.equal('Create an account');
  });

  it('follows a server that only enables passwords and has sign-up off', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.passwordOnly} mode="sign-up"></acct-login>`);
    expect(text($(el, 'h2')), 'sign-up is off, so sign-in shows').to.equal('Sign in to Password Only');
    expect(methodButtons(el).map((b) => b.value)).to.deep.equal(['password']);
    expect(input(el, 'displayName')).to.equal(null);
    expect($(el, '[part="switch"]')).to.equal(null);
    expect(input(el, 'email')!.autocomplete).to.equal('username');
    expect(input(el, 'password')!.minLength).to.equal(12);
    expect(input(el, 'password')!.required, 'the only way in').to.equal(true);
  });

  it('shows the methods named in `methods`, in that order, limited to the enabled ones', async () => {
    const el = await renderLogin(
      html`<acct-login server=${testServers.main} methods="password magic-link oauth"></acct-login>`,
    );
    expect(methodButtons(el).map((b) => b.value)).to.deep.equal(['password', 'magic-link']);
    expect(input(el, 'email')!.autocomplete, 'no passkey, no webauthn autofill').to.equal('username');

    el.methods = 'passkey';
    await el.updateComplete;
    expect(methodButtons(el).map((b) => b.value)).to.deep.equal(['passkey']);
    expect(input(el, 'password')).to.equal(null);
  });

  it('says so when none of the requested methods is enabled', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.passwordOnly} methods="passkey"></acct-login>`);
    expect($(el, 'form')).to.equal(null);
    expect(text($(el, '[role="alert"]'))).to.equal('No sign-in method is available here.');
  });

  it('labels every field', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main} mode="sign-up"></acct-login>`);
    const inputs = [...el.shadowRoot!.querySelectorAll('input')];
    expect(inputs.map((i) => i.name)).to.deep.equal(['displayName', 'email', 'password']);
    for (const field of inputs) {
      expect(field.labels?.length, `${field.name} has a label`).to.equal(1);
      expect(text(field.labels![0]), `${field.name}'s label has text`).to.not.equal('');
    }
    const form = $<HTMLFormElement>(el, 'form')!;
    expect(form.getAttribute('aria-labelledby')).to.equal('title');
  });

  it('sets the autocomplete tokens password managers and passkey autofill look for', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main}></acct-login>`);
    expect(input(el, 'email')!.getAttribute('autocomplete')).to.equal('username webauthn');
    expect(input(el, 'email')!.type).to.equal('email');
    expect(input(el, 'email')!.required).to.equal(true);
    expect(input(el, 'password')!.getAttribute('autocomplete')).to.equal('current-password');
    expect(input(el, 'password')!.type).to.equal('password');
    expect(input(el, 'password')!.minLength).to.equal(8);

    el.mode = 'sign-up';
    await el.updateComplete;
    expect(input(el, 'displayName')!.getAttribute('autocomplete')).to.equal('name');
    expect(input(el, 'email')!.getAttribute('autocomplete')).to.equal('username');
    expect(input(el, 'password')!.getAttribute('autocomplete')).to.equal('new-password');
  });

  it('switches between signing in and signing up when the user clicks the switch', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main}></acct-login>`);
    input(el, 'email')!.value = 'kept@example.com';
    $(el, '[part="switch-button"]')!.click();
    await el.updateComplete;
    expect(el.mode).to.equal('sign-up');
    expect(el.getAttribute('mode')).to.equal('sign-up');
    expect(text($(el, 'h2'))).to.equal('Create your Acct Test account');
    expect(input(el, 'displayName')).to.exist;
    // No passkey on the sign-up form: passkeys are added to accounts that exist (`offer-passkey`).
    expect(methodButtons(el).map(text)).to.deep.equal(['Email me a sign-up link', 'Create account']);
    expect(input(el, 'email')!.value, 'what was typed stays').to.equal('kept@example.com');

    $(el, '[part="switch-button"]')!.click();
    await el.updateComplete;
    expect(el.getAttribute('mode')).to.equal('sign-in');
    expect(input(el, 'displayName')).to.equal(null);
  });

  it('explains a bad email next to the field and moves focus there (keyboard only)', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main} methods="magic-link"></acct-login>`);
    input(el, 'email')!.focus();
    await sendKeys({ type: 'not-an-email' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => input(el, 'email')!.getAttribute('aria-invalid') === 'true',
      'the email was not marked invalid',
    );
    const email = input(el, 'email')!;
    expect(el.shadowRoot!.activeElement).to.equal(email);
    expect(email.getAttribute('aria-describedby')).to.equal('email-error');
    expect(text($(el, '#email-error'))).to.equal('Enter a valid email address, like name@example.com.');

    // Editing clears the message; a valid address then passes, and the link is sent.
    email.select();
    await sendKeys({ type: uniqueEmail('keyboard') });
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, 'h2')) === 'Check your inbox', 'the link was not sent');
  });

  it('checks the password only for the password method, and its length only when signing up', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main}></acct-login>`);
    input(el, 'email')!.value = uniqueEmail('checks');
    const button = (method: string) => methodButtons(el).find((b) => b.value === method)!;

    // An emailed link needs no password: the request goes out (the form is busy with it).
    button('magic-link').click();
    await el.updateComplete;
    expect(input(el, 'password')!.getAttribute('aria-invalid')).to.equal('false');
    await waitUntil(() => text($(el, 'h2')) === 'Check your inbox', 'the link was not sent');
    $(el, '[part="switch-button"]')!.click();
    await waitUntil(() => input(el, 'password'), 'the form did not come back');

    button('password').click();
    await el.updateComplete;
    expect(text($(el, '#password-error'))).to.equal('Enter your password.');

    // An old, shorter password may still sign in: the server decides (here: no such account).
    input(el, 'password')!.value = 'short';
    button('password').click();
    await el.updateComplete;
    expect(text($(el, '#password-error'))).to.equal('');
    await waitUntil(() => text($(el, '[part="form-error"]')), 'the server did not answer');
    expect(text($(el, '[part="form-error"]'))).to.equal('The email address or password is not right.');

    el.mode = 'sign-up';
    await el.updateComplete;
    input(el, 'displayName')!.value = 'Ada';
    input(el, 'password')!.value = 'short';
    button('password').click();
    await el.updateComplete;
    expect(text($(el, '#password-error'))).to.equal('Use at least 8 characters.');
    expect(input(el, 'password')!.getAttribute('aria-describedby')).to.equal('password-hint password-error');
  });

  it('shows an error with a retry when the server cannot be reached, and fires nothing by itself', async () => {
    let fired = 0;
    const count = () => fired++;
    document.addEventListener('acct-error', count);
    try {
      const el = await renderLogin(html`<acct-login server=${testServers.unreachable}></acct-login>`);
      const alert = $(el, '[role="alert"]');
      expect(text(alert)).to.equal(
        'The sign-in form could not be loaded. The server could not be reached. Check your connection and try again.',
      );
      expect(text($(el, '[part~="retry-button"]'))).to.equal('Try again');
      expect(fired, 'a failed automatic load is not a user action').to.equal(0);

      const failed = new Promise<CustomEvent>((resolve) => el.addEventListener('acct-error', resolve, { once: true }));
      $(el, '[part~="retry-button"]')!.click();
      const event = await failed;
      expect(event.detail).to.deep.equal({
        code: 'network_error',
        status: 0,
        message: 'The server could not be reached. Check your connection and try again.',
      });
      expect(el.shadowRoot!.activeElement, 'focus returns to the new retry button').to.equal(
        $(el, '[part~="retry-button"]'),
      );
    } finally {
      document.removeEventListener('acct-error', count);
    }
  });

  it('loads the form when a retry succeeds', async () => {
    const realFetch = window.fetch;
    let offline = true;
    // A network that is down, then back: fetch rejects like a refused connection does.
    window.fetch = (...args) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(...args));
    try {
      // A server whose settings this page has not loaded yet: the store keeps them for the page.
      const el = await renderLogin(html`<acct-login server=${testServers.limited}></acct-login>`);
      expect($(el, 'form') === null, 'no form while offline').to.equal(true);
      offline = false;
      $(el, '[part~="retry-button"]')!.click();
      await waitUntil(() => $(el, 'form'), 'the form did not load after the retry');
      await waitUntil(() => el.shadowRoot!.activeElement === input(el, 'email'), 'focus did not move into the form');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('speaks French with lang="fr", and follows <html lang> when it has none', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main} lang="fr"></acct-login>`);
    expect(text($(el, 'h2'))).to.equal('Se connecter à Acct Test');
    expect(text(input(el, 'email')!.labels![0])).to.equal('Adresse e-mail');
    expect(methodButtons(el).map(text)).to.deep.equal([
      'Continuer avec une clé d’accès',
      'M’envoyer un lien de connexion',
      'Se connecter',
    ]);
    expect($(el, '[part="base"]')!.lang).to.equal('fr');

    methodButtons(el)[2]!.click();
    await el.updateComplete;
    expect(text($(el, '#email-error'))).to.equal('Saisissez votre adresse e-mail.');

    const page = document.documentElement;
    const pageLang = page.lang;
    try {
      el.lang = '';
      page.lang = 'fr-CA';
      await el.updateComplete;
      expect(text($(el, 'h2'))).to.equal('Se connecter à Acct Test');
      page.lang = 'pt';
      await waitUntil(
        () => text($(el, 'h2')) === 'Sign in to Acct Test',
        'an unsupported language did not fall back to English',
      );
      expect($(el, '[part="base"]')!.lang, 'the English text is marked as English').to.equal('en');
    } finally {
      page.lang = pageLang;
    }
  });

  it('loads the configuration again from a new `server`', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main}></acct-login>`);
    el.server = testServers.passwordOnly;
    await waitUntil(() => text($(el, 'h2')) === 'Sign in to Password Only', 'the new server was not used');
  });
});
