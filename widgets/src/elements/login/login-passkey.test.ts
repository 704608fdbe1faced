/**
 * `<acct-login>` and passkeys, with Chromium's virtual authenticator on the test page and the
 * real servers verifying every signature: "Continue with a passkey" (the dialog), passkey autofill
 * (conditional UI) and how the button's ceremony cancels it without a stray rejection, the
 * element leaving the page mid-request, a closed dialog (a quiet notice, no acct-error), a passkey
 * the server no longer knows (and the browser told to forget), and the `offer-passkey` prompt
 * after a password sign-in.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import type { Passkey } from '../../../../contract/passkeys.js';
import type { AcctErrorDetail, AcctPasskeyAddedDetail, AcctSignedInDetail } from '../../core/events.js';
import { createAccount, PASSWORD, settledStore, signOutEverywhere } from '../../testing/helpers.js';
import { $, methodButton, nextEvent, renderLogin, submit, text } from '../../testing/login.js';
import {
  accountWithPasskey,
  virtualAuthenticator,
  watchCredentialRequests,
  watchPageProblems,
  type CredentialRequest,
} from '../../testing/webauthn.js';
import type { AcctLogin } from './define.js';
import './define.js';

const server = testServers.instant;
let watch: ReturnType<typeof watchCredentialRequests>;
let page: ReturnType<typeof watchPageProblems>;

beforeEach(async () => {
  await signOutEverywhere();
  // A fresh authenticator per test: the passkeys of one test must not sign in another's form.
  await virtualAuthenticator.add();
  watch = watchCredentialRequests();
  page = watchPageProblems();
});
afterEach(() => {
  watch.restore();
  page.stop();
});
after(() => virtualAuthenticator.remove());

const conditional = () => watch.requests.filter((r) => r.mediation === 'conditional');
const dialogs = () => watch.requests.filter((r) => r.kind === 'get' && r.mediation === undefined);
const pending = (request: CredentialRequest | undefined) => request !== undefined && request.outcome === undefined;

/** The login form with its autofill request started and held (the authenticator does not answer yet). */
async function formWithPendingAutofill(): Promise<AcctLogin> {
  await virtualAuthenticator.presence(false);
  const el = await renderLogin(html`<acct-login server=${server}></acct-login>`);
  await waitUntil(() => pending(conditional()[0]), 'no autofill request is pending');
  await virtualAuthenticator.presence(true);
  return el;
}

describe('<acct-login> with passkeys', () => {
  it('signs in with "Continue with a passkey", cancelling the pending autofill request quietly', async () => {
    const { email } = await accountWithPasskey(server);
    const el = await formWithPendingAutofill();
    expect($<HTMLInputElement>(el, 'input[name="email"]')!.autocomplete).to.equal('username webauthn');

    const signedIn = nextEvent<AcctSignedInDetail>(el, 'acct-signed-in');
    methodButton(el, 'passkey').click();
    const { detail } = await signedIn;
    expect(detail).to.deep.include({ method: 'passkey' });
    expect(detail.user.email).to.equal(email);
    await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not show');

    await waitUntil(() => conditional()[0]!.outcome, 'the autofill request never ended');
    expect(conditional()[0]!.outcome, 'the autofill request was aborted').to.equal('AbortError');
    expect(dialogs().map((r) => r.outcome)).to.deep.equal(['resolved']);
    expect(page.problems, 'no unhandled rejection, no console error').to.deep.equal([]);
    expect((await settledStore(server)).user?.email).to.equal(email);
  });

  for (const mode of ['shadow DOM', 'light DOM'] as const) {
    it(`signs in through autofill when the user picks a passkey in the email field (${mode})`, async () => {
      const { email } = await accountWithPasskey(server);
      const signedIn = new Promise<CustomEvent<AcctSignedInDetail>>((resolve) =>
        document.addEventListener('acct-signed-in', (e) => resolve(e), { once: true }),
      );
      // The virtual authenticator picks its only passkey as soon as the autofill request starts.
      const el = await fixture<AcctLogin>(
        mode === 'light DOM'
          ? html`<acct-login server=${server} no-shadow></acct-login>`
          : html`<acct-login server=${server}></acct-login>`,
      );
      const { detail } = await signedIn;
      expect(detail.method).to.equal('passkey');
      expect(detail.user.email).to.equal(email);
      await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not show');
      expect(conditional().map((r) => r.outcome)).to.deep.equal(['resolved']);
      expect(dialogs(), 'no dialog was needed').to.deep.equal([]);
      expect(page.problems).to.deep.equal([]);
    });
  }

  it('cancels the autofill request when the element leaves the page', async () => {
    const el = await formWithPendingAutofill();
    el.remove();
    await waitUntil(() => conditional()[0]!.outcome, 'the autofill request outlived the element');
    expect(conditional()[0]!.outcome).to.equal('AbortError');
    expect(page.problems).to.deep.equal([]);
  });

  it('says quietly that there is no passkey on this device — not "cancelled" — without an acct-error', async () => {
    // An authenticator without a passkey for this site refuses at once, with the NotAllowedError a
    // closed dialog gives too (deliberately the same error): its timing says nobody was asked.
    const el = await renderLogin(html`<acct-login server=${server}></acct-login>`);
    let errors = 0;
    el.addEventListener('acct-error', () => errors++);
    methodButton(el, 'passkey').click();
    await waitUntil(() => text($(el, '[part="notice"]')), 'nothing was said');
    expect(text($(el, '[part="notice"]'))).to.equal(
      'There is no passkey for this site on this device. Sign in another way.',
    );
    expect(dialogs().map((r) => r.outcome)).to.deep.equal(['NotAllowedError']);
    expect($(el, '[part="notice"]')!.closest('[role="status"]'), 'a polite live region, not an alert').to.exist;
    expect($(el, '[role="alert"]')).to.equal(null);
    expect(errors).to.equal(0);
    expect(page.problems).to.deep.equal([]);
  });

  it('says "Waiting for your passkey…" while the browser asks, and Cancel ends the request: then it says cancelled', async () => {
    await accountWithPasskey(server);
    // Presence off: the authenticator does not answer, as a person deciding would not yet.
    const el = await formWithPendingAutofill();
    await virtualAuthenticator.presence(false);
    let errors = 0;
    el.addEventListener('acct-error', () => errors++);
    methodButton(el, 'passkey').focus();
    methodButton(el, 'passkey').click();
    await waitUntil(() => $(el, '[part="passkey-wait"]'), 'no waiting state');
    expect(text($(el, '[part="passkey-wait"] .wait-title'))).to.equal('Waiting for your passkey…');
    expect(text($(el, '[role="status"]')), 'announced').to.equal('Waiting for your passkey…');
    expect(methodButton(el, 'passkey').getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => pending(dialogs()[0]), 'the browser was not asked');

    $(el, '[part~="cancel-button"]')!.click();
    await waitUntil(() => text($(el, '[part="notice"]')), 'nothing was said');
    expect(text($(el, '[part="notice"]'))).to.equal(
      'Signing in with a passkey was cancelled. You can try again, or use another way to sign in.',
    );
    expect($(el, '[part="passkey-wait"]')).to.equal(null);
    expect(dialogs()[0]!.outcome, "the browser's request was aborted").to.equal('AbortError');
    expect(el.shadowRoot!.activeElement, 'focus back on the passkey button').to.equal(methodButton(el, 'passkey'));
    expect(errors).to.equal(0);
    expect(page.problems).to.deep.equal([]);
    expect((await settledStore(server)).status).to.equal('signed-out');
  });

  it('explains a passkey that was removed from the account', async () => {
    const { email, passkey } = await accountWithPasskey(server);
    const store = await settledStore(server);
    await store.signIn({ email, password: PASSWORD });
    await store.api.call('DELETE /api/passkeys/:id', { params: { id: passkey.id } });
    await store.signOut();

    const el = await formWithPendingAutofill();
    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    methodButton(el, 'passkey').click();
    expect((await failed).detail).to.deep.include({ code: 'unknown_passkey', status: 401 });
    await waitUntil(() => $(el, '[part="form-error"]'), 'no message');
    expect(text($(el, '[part="form-error"]'))).to.equal(
      'This passkey is not registered here: it may have been removed. Sign in another way.',
    );
    expect($(el, 'form'), 'still on the form').to.exist;
    // The browser was told (signalUnknownCredential), and the authenticator dropped the dead passkey.
    await waitUntil(
      async () => (await virtualAuthenticator.credentials()).length === 0,
      'the authenticator still offers the removed passkey',
    );
  });

  it('offers a passkey after a password sign-in, and adds it', async () => {
    const { email } = await createAccount();
    const el = await renderLogin(html`<acct-login server=${server} offer-passkey></acct-login>`);
    const signedIn = nextEvent<AcctSignedInDetail>(el, 'acct-signed-in');
    await submit(el, 'password', { email, password: PASSWORD });
    expect((await signedIn).detail.method).to.equal('password');
    await waitUntil(() => $(el, '[part~="passkey-offer"]'), 'no offer');
    expect(text($(el, 'h2'))).to.equal('Sign in faster next time: add a passkey');
    expect(el.shadowRoot!.activeElement, 'focus on the offer').to.equal($(el, 'h2'));
    await expect(el).to.be.accessible();

    const added = nextEvent<AcctPasskeyAddedDetail>(el, 'acct-passkey-added');
    $(el, '[part~="add-passkey-button"]')!.click();
    const passkey: Passkey = (await added).detail.passkey;
    // The virtual authenticator is no known product: the server leaves it unnamed (the elements say "Passkey").
    expect(passkey.name).to.equal(null);
    await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not follow');
    expect(text($(el, '[part~="signed-in"] [part="notice"]'))).to.equal(
      'Your passkey is added. Next time, sign in with it.',
    );
    expect(await virtualAuthenticator.credentials()).to.have.length(1);

    // Signing in again by password: the user has a passkey now, so no offer.
    await (await settledStore(server)).signOut();
    await waitUntil(() => $(el, 'form'), 'the form did not come back');
    await submit(el, 'password', { email, password: PASSWORD });
    await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not show');
    expect($(el, '[part~="passkey-offer"]')).to.equal(null);
  });

  it('goes on without a passkey on "Plus tard" ("Not now", in French)', async () => {
    const { email } = await createAccount();
    const el = await renderLogin(html`<acct-login server=${server} offer-passkey lang="fr"></acct-login>`);
    await submit(el, 'password', { email, password: PASSWORD });
    await waitUntil(() => $(el, '[part~="passkey-offer"]'), 'no offer');
    expect(text($(el, 'h2'))).to.equal('Connectez-vous plus vite la prochaine fois : ajoutez une clé d’accès');
    $(el, '[part~="not-now-button"]')!.click();
    await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not show');
    expect(await virtualAuthenticator.credentials()).to.deep.equal([]);
  });
});
