/**
 * `<acct-connected-apps>` against the real servers: the `oauth` test server offers one connected
 * app, `stagebook`, played by a real OAuth server on loopback (oidc-provider). The provider's leg
 * runs in Node (`acct-connected-app-authorize`: the test page cannot leave itself), the rest in the
 * page: "Connect" asks for an attempt, the app's answer comes back in the fragment, the element
 * takes it out of the address and hands it over, the connection is listed with who made it, and
 * "Disconnect" asks first. Also: no organization yet, a refused answer, French, axe at 375 px.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { expectConfirmationByKeyboard } from '../../testing/confirmation.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import type { AcctAppConnectStartingDetail, AcctConnectedAppDetail, AcctErrorDetail } from '../../core/events.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import {
  $,
  createAccount,
  element,
  linkIn,
  mailTo,
  nextEvent,
  pageAddress,
  post,
  settledStore,
  signInNewAccount,
  signOutEverywhere,
  submitHostedForm,
  text,
} from '../../testing/helpers.js';
import { AcctConnectedApps } from './define.js';

const server = testServers.oauth;

beforeEach(() => signOutEverywhere());
// "Connect" would leave the test page: every test page goes to the app's page through the command.
const stay = (event: Event) => event.preventDefault();
before(() => document.addEventListener('acct-app-connect-starting', stay));
after(() => document.removeEventListener('acct-app-connect-starting', stay));

const create = (attributes: Record<string, string> = {}): AcctConnectedApps =>
  element('acct-connected-apps', { server, ...attributes });
const connectedRows = (el: AcctConnectedApps) => [...el.shadowRoot!.querySelectorAll('li[part~="item"]')];
const ready = (el: AcctConnectedApps) =>
  waitUntil(() => $(el, '[part~="connect-button"]') && !$(el, '[part="status"]'), 'the apps were not listed', {
    timeout: 4000,
  });

/**
 * This page signed in as a new account that owns an organization, made before the page signs in:
 * the element's first load finds it.
 */
async function owner() {
  const account = await createAccount();
  const made = await post<{ organization: { id: string } }>(
    testServers.bearer,
    '/api/organizations',
    { name: 'Globe Theatre' },
    { headers: { Authorization: `Bearer ${account.token}` } },
  );
  if (made.status !== 201) throw new Error(`the organization was not made: ${made.status}`);
  const store = await settledStore(server);
  await store.signIn({ email: account.email, password: account.password });
  return { ...account, store };
}

/** This page signed in as a plain member of an organization whose owner (on another device) invited them. */
async function plainMember() {
  const boss = await createAccount({ displayName: 'Grace Hopper' });
  const made = await post<{ organization: { id: string } }>(
    testServers.bearer,
    '/api/organizations',
    { name: 'Globe Theatre' },
    { headers: { Authorization: `Bearer ${boss.token}` } },
  );
  const member = await createAccount();
  const invited = await post(
    testServers.bearer,
    `/api/organizations/${made.body.organization.id}/invitations`,
    { email: member.email, role: 'member', redirectUrl: pageAddress() },
    { headers: { Authorization: `Bearer ${boss.token}` } },
  );
  if (invited.status !== 201) throw new Error(`the invitation was not sent: ${invited.status}`);
  const link = linkIn((await mailTo(testServers.bearer, member.email)).text, '/auth/invitation', testServers.bearer);
  const accepted = await submitHostedForm(link);
  if (accepted.status !== 303 || !accepted.location) throw new Error(`accepting answered ${accepted.status}`);
  // Accepting hands over a session (the one made before may have ended): the page takes it.
  const code = new URLSearchParams(new URL(accepted.location).hash.slice(1)).get('acct_code')!;
  await (await settledStore(server)).exchangeCode(code, { confirm: true });
}

/** Clicks "Connect" and plays the browser at the app; puts the app's answer in the page's address, as the return does. */
async function authorizeAtApp(el: AcctConnectedApps): Promise<void> {
  const starting = nextEvent<AcctAppConnectStartingDetail>(el, 'acct-app-connect-starting');
  $(el, '[part~="connect-button"]')!.click();
  const { url } = (await starting).detail;
  const back = await executeServerCommand<string | null, Record<string, string>>('acct-connected-app-authorize', {
    url,
    sub: `app-account-${crypto.randomUUID()}`,
  });
  if (!back) throw new Error('the app did not send the browser back');
  const page = new URL(back);
  expect(page.hash).to.match(/^#acct_app=/);
  history.replaceState(null, '', `${location.pathname}${location.search}${page.hash}`);
}

/** A connection made through the element; the element that made it is left in the page. */
async function connected(attributes: Record<string, string> = {}): Promise<AcctConnectedApps> {
  const first = create(attributes);
  document.body.append(first);
  await ready(first);
  await authorizeAtApp(first);
  first.remove();
  // The page comes back: a new element finds the answer in the address.
  const el = create(attributes);
  const done = nextEvent<AcctConnectedAppDetail>(el, 'acct-app-connected');
  document.body.append(el);
  await done;
  await waitUntil(() => connectedRows(el).length === 1, 'the connection was not listed');
  return el;
}

runBaseSuite<AcctConnectedApps>({
  tag: 'acct-connected-apps',
  elementClass: AcctConnectedApps,
  states: [
    {
      name: 'signed out',
      create,
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]'), 'the signed-out slot did not show'),
    },
    {
      name: 'no organization',
      create,
      ready: async (el) => {
        await signInNewAccount(server);
        await waitUntil(() => $(el, '[part="hint"]'), 'the hint did not show');
      },
    },
    {
      name: 'an app on offer, dark',
      create: () => create({ theme: 'dark' }),
      ready: async (el) => {
        await owner();
        await ready(el);
      },
    },
  ],
  events: [
    {
      name: 'connect',
      event: 'acct-app-connect-starting',
      create,
      ready: async (el) => {
        await owner();
        await ready(el);
      },
      trigger: async (el) => $(el, '[part~="connect-button"]')!.click(),
    },
    {
      name: 'an answer that is not this session’s',
      event: 'acct-error',
      create: () => {
        history.replaceState(
          null,
          '',
          `${location.pathname}${location.search}#acct_app=${encodeURIComponent('state=forged&code=x')}`,
        );
        return create();
      },
      ready: async () => undefined,
      trigger: async () => void (await owner()),
    },
  ],
});

describe('<acct-connected-apps>', () => {
  it('connects an app on the return from it, says who connected it, and disconnects after confirming', async () => {
    await owner();
    const el = await connected();
    try {
      expect(location.hash, 'the answer is out of the address').to.equal('');
      expect(text($(el, '[part="name"]'))).to.equal('Stagebook');
      expect(text($(el, '[part="details"]'))).to.contain('Connected by Ada Lovelace');
      expect(text($(el, '[part~="connect-button"]'))).to.equal('Reconnect');
      expect(text($(el, '[part="notice"]'))).to.equal('Stagebook is connected.');

      await expectConfirmationByKeyboard(el, () => $(el, '[part~="disconnect-button"]')!);
      $(el, '[part~="disconnect-button"]')!.click();
      await waitUntil(() => $(el, '[part~="confirm"]'));
      expect(text($(el, '[part~="confirm"] p'))).to.equal(
        'Disconnect Stagebook? It loses access to your organization until someone connects it again.',
      );
      const gone = nextEvent<AcctConnectedAppDetail>(el, 'acct-app-disconnected');
      $(el, '[part~="confirm-button"]')!.click();
      expect((await gone).detail.app.provider).to.equal('stagebook');
      await waitUntil(() => connectedRows(el).length === 0 && $(el, '[part="empty"]'), 'still listed');
      expect(text($(el, '[part="notice"]'))).to.equal('Stagebook is disconnected.');
      expect(el.shadowRoot!.activeElement, 'focus on the heading, the row is gone').to.equal($(el, 'h2'));
    } finally {
      el.remove();
    }
  });

  it('shows the server’s refusal in the row when the list was stale, with focus back on its button', async () => {
    await owner();
    const el = await connected();
    const stale = create();
    document.body.append(stale);
    try {
      await waitUntil(() => connectedRows(stale).length === 1, 'the second element did not list the connection');
      // Disconnected from the first element: the second still lists it.
      $(el, '[part~="disconnect-button"]')!.click();
      await waitUntil(() => $(el, '[part~="confirm-button"]'));
      const gone = nextEvent(el, 'acct-app-disconnected');
      $(el, '[part~="confirm-button"]')!.click();
      await gone;
      // Done there (focus on its heading once its list is reloaded) before the second element is used.
      await waitUntil(() => el.shadowRoot!.activeElement === $(el, 'h2'), 'the first element did not finish');

      const failed = nextEvent<AcctErrorDetail>(stale, 'acct-error');
      $(stale, '[part~="disconnect-button"]')!.click();
      await waitUntil(() => $(stale, '[part~="confirm-button"]'));
      $(stale, '[part~="confirm-button"]')!.click();
      expect((await failed).detail.code).to.equal('not_found');
      expect(Boolean($(connectedRows(stale)[0]!, '[part="action-error"]')), 'the refusal in the row').to.equal(true);
      await waitUntil(
        () => stale.shadowRoot!.activeElement === $(stale, '[part~="disconnect-button"]'),
        'focus did not go back to the row, where its error is',
      );
    } finally {
      el.remove();
      stale.remove();
    }
  });

  it('shows a plain member what is connected, with no button to change it', async () => {
    const el = create();
    document.body.append(el);
    try {
      await plainMember();
      await waitUntil(
        () => $(el, '[part~="available-item"]') && !$(el, '[part="status"]'),
        'the apps were not listed',
        {
          timeout: 4000,
        },
      );
      expect(Boolean($(el, '[part~="connect-button"]')), 'a Connect button').to.equal(false);
      expect(text($(el, '[part="hint"]'))).to.equal(
        'Only owners and admins of the organization can connect or disconnect apps.',
      );
    } finally {
      el.remove();
    }
  });

  it('explains an answer the server refuses, in French', async () => {
    history.replaceState(
      null,
      '',
      `${location.pathname}${location.search}#acct_app=${encodeURIComponent('state=forged&error=access_denied')}`,
    );
    const el = create({ lang: 'fr' });
    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    document.body.append(el);
    try {
      expect(location.hash).to.equal('');
      await owner();
      expect((await failed).detail.code).to.equal('connect_attempt_invalid');
      await waitUntil(() => $(el, '[part="action-error"]'), 'the refusal was not shown');
      expect(text($(el, '[part="action-error"]'))).to.equal(
        'Cette tentative de connexion est inconnue, a expiré ou a été commencée ailleurs. Recommencez.',
      );
      expect(text($(el, '[part="title"]'))).to.equal('Applications connectées');
      expect(text($(el, '[part~="connect-button"]'))).to.equal('Connecter');
    } finally {
      el.remove();
    }
  });
});
