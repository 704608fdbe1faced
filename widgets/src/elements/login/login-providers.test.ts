/**
 * `<acct-login>`'s provider buttons against a server with providers (`testServers.oauth`): they
 * render from `/api/config` in the brands' words, the `providers` attribute picks and orders them,
 * in French too and in light-DOM mode. The popup (E3) against a real OpenID Provider: a message
 * from another origin, from another window or with another nonce is ignored, the popup's own one
 * signs in; a failure is shown by its code; a popup closed by the user leaves the form as it was;
 * a blocked popup, or `oauth-mode="redirect"`, sends the page itself to the provider.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import { browserKey } from '../../core/browser-key.js';
import type { AcctErrorDetail, AcctSignedInDetail } from '../../core/events.js';
import { oauthWindow } from '../../core/oauth-popup.js';
import { pageAddress, signOutEverywhere, uniqueEmail } from '../../testing/helpers.js';
import { $, idle, nextEvent, renderLogin, text } from '../../testing/login.js';
import type { AcctLogin } from './define.js';
import './define.js';

const server = testServers.oauth;
const defaults = { ...oauthWindow };
let subjects = 0;

beforeEach(signOutEverywhere);
afterEach(() => void Object.assign(oauthWindow, defaults));

const root = (el: AcctLogin): ParentNode => el.shadowRoot ?? el;
const providerButtons = (el: AcctLogin) => [
  ...root(el).querySelectorAll<HTMLButtonElement>('button[part~="provider-button"]'),
];
const button = (el: AcctLogin, id: string) => providerButtons(el).find((b) => b.value === id)!;
const waiting = (el: AcctLogin) => root(el).querySelector('[part~="provider-wait"]');

/** A real click (user activation: what lets a popup through the blocker). */
async function click(target: HTMLElement): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** A new account at the test provider, which its next login signs in as. */
async function nextProviderAccount(claims: { email?: string; email_verified?: boolean } = {}): Promise<string> {
  const sub = `wtr-${Date.now()}-${++subjects}`;
  await executeServerCommand('acct-oidc-sign-in-next', { sub, name: 'Provider User', ...claims });
  return sub;
}

/** Makes `window.open` open a blank popup (the page can still steer it) and remembers the URL asked for. */
function holdPopup(): { url: () => string; popup: () => Window } {
  let asked = '';
  let opened: Window | null = null;
  oauthWindow.open = (url, target, features) => {
    asked = url;
    opened = window.open('about:blank', target, features);
    return opened;
  };
  return { url: () => asked, popup: () => opened! };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<acct-login> provider buttons', () => {
  it('renders the server’s providers in its order, with each brand’s words and mark', async () => {
    const config = (await (await fetch(`${server}/api/config`)).json()) as { providers: Array<{ id: string }> };
    const el = await renderLogin(html`<acct-login server=${server}></acct-login>`);
    expect(providerButtons(el).map((b) => b.value)).to.deep.equal(config.providers.map((p) => p.id));
    const labels = Object.fromEntries(providerButtons(el).map((b) => [b.value, text(b)]));
    expect(labels).to.deep.equal({
      testop: 'Continue with Test Provider',
      gitlab: 'Continue with GitLab',
      google: 'Continue with Google',
      microsoft: 'Sign in with Microsoft',
    });
    for (const b of providerButtons(el)) {
      expect(b.type).to.equal('button');
      expect(b.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
      // Each shape is drawn: none is nested in another (a lost `/>` nests the next one, undrawn).
      const shapes = [...b.querySelectorAll('svg path, svg rect')];
      expect(shapes.length, b.value).to.be.greaterThan(0);
      expect(shapes.filter((shape) => shape.parentElement!.closest('path, rect')).length, b.value).to.equal(0);
      expect(
        shapes.every((shape) => shape.getBoundingClientRect().width > 0),
        b.value,
      ).to.equal(true);
    }
    expect(text($(el, '[part~="separator"]'))).to.equal('or');
    // The providers come before the form's own fields.
    const email = $(el, 'input[name="email"]')!;
    expect(providerButtons(el)[0]!.compareDocumentPosition(email) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('shows the subset the providers attribute names, in its order, ignoring ids the server does not offer', async () => {
    const el = await renderLogin(
      html`<acct-login server=${server} providers="microsoft, nope,testop, microsoft"></acct-login>`,
    );
    expect(providerButtons(el).map((b) => b.value)).to.deep.equal(['microsoft', 'testop']);
  });

  it('says it in French, and renders in light-DOM mode too', async () => {
    const el = await renderLogin(
      html`<acct-login server=${server} lang="fr" no-shadow providers="google,microsoft"></acct-login>`,
    );
    expect(el.shadowRoot).to.equal(null);
    expect(providerButtons(el).map((b) => text(b))).to.deep.equal([
      'Continuer avec Google',
      'Se connecter avec Microsoft',
    ]);
    expect(text(el.querySelector('[part~="separator"]'))).to.equal('ou');
  });

  it('shows no provider part when the server offers none', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.instant}></acct-login>`);
    expect(root(el).querySelector('[part~="providers"], [part~="separator"]')).to.equal(null);
  });
});

describe('<acct-login> signing in with a provider', () => {
  it('takes only the message from acct’s origin, from its popup, with its nonce, and signs in (E3)', async function () {
    this.timeout(20000);
    const held = holdPopup();
    const el = await renderLogin(html`<acct-login server=${server} providers="testop"></acct-login>`);
    await click(button(el, 'testop'));
    await waitUntil(() => held.url(), 'no popup was opened');
    const started = new URL(held.url());
    expect(`${started.origin}${started.pathname}`).to.equal(`${server}/auth/oauth/testop/start`);
    expect(Object.fromEntries(started.searchParams)).to.deep.include({
      mode: 'popup',
      return_to: pageAddress(),
      browserKey: browserKey(server),
    });
    const nonce = started.searchParams.get('nonce')!;
    expect(nonce).to.match(/^[A-Za-z0-9_-]{43}$/);
    await waitUntil(() => waiting(el), 'the wait did not show');
    expect(text(waiting(el))).to.contain('Finish signing in with Test Provider in the window that opened.');

    // A code that is no code: had any of these been taken, the exchange would fail on screen.
    const forged = { type: 'acct-oauth', nonce, code: 'forged-code' };
    const acct = new URL(server).origin;
    const popup = held.popup();
    const other = window.open('about:blank', 'acct-other')!;
    for (const init of [
      { origin: location.origin, source: popup, data: forged },
      { origin: acct, source: other, data: forged },
      { origin: acct, source: window, data: forged },
      { origin: acct, source: popup, data: { ...forged, nonce: `${nonce}x` } },
      { origin: acct, source: popup, data: { type: 'other', nonce, code: 'forged-code' } },
    ]) {
      window.dispatchEvent(new MessageEvent('message', init));
    }
    // And a real message from this page itself: another origin than acct's, another window.
    window.postMessage(forged, '*');
    other.close();
    await pause(300);
    expect(waiting(el), 'still waiting for the popup').to.not.equal(null);
    expect(root(el).querySelector('[part~="form-error"]')).to.equal(null);

    // The popup's own answer, from the real provider and acct's real callback page.
    const email = uniqueEmail('oauth');
    await nextProviderAccount({ email, email_verified: true });
    const signedIn = nextEvent<AcctSignedInDetail>(el, 'acct-signed-in');
    popup.location.href = held.url();
    const event = await signedIn;
    expect([event.detail.method, event.detail.user.email]).to.deep.equal(['oauth_testop', email]);
    await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not show');
    await waitUntil(() => popup.closed, 'the popup did not close');
    const session = await (await fetch(`${server}/api/me`, { credentials: 'include' })).json();
    expect(session.user.email).to.equal(email);
  });

  it('shows a failure the popup reports by its code, translated, and fires acct-error', async function () {
    this.timeout(20000);
    const el = await renderLogin(html`<acct-login server=${server} lang="fr"></acct-login>`);
    await nextProviderAccount(); // no address: the server refuses with oauth_no_email
    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    await click(button(el, 'testop'));
    expect((await failed).detail.code).to.equal('oauth_no_email');
    await idle(el);
    expect(text($(el, '[part~="form-error"]'))).to.equal(
      'Le fournisseur n’a pas communiqué votre adresse e-mail, dont ce site a besoin. Connectez-vous autrement.',
    );
    expect(waiting(el)).to.equal(null);
  });

  it('goes back to the form when the user closes the popup, or presses Cancel', async function () {
    this.timeout(20000);
    Object.assign(oauthWindow, { closedPollMs: 50, closedGraceMs: 100 });
    const held = holdPopup();
    const el = await renderLogin(html`<acct-login server=${server}></acct-login>`);
    let errors = 0;
    el.addEventListener('acct-error', () => errors++);
    await click(button(el, 'testop'));
    await waitUntil(() => waiting(el), 'the wait did not show');
    expect(button(el, 'google').disabled, 'other buttons wait').to.equal(true);
    held.popup().close();
    await waitUntil(() => !waiting(el), 'the wait stayed');
    await idle(el);
    expect(button(el, 'google').disabled).to.equal(false);

    await click(button(el, 'testop'));
    await waitUntil(() => waiting(el), 'the wait did not show again');
    $<HTMLButtonElement>(el, '[part~="provider-wait"] [part~="cancel-button"]')!.click();
    await waitUntil(() => !waiting(el), 'Cancel did not end the wait');
    expect(held.popup().closed).to.equal(true);
    expect([errors, root(el).querySelector('[part~="form-error"]')]).to.deep.equal([0, null]);
  });

  it('sends the whole page to the provider when the popup is blocked, or with oauth-mode="redirect"', async () => {
    const went: string[] = [];
    let opened = 0;
    oauthWindow.assign = (url) => void went.push(url);
    oauthWindow.open = () => (opened++, null);
    const el = await renderLogin(html`<acct-login server=${server} redirect="/after"></acct-login>`);
    await click(button(el, 'testop'));
    const redirected = await renderLogin(html`<acct-login server=${server} oauth-mode="redirect"></acct-login>`);
    await click(button(redirected, 'testop'));

    expect(opened, 'oauth-mode="redirect" opens no popup').to.equal(1);
    const [blocked, asked] = went.map((url) => new URL(url));
    const expected = (returnTo: string) => ({
      mode: 'redirect',
      return_to: returnTo,
      browserKey: browserKey(server),
    });
    expect(blocked!.pathname).to.equal('/auth/oauth/testop/start');
    expect(Object.fromEntries(blocked!.searchParams)).to.deep.equal(expected(new URL('/after', location.href).href));
    expect(Object.fromEntries(asked!.searchParams)).to.deep.equal(expected(pageAddress()));
    expect(waiting(el)).to.equal(null);
  });
});
