/**
 * What `<acct-login>` does with a real server: signing up (at once, or with a confirmation link in
 * the dev outbox), signing in and its errors (translated, per field, the wait after too many
 * attempts), the forgotten-password form, busy states without double submits, `redirect`, and the
 * light-DOM mode password managers need. Passkeys and emailed links have their own files.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import type { AcctErrorDetail, AcctSignedInDetail, AcctSignedUpDetail } from '../../core/events.js';
import { createAccount, mailTo, PASSWORD, signOutEverywhere, uniqueEmail } from '../../testing/helpers.js';
import type { AcctLogin } from './define.js';
import './define.js';
import {
  $,
  idle,
  input,
  methodButton,
  methodButtons,
  nextEvent,
  renderLogin,
  submit,
  text,
} from '../../testing/login.js';

beforeEach(signOutEverywhere);

/** How many requests this page has sent to `url` so far (Resource Timing sees cross-origin fetches too). */
const requestsTo = (url: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name === url).length;

describe('<acct-login> signing up', () => {
  it('signs in at once when the server needs no confirmation, firing acct-signed-up then acct-signed-in', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.instant} mode="sign-up"></acct-login>`);
    const email = uniqueEmail('instant');
    const signedUp = nextEvent<AcctSignedUpDetail>(el, 'acct-signed-up');
    const signedIn = nextEvent<AcctSignedInDetail>(el, 'acct-signed-in');
    await submit(el, 'password', { displayName: 'Grace Hopper', email, password: PASSWORD });

    const up = await signedUp;
    expect(up.detail.verificationRequired).to.equal(false);
    expect(up.detail.user?.email).to.equal(email);
    const inEvent = await signedIn;
    expect(inEvent.detail.method).to.equal('password');
    expect(inEvent.detail.user.displayName).to.equal('Grace Hopper');
    expect(inEvent.cancelable, 'the host may veto the redirect').to.equal(true);

    await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not show');
    expect(text($(el, 'h2'))).to.equal('You are signed in as Grace Hopper.');
  });

  it('asks to confirm the address when the server requires it, mails the link, and sends it again', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main} mode="sign-up"></acct-login>`);
    const email = uniqueEmail('verify');
    const signedUp = nextEvent<AcctSignedUpDetail>(el, 'acct-signed-up');
    await submit(el, 'password', { displayName: 'Ada', email, password: PASSWORD });

    expect((await signedUp).detail).to.deep.equal({ user: null, verificationRequired: true });
    await waitUntil(() => text($(el, 'h2')) === 'Confirm your email address', 'the confirmation notice did not show');
    expect(text($(el, '[part="message"] p'))).to.equal(
      `We have sent a link to ${email}. Open it to confirm your address and sign in.`,
    );
    expect(el.shadowRoot!.activeElement, 'focus moves to the new heading').to.equal($(el, 'h2'));
    const mail = await mailTo(testServers.main, email);
    expect(mail.text).to.contain('/auth/verify-email?token=');

    $(el, '[part~="resend-button"]')!.click();
    await waitUntil(
      () => text($(el, '[part="notice"]')) === 'We have sent another link.',
      'the resend was not confirmed',
    );
    expect($(el, '[part="notice"]')!.closest('[role="status"]'), 'announced politely').to.exist;

    $(el, '[part="switch-button"]')!.click();
    await waitUntil(() => input(el, 'email'), 'the form did not come back');
    expect(input(el, 'email')!.value, 'the address is kept').to.equal(email);
  });

  it("shows the server's per-field problems next to their fields", async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.instant} mode="sign-up"></acct-login>`);
    // Both pass the browser's checks: `ada@localhost` is a valid type=email value, and the
    // password is long enough; the server refuses both.
    await submit(el, 'password', { displayName: 'Ada', email: 'ada@localhost', password: 'password123' });
    await waitUntil(
      () => input(el, 'email')!.getAttribute('aria-invalid') === 'true',
      'the email was not marked invalid',
    );
    expect(text($(el, '#email-error'))).to.equal('Enter a valid email address, like name@example.com.');
    expect(el.shadowRoot!.activeElement, 'focus on the first field in error').to.equal(input(el, 'email'));

    await submit(el, 'password', { email: uniqueEmail(), password: 'password123' });
    await waitUntil(() => text($(el, '#password-error')), 'the password was not refused');
    expect(text($(el, '#password-error'))).to.equal('This password is too common. Choose one that is harder to guess.');
    expect(input(el, 'password')!.getAttribute('aria-describedby')).to.equal('password-hint password-error');
  });

  it('says an address is taken when the server can say so', async () => {
    const { email } = await createAccount();
    const el = await renderLogin(html`<acct-login server=${testServers.instant} mode="sign-up"></acct-login>`);
    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    await submit(el, 'password', { displayName: 'Ada', email, password: PASSWORD });
    expect((await failed).detail).to.deep.include({ code: 'email_taken', status: 409 });
    await el.updateComplete;
    expect(text($(el, '[part="form-error"]'))).to.equal('An account already uses this email address. Sign in instead.');
  });
});

describe('<acct-login> signing in', () => {
  it('explains a wrong password inline, in the page language, and fires acct-error', async () => {
    const { email } = await createAccount();
    const el = await renderLogin(html`<acct-login server=${testServers.instant} lang="fr"></acct-login>`);
    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    await submit(el, 'password', { email, password: 'not the password' });
    expect((await failed).detail).to.deep.equal({
      code: 'invalid_credentials',
      status: 401,
      message: 'L’adresse e-mail ou le mot de passe est incorrect.',
    });
    await el.updateComplete;
    const alert = $(el, '[part="form-error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.equal('L’adresse e-mail ou le mot de passe est incorrect.');
    expect(input(el, 'password')!.value, 'nothing typed is lost').to.equal('not the password');
  });

  it('signs in, fires acct-signed-in, and does not follow `redirect` when the host cancels the event', async () => {
    const { email } = await createAccount({ displayName: 'Katherine Johnson' });
    const el = await renderLogin(
      html`<acct-login server=${testServers.instant} redirect="/somewhere-else"></acct-login>`,
    );
    const page = location.href;
    el.addEventListener('acct-signed-in', (event) => event.preventDefault(), { once: true });
    const signedIn = nextEvent<AcctSignedInDetail>(el, 'acct-signed-in');
    await submit(el, 'password', { email, password: PASSWORD });
    expect((await signedIn).detail.user.email).to.equal(email);
    await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not show');
    expect(location.href, 'no navigation').to.equal(page);
    expect($<HTMLAnchorElement>(el, 'a[part~="primary-button"]')!.href).to.equal(
      new URL('/somewhere-else', location.href).href,
    );

    const signedOut = nextEvent(el, 'acct-signed-out');
    $(el, '[part~="sign-out-button"]')!.click();
    await signedOut;
    await waitUntil(() => $(el, 'form'), 'the form did not come back after signing out');
  });

  it('is busy while the request is in flight: the working button spins and keeps focus, the others are disabled, no second request', async () => {
    const { email } = await createAccount();
    const el = await renderLogin(html`<acct-login server=${testServers.instant}></acct-login>`);
    const url = `${testServers.instant}/api/auth/sign-in`;
    const before = requestsTo(url);
    methodButton(el, 'password').focus();
    await submit(el, 'password', { email, password: 'a wrong password' });

    expect($(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    const working = methodButton(el, 'password');
    expect(working.getAttribute('aria-busy')).to.equal('true');
    expect(working.getAttribute('aria-disabled')).to.equal('true');
    expect(working.disabled, 'not disabled, so it keeps focus').to.equal(false);
    expect(working.querySelector('.spinner')).to.exist;
    expect(el.shadowRoot!.activeElement).to.equal(working);
    expect(
      methodButtons(el)
        .filter((b) => b !== working)
        .every((b) => b.disabled),
      'the other buttons are disabled',
    ).to.equal(true);
    // A second press (the button again, Enter in the password field) while busy sends nothing.
    working.click();
    input(el, 'password')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    $<HTMLFormElement>(el, 'form')!.requestSubmit();

    await idle(el);
    expect(methodButtons(el).some((b) => b.disabled)).to.equal(false);
    expect(methodButtons(el).some((b) => b.hasAttribute('aria-busy') || b.querySelector('.spinner'))).to.equal(false);
    expect($(el, 'form')!.getAttribute('aria-busy')).to.equal('false');
    expect(requestsTo(url) - before, 'one request').to.equal(1);
  });

  it('shows the confirmation notice when the address is not confirmed yet (the server re-sends the link)', async () => {
    const email = uniqueEmail('unconfirmed');
    const signUp = await fetch(`${testServers.main}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(signUp.status).to.equal(202);
    // The server answers first and records the pending sign-up just after (so that known and
    // unknown addresses answer alike): its confirmation mail says it is recorded.
    await mailTo(testServers.main, email);
    const el = await renderLogin(html`<acct-login server=${testServers.main}></acct-login>`);
    await submit(el, 'password', { email, password: PASSWORD });
    await waitUntil(() => text($(el, 'h2')) === 'Confirm your email address', 'the confirmation notice did not show');
    expect(text($(el, '[part="message"] p'))).to.equal(
      `${email} is not confirmed yet. We have sent you a new link: open it to confirm your address and sign in.`,
    );
  });

  it('says how long to wait after too many attempts', async () => {
    const { email } = await createAccount();
    const el = await renderLogin(html`<acct-login server=${testServers.limited}></acct-login>`);
    // The limited server allows two attempts per account per hour: the third is refused.
    for (let attempt = 0; attempt < 3; attempt++) {
      await submit(el, 'password', { email, password: `wrong ${attempt}` });
      await idle(el);
    }
    expect(text($(el, '[part="form-error"]'))).to.match(/^Too many attempts\. Try again in \d+ minutes\.$/);
  });

  it('signs in with Enter in the password field even when another method comes first', async () => {
    const { email } = await createAccount();
    const el = await renderLogin(html`<acct-login server=${testServers.instant}></acct-login>`);
    expect(methodButtons(el)[0]!.value, 'passkey is the primary button').to.equal('passkey');
    input(el, 'email')!.value = email;
    input(el, 'password')!.value = PASSWORD;
    const signedIn = nextEvent(el, 'acct-signed-in');
    input(el, 'password')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }),
    );
    await signedIn;
  });
});

describe('<acct-login> forgotten password', () => {
  it('sends a reset link and confirms it, the same for any address', async () => {
    const { email } = await createAccount();
    const el = await renderLogin(html`<acct-login server=${testServers.main}></acct-login>`);
    input(el, 'email')!.value = email;
    $(el, '[part="forgot-button"]')!.click();
    await waitUntil(() => text($(el, 'h2')) === 'Reset your password', 'the forgotten-password form did not show');
    expect(input(el, 'email')!.value, 'the address typed is carried over').to.equal(email);
    expect(input(el, 'email')!.getAttribute('autocomplete')).to.equal('username');

    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => text($(el, 'h2')) === 'Check your inbox', 'no confirmation');
    expect(text($(el, '[part="message"] p'))).to.equal(
      `If an account uses ${email}, we have sent it a link to choose a new password.`,
    );
    const mail = await mailTo(testServers.main, email);
    expect(mail.text).to.contain('/auth/reset-password?token=');

    $(el, '[part="switch-button"]')!.click();
    await waitUntil(() => text($(el, 'h2')) === 'Sign in to Acct Test', 'back to signing in');
  });

  it('checks the address before sending', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main}></acct-login>`);
    $(el, '[part="forgot-button"]')!.click();
    await waitUntil(() => text($(el, 'h2')) === 'Reset your password');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text($(el, '#email-error'))).to.equal('Enter your email address.');
  });
});

describe('<acct-login no-shadow>', () => {
  it('renders into the light DOM, where page-wide autofill finds the fields, with its styles applied', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.instant} no-shadow></acct-login>`);
    expect(el.shadowRoot).to.equal(null);
    const username = document.querySelector<HTMLInputElement>('input[autocomplete~="username"]');
    expect(username).to.equal(input(el, 'email'));
    expect(username!.name).to.equal('email');
    const password = document.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
    expect(password.name).to.equal('password');
    expect(password.type).to.equal('password');
    expect(el.querySelector('form')).to.exist;
    // Ids are made unique on the page, and labels still point at their fields.
    expect(username!.id).to.match(/^acct-login-\d+-email$/);
    expect(username!.labels?.[0]?.textContent).to.equal('Email');
    // The element's styles apply in the light DOM too.
    const card = el.querySelector<HTMLElement>('[part="base"]')!;
    expect(getComputedStyle(card).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(methodButton(el, 'passkey')).backgroundColor).to.equal('rgb(29, 78, 216)');

    el.mode = 'sign-up';
    await el.updateComplete;
    expect(document.querySelector('input[autocomplete="new-password"]')).to.equal(input(el, 'password'));
    expect(document.querySelector<HTMLInputElement>('input[autocomplete="name"]')!.name).to.equal('displayName');
  });

  it('signs in from the light DOM', async () => {
    const { email } = await createAccount();
    const el = await renderLogin(html`<acct-login server=${testServers.instant} no-shadow></acct-login>`);
    const signedIn = nextEvent(el, 'acct-signed-in');
    await submit(el, 'password', { email, password: PASSWORD });
    await signedIn;
    await waitUntil(() => el.querySelector('[part~="signed-in"]'), 'the signed-in panel did not show');
  });

  it('keeps the same autocomplete and name attributes in both modes', async () => {
    const attributes = (el: AcctLogin) =>
      [...(el.shadowRoot ?? el).querySelectorAll('input')].map((i) => `${i.name}:${i.getAttribute('autocomplete')}`);
    const shadow = await renderLogin(html`<acct-login server=${testServers.instant} mode="sign-up"></acct-login>`);
    const light = await renderLogin(
      html`<acct-login server=${testServers.instant} mode="sign-up" no-shadow></acct-login>`,
    );
    expect(attributes(shadow)).to.deep.equal(['displayName:name', 'email:username', 'password:new-password']);
    expect(attributes(light)).to.deep.equal(attributes(shadow));
  });
});
