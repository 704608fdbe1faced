/**
 * The second step of a sign-in that an emailed link started, on the page the link comes back to:
 * with no `<acct-login>` there (a site's account page), the store opens one in a modal dialog,
 * which signs in with the app's code and goes away, or drops the waiting sign-in on Escape; with
 * an `<acct-login>` of the server on the page, the card asks itself and no dialog opens. Each test
 * lands on its own server, whose store this page has not started: its start-up is what takes the
 * code out of the address, as on a page just opened from the link.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import { browserKey } from '../../core/browser-key.js';
import { sessionStore } from '../../core/session-store.js';
import {
  linkIn,
  mailTo,
  pageAddress,
  post,
  signInNewAccount,
  signOutEverywhere,
  submitHostedForm,
} from '../../testing/helpers.js';
import { $, input, text } from '../../testing/login.js';
import { enrolMfa, totpCode } from '../../testing/mfa.js';
import type { AcctLogin } from './define.js';
import './define.js';

beforeEach(signOutEverywhere);

/**
 * An account with two-step verification (made on another server: one database) comes back to this
 * page from an emailed sign-in link of `server`, asked for by this browser; its app's secret.
 */
async function returnFromLink(server: string): Promise<string> {
  const { email, store } = await signInNewAccount(testServers.instant);
  const { secret } = await enrolMfa(store);
  await store.signOut();
  await post(server, '/api/auth/magic-link', { email, redirectUrl: pageAddress(), browserKey: browserKey(server) });
  // The newest mail to the address may still be the notice that two-step verification is on.
  let mail = '';
  await waitUntil(async () => (mail = (await mailTo(server, email)).text).includes('/auth/magic-link'), 'no link');
  const answer = await submitHostedForm(linkIn(mail, '/auth/magic-link', server));
  expect(answer.status).to.equal(303);
  history.replaceState(history.state, '', new URL(answer.location!).hash);
  return secret;
}

const openDialog = () =>
  [...document.body.children].map((child) => child.shadowRoot?.querySelector('dialog[open]')).find(Boolean) ?? null;

describe('the second step on a page without <acct-login>', () => {
  it('opens a dialog with the step, which signs in with the app’s code and goes away', async () => {
    const server = testServers.bearer;
    const secret = await returnFromLink(server);
    const store = sessionStore(server);
    await store.start(); // what any element of the page does
    await waitUntil(openDialog, 'no dialog for the second step', { timeout: 4000 });
    const login = openDialog()!.querySelector<AcctLogin>('acct-login')!;
    await waitUntil(() => input(login, 'code'), 'the dialog does not ask for the code', { timeout: 4000 });
    expect(window.location.hash, 'the code left the address bar').to.equal('');
    expect(store.status).to.not.equal('signed-in');
    await waitUntil(() => login.shadowRoot!.activeElement === input(login, 'code'), 'the code field has no focus');
    expect(openDialog()!.getAttribute('aria-label')).to.equal('Enter your code');

    input(login, 'code')!.value = totpCode(secret, 1);
    $<HTMLButtonElement>(login, 'button[type="submit"]')!.click();
    await waitUntil(() => store.status === 'signed-in', 'not signed in', { timeout: 4000 });
    await waitUntil(() => !openDialog(), 'the dialog stayed');
    expect(document.body.querySelector(':scope > div'), 'its host is gone too').to.equal(null);
  });

  it('drops the waiting sign-in on Escape', async () => {
    const server = testServers.oauth;
    await returnFromLink(server);
    const store = sessionStore(server);
    await store.start();
    await waitUntil(openDialog, 'no dialog for the second step', { timeout: 4000 });
    const login = openDialog()!.querySelector<AcctLogin>('acct-login')!;
    await waitUntil(() => login.shadowRoot!.activeElement === input(login, 'code'), 'the code field has no focus', {
      timeout: 4000,
    });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !openDialog(), 'Escape left the dialog');
    expect(store.secondFactor).to.equal(null);
    expect(store.status).to.not.equal('signed-in');
  });

  it('leaves the step to an <acct-login> of the server on the page', async () => {
    const server = testServers.main;
    await returnFromLink(server);
    const el = await fixture<AcctLogin>(html`<acct-login server=${server}></acct-login>`);
    await waitUntil(() => input(el, 'code'), 'the card does not ask for the code', { timeout: 4000 });
    expect(text($(el, 'h2'))).to.equal('Enter your code');
    // The dialog's chunk has been fetched and has decided by now (it is asked before the card renders).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(openDialog()).to.equal(null);
  });
});
