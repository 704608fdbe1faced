/**
 * `<acct-login>`'s second step against a real server: an account with two-step verification signs
 * in with its password, then the card asks for the app's code (a one-time-code, numeric field),
 * says a wrong one is wrong by its code, signs in with the right one (`acct-signed-in` with method
 * `mfa`), or with a recovery code after "Use a recovery code"; "Start over" goes back to the form.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import type { AcctErrorDetail, AcctSignedInDetail } from '../../core/events.js';
import { PASSWORD, signInNewAccount, signOutEverywhere } from '../../testing/helpers.js';
import { $, input, nextEvent, renderLogin, submit, text } from '../../testing/login.js';
import { enrolMfa, totpCode } from '../../testing/mfa.js';
import type { AcctLogin } from './define.js';
import './define.js';

const server = testServers.instant;

beforeEach(signOutEverywhere);

/** An account with two-step verification, signed out again; its address, key and recovery codes. */
async function mfaAccount() {
  const { email, store } = await signInNewAccount(server);
  const enrolled = await enrolMfa(store);
  await store.signOut();
  return { email, ...enrolled };
}

/** The card at its second step, after the password. */
async function atSecondStep(email: string): Promise<AcctLogin> {
  const el = await renderLogin(html`<acct-login server=${server}></acct-login>`);
  await submit(el, 'password', { email, password: PASSWORD });
  await waitUntil(() => input(el, 'code'), 'the second step did not show', { timeout: 4000 });
  return el;
}

async function enter(el: AcctLogin, name: 'code' | 'recoveryCode', value: string): Promise<void> {
  input(el, name)!.value = value;
  $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await el.updateComplete;
}

describe('<acct-login> second step', () => {
  it('asks for the app’s code after the password, refuses a wrong one by its code, signs in with the right one', async () => {
    const { email, secret } = await mfaAccount();
    const el = await atSecondStep(email);
    expect(text($(el, 'h2'))).to.equal('Enter your code');
    const code = input(el, 'code')!;
    expect(code.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(code.getAttribute('inputmode')).to.equal('numeric');
    await waitUntil(() => el.shadowRoot!.activeElement === code, 'focus did not move to the code');
    expect(el.shadowRoot!.querySelector('[part~="signed-in"]')).to.equal(null);

    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    await enter(el, 'code', '000000');
    expect((await failed).detail.code).to.equal('invalid_mfa_code');
    await waitUntil(
      () => text($(el, '[part="form-error"]')) === 'That code is not right, or was already used. Try the next one.',
    );

    const signedIn = nextEvent<AcctSignedInDetail>(el, 'acct-signed-in');
    // Enrolment used this step's code: the next one, within the server's drift window.
    await enter(el, 'code', totpCode(secret, 1));
    const event = await signedIn;
    expect(event.detail.method).to.equal('mfa');
    expect(event.detail.user.email).to.equal(email);
    await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not show');
  });

  it('signs in with a recovery code after “Use a recovery code”', async () => {
    const { email, recoveryCodes } = await mfaAccount();
    const el = await atSecondStep(email);
    const toggle = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="switch-button"]')].find(
      (b) => text(b) === 'Use a recovery code',
    )!;
    toggle.click();
    await waitUntil(() => input(el, 'recoveryCode'), 'the recovery code field did not show');
    expect(input(el, 'code')).to.equal(null);
    const signedIn = nextEvent<AcctSignedInDetail>(el, 'acct-signed-in');
    await enter(el, 'recoveryCode', recoveryCodes[0]!.toUpperCase());
    expect((await signedIn).detail.method).to.equal('mfa');
  });

  it('goes back to the form with “Start over”', async () => {
    const { email } = await mfaAccount();
    const el = await atSecondStep(email);
    const startOver = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="switch-button"]')].find(
      (b) => text(b) === 'Start over',
    )!;
    startOver.click();
    await waitUntil(() => input(el, 'password'), 'the form did not come back');
    expect(input(el, 'code')).to.equal(null);
  });

  it('speaks French', async () => {
    const { email } = await mfaAccount();
    const el = await renderLogin(html`<acct-login server=${server} lang="fr"></acct-login>`);
    await submit(el, 'password', { email, password: PASSWORD });
    await waitUntil(() => input(el, 'code'), 'the second step did not show', { timeout: 4000 });
    expect(text($(el, 'h2'))).to.equal('Saisissez votre code');
  });
});
