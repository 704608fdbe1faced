/**
 * `<acct-passkeys>` against the real servers, with Chromium's virtual authenticator making real
 * keys: a passkey's whole life beside `<acct-login>` (added, signing in, renamed, removed), adding (and the "Synced" / "This device only" badge, the times), renaming it
 * from the keyboard, removing it after confirming (the other devices that signed in with it are
 * signed out), the server's refusals explained where they apply (`reauthentication_required`,
 * `last_sign_in_method`), a server without passkeys, and French.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import { ApiClient } from '../../core/api-client.js';
import type { SignedIn } from '../../../../contract/auth.js';
import { expectConfirmationByKeyboard } from '../../testing/confirmation.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import type {
  AcctErrorDetail,
  AcctPasskeyAddedDetail,
  AcctPasskeyRemovedDetail,
  AcctSignedInDetail,
} from '../../core/events.js';
import { beginCeremony, endCeremony, passkeyAssertion } from '../../core/webauthn.js';
import {
  $,
  element,
  linkIn,
  mailTo,
  nextEvent,
  post,
  settledStore,
  signInNewAccount,
  signOutEverywhere,
  submitHostedForm,
  text,
  uniqueEmail,
} from '../../testing/helpers.js';
import { expectFitsPhone } from '../../testing/layout.js';
import { methodButton } from '../../testing/login.js';
import { cancelReauth } from '../../testing/reauth.js';
import { ageSession, virtualAuthenticator, watchCredentialRequests } from '../../testing/webauthn.js';
import '../login/define.js';
import { AcctPasskeys } from './define.js';

const server = testServers.instant;

beforeEach(async () => {
  await signOutEverywhere();
  await virtualAuthenticator.add();
});
after(() => virtualAuthenticator.remove());

const rows = (el: AcctPasskeys) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[part~="item"]')];
const create = (attributes: Record<string, string> = {}): AcctPasskeys =>
  element('acct-passkeys', { server, ...attributes });
const listed = (count: number) => (el: AcctPasskeys) =>
  waitUntil(
    () => rows(el).length === count && !$(el, '[part="status"]'),
    `acct-passkeys did not list ${count} passkeys`,
    { timeout: 4000 },
  );
const showsEmpty = (el: AcctPasskeys) => waitUntil(() => $(el, '[part="empty"]'), 'the empty list did not show');
const announcement = (el: AcctPasskeys) => text($(el, '[role="status"] [part="notice"]'));

/** This page signed in on `server` to a new password account. */
const signedIn = () => signInNewAccount(server);

/** Presses "Add a passkey" and waits for the new row. */
async function addPasskey(el: AcctPasskeys, count = 1): Promise<void> {
  $(el, '[part~="add-button"]')!.click();
  await listed(count)(el);
}

/** A signed-in page whose list shows one passkey. */
async function withOnePasskey(el: AcctPasskeys): Promise<void> {
  await signedIn();
  await showsEmpty(el);
  await addPasskey(el);
}

runBaseSuite<AcctPasskeys>({
  tag: 'acct-passkeys',
  elementClass: AcctPasskeys,
  states: [
    {
      name: 'signed out',
      create,
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]'), 'the signed-out slot did not show'),
    },
    {
      name: 'no passkey yet',
      create,
      ready: async (el) => {
        await signedIn();
        await showsEmpty(el);
      },
    },
    { name: 'one passkey', create, ready: withOnePasskey },
    {
      name: 'renaming, dark',
      create: () => create({ theme: 'dark' }),
      ready: async (el) => {
        await withOnePasskey(el);
        $(el, '[part~="rename-button"]')!.click();
        await waitUntil(() => $(el, '[part~="rename-form"]'));
      },
    },
    {
      name: 'confirming a removal',
      create,
      ready: async (el) => {
        await withOnePasskey(el);
        $(el, '[part~="remove-button"]')!.click();
        await waitUntil(() => $(el, '[part~="confirm"]'));
      },
    },
    {
      name: 'server unreachable',
      create: () => create({ server: testServers.unreachable }),
      ready: (el) => waitUntil(() => $(el, '[part~="retry-button"]'), 'no retry button'),
    },
  ],
  events: [
    {
      name: 'adding a passkey',
      event: 'acct-passkey-added',
      create,
      ready: async (el) => {
        await signedIn();
        await showsEmpty(el);
      },
      trigger: async (el) => $(el, '[part~="add-button"]')!.click(),
    },
    {
      name: 'removing a passkey',
      event: 'acct-passkey-removed',
      create,
      ready: withOnePasskey,
      trigger: async (el) => {
        $(el, '[part~="remove-button"]')!.click();
        await waitUntil(() => $(el, '[part~="confirm-button"]'));
        $(el, '[part~="confirm-button"]')!.click();
      },
    },
    {
      name: 'adding too long after signing in',
      event: 'acct-error',
      create,
      ready: async (el) => {
        const { store } = await signedIn();
        await ageSession(store.session!.id);
        await showsEmpty(el);
      },
      // The store asks to confirm it is the user first; the refusal is the error once they cancel.
      trigger: async (el) => {
        $(el, '[part~="add-button"]')!.click();
        await cancelReauth();
      },
    },
  ],
});

describe('<acct-passkeys>', () => {
  it("follows a passkey's life across the elements: added, signs in from <acct-login>, renamed, removed", async () => {
    await signedIn();
    const list = create();
    const login = element('acct-login', { server });
    document.body.append(list, login);
    const watch = watchCredentialRequests();
    try {
      await showsEmpty(list);
      await addPasskey(list);

      // Sign out from <acct-login>'s panel; the list follows. Its form then asks for autofill,
      // which the authenticator holds back, so that the button is what signs in.
      await virtualAuthenticator.presence(false);
      await waitUntil(() => $(login, '[part~="sign-out-button"]'), 'acct-login did not show the signed-in panel');
      $(login, '[part~="sign-out-button"]')!.click();
      await waitUntil(() => $(list, 'slot[name="signed-out"]'), 'the list did not follow the sign-out');
      await waitUntil(
        () => watch.requests.some((r) => r.mediation === 'conditional' && !r.outcome),
        'no autofill request pending',
      );
      await virtualAuthenticator.presence(true);
      const signedInEvent = nextEvent<AcctSignedInDetail>(login, 'acct-signed-in');
      methodButton(login, 'passkey').click();
      expect((await signedInEvent).detail.method).to.equal('passkey');

      // The list is back, and the passkey was just used.
      await listed(1)(list);
      expect(text($(list, '[part="details"]'))).to.equal('Added now · last used now');

      $(list, '[part~="rename-button"]')!.click();
      await waitUntil(() => $(list, '[part~="rename-form"] input'));
      $<HTMLInputElement>(list, '[part~="rename-form"] input')!.value = 'Phone';
      $<HTMLButtonElement>(list, '[part~="save-button"]')!.click();
      await waitUntil(() => text($(list, '[part="name"]')) === 'Phone', 'the passkey was not renamed');

      $(list, '[part~="remove-button"]')!.click();
      await waitUntil(() => $(list, '[part~="confirm-button"]'));
      $(list, '[part~="confirm-button"]')!.click();
      await showsEmpty(list);
      expect(announcement(list)).to.equal('Phone is removed.');
    } finally {
      watch.restore();
      list.remove();
      login.remove();
    }
  });

  it('adds a passkey with the browser, and lists it with its badge and times', async () => {
    await signedIn();
    const el = create();
    document.body.append(el);
    try {
      await showsEmpty(el);
      expect(text($(el, '[part="empty"]'))).to.equal('You have no passkeys yet.');
      const added = nextEvent<AcctPasskeyAddedDetail>(el, 'acct-passkey-added');
      await addPasskey(el);
      const { passkey } = (await added).detail;
      expect(await virtualAuthenticator.credentials()).to.have.length(1);

      const [row] = rows(el);
      // The virtual authenticator is no known product: the server names it nothing, the element "Passkey".
      expect(passkey.name).to.equal(null);
      expect(text(row!.querySelector('[part="name"]'))).to.equal('Passkey');
      // The virtual authenticator's keys are not backed up: bound to this device.
      expect(text(row!.querySelector('[part~="badge"]'))).to.equal('This device only');
      expect(row!.querySelector('[part~="device-badge"]')).to.exist;
      expect(text(row!.querySelector('[part="details"]'))).to.equal('Added now · never used');
      expect(row!.querySelector('time')!.getAttribute('datetime')).to.equal(passkey.createdAt);
      await waitUntil(() => announcement(el) === 'Passkey is added.', 'the addition was not announced');
    } finally {
      el.remove();
    }
  });

  it('renames a passkey from the keyboard: Enter saves, Escape cancels', async () => {
    const el = create();
    document.body.append(el);
    try {
      await withOnePasskey(el);
      const renameButton = () => $<HTMLButtonElement>(el, '[part~="rename-button"]')!;
      renameButton().focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part~="rename-form"]'), 'the rename form did not open');
      const field = $<HTMLInputElement>(el, '[part~="rename-form"] input')!;
      expect(el.shadowRoot!.activeElement, 'focus in the name field').to.equal(field);
      expect(field.labels![0]!.textContent).to.equal('Passkey name');

      await sendKeys({ type: 'Work laptop' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text($(el, '[part="name"]')) === 'Work laptop', 'the name was not saved');
      expect(announcement(el)).to.equal('Renamed to Work laptop.');
      expect(el.shadowRoot!.activeElement, 'focus back on Rename').to.equal(renameButton());
      expect(renameButton().getAttribute('aria-label')).to.equal('Rename Work laptop');

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part~="rename-form"]'));
      await sendKeys({ type: 'Something else' });
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !$(el, '[part~="rename-form"]'), 'Escape did not close the form');
      expect(text($(el, '[part="name"]'))).to.equal('Work laptop');
      expect(el.shadowRoot!.activeElement).to.equal(renameButton());

      // An empty name is explained, not sent.
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part~="rename-form"]'));
      $<HTMLInputElement>(el, '[part~="rename-form"] input')!.value = '  ';
      $<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      await waitUntil(
        () => text($(el, '[part="field-error"]')) === 'Enter a name.',
        'the empty name was not explained',
      );
      expect($(el, '[part~="rename-form"] input')!.getAttribute('aria-invalid')).to.equal('true');
    } finally {
      el.remove();
    }
  });

  it('removes a passkey after confirming, signing out the other devices that used it', async () => {
    const el = create();
    document.body.append(el);
    try {
      await withOnePasskey(el);
      // Another device signs in with the same passkey (a bearer session, not this page's cookie).
      const ceremony = beginCeremony('modal')!;
      const { response } = await passkeyAssertion(new ApiClient(testServers.bearer), ceremony).finally(() =>
        endCeremony(ceremony),
      );
      const other = await post<SignedIn>(testServers.bearer, '/api/passkeys/authenticate/verify', { response });
      const token = other.body.session.token!;
      const me = () =>
        fetch(`${testServers.bearer}/api/me`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);
      expect(await me()).to.equal(200);

      await expectConfirmationByKeyboard(el, () => $(el, '[part~="remove-button"]')!);

      $(el, '[part~="remove-button"]')!.click();
      await waitUntil(() => $(el, '[part~="confirm-button"]'));
      const name = text($(el, '[part="name"]'))!;
      expect(text($(el, '[part~="confirm"] p'))).to.equal(
        `Remove ${name}? You will no longer sign in with it, and the devices that signed in with it will be signed out.`,
      );
      const removed = nextEvent<AcctPasskeyRemovedDetail>(el, 'acct-passkey-removed');
      $(el, '[part~="confirm-button"]')!.click();
      expect((await removed).detail.sessionsEnded).to.equal(1);
      await showsEmpty(el);
      expect(announcement(el)).to.equal(`${name} is removed. One device that signed in with it is signed out.`);
      expect(await me(), 'the other device is signed out').to.equal(401);
      expect((await settledStore(server)).status, 'this page stays signed in').to.equal('signed-in');
    } finally {
      el.remove();
    }
  });

  it('asks to confirm it is the user before adding a passkey long after signing in; Cancel refuses', async () => {
    const { store } = await signedIn();
    await ageSession(store.session!.id);
    const el = create();
    document.body.append(el);
    try {
      await showsEmpty(el);
      const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
      $(el, '[part~="add-button"]')!.click();
      await cancelReauth();
      expect((await failed).detail).to.deep.include({ code: 'reauthentication_required', status: 403 });
      await waitUntil(() => $(el, '[part="action-error"]'));
      expect(text($(el, '[part="action-error"]'))).to.equal('For your security, confirm it’s you to continue.');
      expect(await virtualAuthenticator.credentials(), 'no key was made').to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  it("will not remove an account's last way to sign in, and says so in the passkey's row", async () => {
    // An account without a password (made by an emailed link on the main server), on a server
    // without emailed links: its passkey is then its only way in.
    const email = uniqueEmail('passwordless');
    await post(testServers.main, '/api/auth/magic-link', { email });
    const answer = await submitHostedForm(
      linkIn((await mailTo(testServers.main, email)).text, '/auth/magic-link', testServers.main),
    );
    const code = new URLSearchParams(new URL(answer.location!).hash.slice(1)).get('acct_code')!;
    // Asked for without this browser's key: the exchange signs in once confirmed, as the user would.
    await (await settledStore(testServers.noMagicLink)).exchangeCode(code, { confirm: true });

    const el = create({ server: testServers.noMagicLink });
    document.body.append(el);
    try {
      await showsEmpty(el);
      await addPasskey(el);
      $(el, '[part~="remove-button"]')!.click();
      await waitUntil(() => $(el, '[part~="confirm-button"]'));
      const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
      $(el, '[part~="confirm-button"]')!.click();
      expect((await failed).detail).to.deep.include({ code: 'last_sign_in_method', status: 409 });
      await waitUntil(
        () => rows(el)[0]!.querySelector('[part="action-error"]'),
        'the refusal was not shown in the row',
      );
      const alert = rows(el)[0]!.querySelector('[part="action-error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(text(alert)).to.equal(
        'This is your only way to sign in. Add a password or another passkey before removing it.',
      );
      expect(rows(el), 'the passkey stays').to.have.length(1);
    } finally {
      el.remove();
    }
  });

  it('says when the server does not take passkeys', async () => {
    // Signed in on a server with passkeys; the password-only one shares its database and cookie.
    await signedIn();
    await (await settledStore(testServers.passwordOnly)).refresh();
    const el = create({ server: testServers.passwordOnly });
    document.body.append(el);
    try {
      await waitUntil(() => $(el, '[part="unsupported"]'), 'nothing was said');
      expect(text($(el, '[part="unsupported"]'))).to.equal('Passkeys are not enabled on this site.');
      expect($(el, '[part~="add-button"]')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('keeps a long name and its actions apart on a phone', async () => {
    const el = create();
    document.body.append(el);
    try {
      await withOnePasskey(el);
      $(el, '[part~="rename-button"]')!.click();
      await waitUntil(() => $(el, '[part~="rename-form"] input'));
      $<HTMLInputElement>(el, '[part~="rename-form"] input')!.value =
        'Fingerprint reader of the studio’s shared MacBookPro2024';
      $<HTMLFormElement>(el, '[part~="rename-form"]')!.requestSubmit();
      await waitUntil(() => text($(el, '[part="name"]'))?.startsWith('Fingerprint'), 'the new name did not show');
      await expectFitsPhone(el, 'acct-passkeys/long-name');
    } finally {
      el.remove();
    }
  });

  it('speaks French', async () => {
    const el = create({ lang: 'fr' });
    document.body.append(el);
    try {
      await withOnePasskey(el);
      expect(text($(el, 'h2'))).to.equal('Clés d’accès');
      expect(text($(el, '[part~="badge"]'))).to.equal('Cet appareil uniquement');
      expect(text($(el, '[part="name"]')), 'unnamed, in French').to.equal('Clé d’accès');
      expect($(el, '[part~="rename-button"]')!.getAttribute('aria-label')).to.equal('Renommer Clé d’accès');
      expect(text($(el, '[part="details"]'))).to.equal('Ajoutée maintenant · jamais utilisée');
      expect(text($(el, '[part~="add-button"]'))).to.equal('Ajouter une clé d’accès');
    } finally {
      el.remove();
    }
  });
});
