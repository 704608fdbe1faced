/**
 * `<acct-login>` and emailed sign-in links, against the real servers and their dev outbox: the
 * "check your inbox" view, the mail, the hosted page's Continue (posted by the runner, as the user
 * would from the mail), the status poll turning "used", a tab of this browser signing the page in
 * through the store's BroadcastChannel, the passkey offer on the page the link comes back to, an
 * expired link, the per-address throttle, and French.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { browserKey } from '../../core/browser-key.js';
import type { AcctSignedInDetail } from '../../core/events.js';
import { SessionStore } from '../../core/session-store.js';
import {
  linkIn,
  mailTo,
  pageAddress,
  post,
  signOutEverywhere,
  submitHostedForm,
  uniqueEmail,
} from '../../testing/helpers.js';
import { $, methodButtons, nextEvent, renderLogin, submit, text } from '../../testing/login.js';
import type { AcctLogin } from './define.js';
import './define.js';
import { linkPolling } from './magic-link-watch.js';

beforeEach(signOutEverywhere);

const defaultInterval = linkPolling.intervalMs;
afterEach(() => {
  linkPolling.intervalMs = defaultInterval;
});

const heading = (el: AcctLogin) => text($(el, 'h2'));
const news = (el: AcctLogin) => text($(el, '[role="status"] [part="notice"]'));

/** Asks for a link for a new address and waits for the "check your inbox" view. */
async function requestLink(el: AcctLogin, email = uniqueEmail('link')): Promise<string> {
  await submit(el, 'magic-link', { email });
  await waitUntil(() => heading(el) === 'Check your inbox', 'the "check your inbox" view did not show');
  return email;
}

/** Plays the user opening the mailed link and pressing Continue; answers where the browser is sent. */
async function continueFromMail(server: string, email: string): Promise<string> {
  const mail = await mailTo(server, email);
  expect(mail.subject).to.match(/sign/i);
  const answer = await submitHostedForm(linkIn(mail.text, '/auth/magic-link', server));
  expect(answer.status).to.equal(303);
  return answer.location!;
}

describe('<acct-login> emailed sign-in links', () => {
  it('offers the methods in the order `methods` names them', async () => {
    const el = await renderLogin(
      html`<acct-login server=${testServers.main} methods="magic-link password passkey"></acct-login>`,
    );
    expect(methodButtons(el).map((b) => b.value)).to.deep.equal(['magic-link', 'password', 'passkey']);
    expect(methodButtons(el)[0]!.part.contains('primary-button'), 'the first one is primary').to.equal(true);
  });

  it('sends a link, and says so when it is used in another browser while this page stays signed out', async () => {
    linkPolling.intervalMs = 100;
    const el = await renderLogin(html`<acct-login server=${testServers.main} methods="magic-link"></acct-login>`);
    const email = await requestLink(el);
    const paragraphs = [...el.shadowRoot!.querySelectorAll('[part="message"] > p:not([part])')].map(text);
    expect(paragraphs).to.deep.equal([
      `We have sent a sign-in link to ${email}. Open it in this browser: this page signs you in by itself.`,
      'The link works once and expires in 10 minutes.',
    ]);
    expect(el.shadowRoot!.activeElement, 'focus on the new heading').to.equal($(el, 'h2'));

    // Continue on the link's page hands a code back to this page's address…
    const location = await continueFromMail(testServers.main, email);
    expect(location).to.match(
      new RegExp(`^${pageAddress().replace(/[.?*+^$()[\]{}|\\/]/g, '\\$&')}#acct_code=[^&]+&acct_flow=magic_link$`),
    );
    // …but that browser is not this page: the poll sees the link used, and this page stays signed out.
    await waitUntil(() => news(el), 'the poll did not notice the link was used', { timeout: 4000 });
    expect(news(el)).to.equal(
      'You signed in from the link in another browser or tab. To sign in here too, ask for a new link.',
    );
    expect($(el, 'form'), 'still signed out').to.equal(null);
    expect($(el, '[part~="signed-in"]')).to.equal(null);
  });

  it('signs this page in when a tab of this browser opens the link (BroadcastChannel), as a magic_link sign-in', async () => {
    // Only the channel can tell this page in time: the poll waits far longer than the test.
    linkPolling.intervalMs = 60_000;
    const el = await renderLogin(html`<acct-login server=${testServers.main} methods="magic-link"></acct-login>`);
    const email = await requestLink(el);
    const location = await continueFromMail(testServers.main, email);
    const code = new URLSearchParams(new URL(location).hash.slice(1)).get('acct_code')!;

    // The other tab: its own store on the same server and cookie jar, as acct.js there would make.
    const otherTab = new SessionStore(testServers.main);
    try {
      await otherTab.start();
      const signedIn = nextEvent<AcctSignedInDetail>(el, 'acct-signed-in');
      await otherTab.exchangeCode(code);
      const { detail } = await signedIn;
      expect(detail.method).to.equal('magic_link');
      expect(detail.user.email).to.equal(email);
      await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not show');
      expect(heading(el)).to.equal(`You are signed in as ${email}.`);
    } finally {
      otherTab.dispose();
    }
  });

  it('offers a passkey on the page the link came back to (offer-passkey), without an acct-signed-in', async () => {
    // The bearer server's store is the one store this file never started: its start-up is what
    // takes the code out of the address, as on a page just opened from the link.
    const email = uniqueEmail('landing');
    // Asked for in this browser (its key), as the element would: the code then signs in without a question.
    await post(testServers.bearer, '/api/auth/magic-link', {
      email,
      redirectUrl: pageAddress(),
      browserKey: browserKey(testServers.bearer),
    });
    const location = await continueFromMail(testServers.bearer, email);
    const before = location.replace(/#.*$/, '');
    history.replaceState(history.state, '', new URL(location).hash);
    let signedInEvents = 0;
    const count = () => signedInEvents++;
    document.addEventListener('acct-signed-in', count);
    try {
      const el = await fixture<AcctLogin>(html`<acct-login server=${testServers.bearer} offer-passkey></acct-login>`);
      await waitUntil(() => $(el, '[part~="passkey-offer"]'), 'no offer after coming back from the link', {
        timeout: 4000,
      });
      expect(location.startsWith(before)).to.equal(true);
      expect(window.location.hash, 'the code left the address bar').to.equal('');
      $(el, '[part~="not-now-button"]')!.click();
      await waitUntil(() => $(el, '[part~="signed-in"]'), 'the signed-in panel did not follow');
      expect(heading(el)).to.equal(`You are signed in as ${email}.`);
      expect(signedInEvents, 'the sign-in happened on the hosted page, not in this form').to.equal(0);
    } finally {
      document.removeEventListener('acct-signed-in', count);
    }
  });

  it('says when the link has expired, and sends a new one', async () => {
    linkPolling.intervalMs = 200;
    // The limited server's links live two seconds.
    const el = await renderLogin(html`<acct-login server=${testServers.limited} methods="magic-link"></acct-login>`);
    await requestLink(el);
    expect(text(el.shadowRoot!.querySelectorAll('[part="message"] > p:not([part])')[1])).to.equal(
      'The link works once and expires in 2 seconds.',
    );
    await waitUntil(() => news(el) === 'The link has expired. Ask for a new one.', 'the link did not expire', {
      timeout: 5000,
    });
  });

  it('explains the one-minute wait between two links to the same address', async () => {
    const el = await renderLogin(html`<acct-login server=${testServers.main} methods="magic-link"></acct-login>`);
    await requestLink(el);
    const failed = nextEvent(el, 'acct-error');
    $(el, '[part~="resend-button"]')!.click();
    expect(text($(el, '[part~="resend-button"]'))).to.equal('Send a new link');
    await failed;
    await waitUntil(() => $(el, '[part="form-error"]'), 'the wait was not explained');
    expect(text($(el, '[part="form-error"]'))).to.match(/^Too many attempts\. Try again in (\d+ seconds|1 minute)\.$/);
  });

  it('speaks French', async () => {
    const el = await renderLogin(
      html`<acct-login server=${testServers.main} methods="magic-link" lang="fr"></acct-login>`,
    );
    expect(methodButtons(el).map(text)).to.deep.equal(['M’envoyer un lien de connexion']);
    await submit(el, 'magic-link', { email: uniqueEmail('fr') });
    await waitUntil(() => heading(el) === 'Consultez votre boîte de réception', 'the French view did not show');
    expect(text(el.shadowRoot!.querySelectorAll('[part="message"] > p:not([part])')[1])).to.equal(
      'Le lien ne sert qu’une fois et expire dans 10 minutes.',
    );
    expect(text($(el, '[part~="resend-button"]'))).to.equal('Envoyer un nouveau lien');
  });
});
