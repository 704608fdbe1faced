/**
 * `<acct-delete-account>` against the real servers: the delete button waits for the typed address;
 * asking schedules the deletion, signs the page out (every session ended) and shows the date;
 * signed in again during the grace period, the date shows with "Cancel deletion" — here, in
 * `<acct-user-button>` and in `<acct-login>`'s signed-in panel — and cancelling keeps the account;
 * an old sign-in is refused with a way to sign in again; French.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import type { AcctDeletionRequestedDetail, AcctErrorDetail } from '../../core/events.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import { $, element, nextEvent, PASSWORD, signInNewAccount, signOutEverywhere, text } from '../../testing/helpers.js';
import { cancelReauth } from '../../testing/reauth.js';
import { ageSession } from '../../testing/webauthn.js';
import '../login/define.js';
import '../user-button/define.js';
import { AcctDeleteAccount } from './define.js';

const server = testServers.instant;
const DAY = 86_400_000;

beforeEach(() => signOutEverywhere());

const create = (attributes: Record<string, string> = {}): AcctDeleteAccount =>
  element('acct-delete-account', { server, ...attributes });

/** This page signed in on `server` to a new password account. */
const signedIn = () => signInNewAccount(server);

/** A signed-in page whose account is scheduled for deletion (asked for, then signed in again). */
async function signedInDuringGrace() {
  const account = await signedIn();
  await account.store.api.call('POST /api/me/deletion', { body: { confirmEmail: account.email } });
  await account.store.signOut();
  await account.store.signIn({ email: account.email, password: PASSWORD });
  return account;
}

const showsForm = (el: AcctDeleteAccount) => waitUntil(() => $(el, '[part~="delete-button"]'), 'no form');
const showsCancel = (el: AcctDeleteAccount) =>
  waitUntil(() => $(el, '[part~="cancel-deletion-button"]'), 'no "Cancel deletion"');

/** Types into the address field as a user would. */
function type(el: AcctDeleteAccount, value: string): void {
  const input = $<HTMLInputElement>(el, '#confirm-email')!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function confirmAndSubmit(el: AcctDeleteAccount, email: string): Promise<void> {
  type(el, email);
  await el.updateComplete;
  $(el, '[part~="delete-button"]')!.click();
}

runBaseSuite<AcctDeleteAccount>({
  tag: 'acct-delete-account',
  elementClass: AcctDeleteAccount,
  states: [
    {
      name: 'signed out',
      create,
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]'), 'the signed-out slot did not show'),
    },
    {
      name: 'the form',
      create,
      ready: async (el) => {
        await signedIn();
        await showsForm(el);
      },
    },
    {
      name: 'scheduled, dark',
      create: () => create({ theme: 'dark' }),
      ready: async (el) => {
        await signedInDuringGrace();
        await showsCancel(el);
      },
    },
  ],
  events: [
    {
      name: 'asking for the deletion',
      event: 'acct-deletion-requested',
      create,
      ready: async (el) => {
        const { email } = await signedIn();
        await showsForm(el);
        type(el, email);
        await el.updateComplete;
      },
      trigger: async (el) => $(el, '[part~="delete-button"]')!.click(),
    },
    {
      name: 'cancelling the deletion',
      event: 'acct-deletion-cancelled',
      create,
      ready: async (el) => {
        await signedInDuringGrace();
        await showsCancel(el);
      },
      trigger: async (el) => $(el, '[part~="cancel-deletion-button"]')!.click(),
    },
    {
      name: 'a refused deletion',
      event: 'acct-error',
      create,
      ready: async (el) => {
        const { store, email } = await signedIn();
        await ageSession(store.session!.id);
        await showsForm(el);
        type(el, email);
        await el.updateComplete;
      },
      trigger: async (el) => {
        $(el, '[part~="delete-button"]')!.click();
        // The refusal reaches the element once the user declines to confirm it is them.
        await cancelReauth();
      },
    },
  ],
});

describe('<acct-delete-account>', () => {
  it('explains what happens, and deletes only once the address is typed; then shows the date, signed out', async () => {
    const { email, store } = await signedIn();
    const el = create();
    document.body.append(el);
    try {
      await showsForm(el);
      // The server's grace period (GET /api/config), before anything is asked.
      await waitUntil(
        () => text($(el, '[part="description"]'))?.includes('deleted 30 days after you ask'),
        'no grace days',
      );
      const explained = text($(el, '[part="description"]'));
      expect(explained).to.include('grace period');
      expect(explained).to.include('longest-standing admin');
      const button = $<HTMLButtonElement>(el, '[part~="delete-button"]')!;
      expect(button.disabled, 'disabled before typing').to.equal(true);
      type(el, 'not-my-address@example.test');
      await el.updateComplete;
      expect(button.disabled, 'disabled for another address').to.equal(true);
      $<HTMLSelectElement>(el, '#reason')!.value = 'privacy';

      const requested = nextEvent<AcctDeletionRequestedDetail>(el, 'acct-deletion-requested');
      const before = Date.now();
      await confirmAndSubmit(el, email.toUpperCase());
      const { scheduledFor } = (await requested).detail;
      expect(Math.round((Date.parse(scheduledFor) - before) / DAY)).to.equal(30);
      await waitUntil(() => store.status === 'signed-out', 'the page was not signed out');
      await waitUntil(() => $(el, '[part="notice"]'), 'no date shown');
      const date = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(scheduledFor));
      expect(text($(el, '[part="notice"]'))).to.equal(`Your account will be deleted on ${date}.`);
      expect($(el, '[part~="cancel-deletion-button"]'), 'no cancel while signed out').to.equal(null);
      // Every session ended on the server: a new sign-in is needed.
      const me = await fetch(`${server}/api/me`, { credentials: 'include' });
      expect(me.status).to.equal(401);
    } finally {
      el.remove();
    }
  });

  it('signed in again during the grace period: the date with "Cancel deletion" here, in the user button and the login card', async () => {
    const { store } = await signedInDuringGrace();
    const scheduledFor = store.user!.deletionScheduledFor!;
    expect(scheduledFor).to.be.a('string');
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(scheduledFor));
    const el = create();
    const button = element('acct-user-button', { server });
    const login = element('acct-login', { server });
    document.body.append(el, button, login);
    try {
      await showsCancel(el);
      expect(text($(el, '[part="notice"]'))).to.equal(`Your account will be deleted on ${date}.`);
      await waitUntil(() => $(button, '[part="deletion-notice"]'), 'no notice in the user button');
      expect(text($(button, '[part="deletion-notice"] p'))).to.equal(
        `Your account is scheduled for deletion on ${date}.`,
      );
      await waitUntil(() => $(login, '[part="deletion-notice"]'), 'no notice in the login card');
      expect($(login, '[part~="cancel-deletion-button"]')).to.exist;

      const cancelled = nextEvent(el, 'acct-deletion-cancelled');
      $(el, '[part~="cancel-deletion-button"]')!.click();
      await cancelled;
      await waitUntil(
        () => text($(el, '[role="status"] [part="notice"]')) === 'The deletion is cancelled: your account stays.',
      );
      await showsForm(el);
      await waitUntil(() => !$(button, '[part="deletion-notice"]'), 'the user button still shows the notice');
      await waitUntil(() => !$(login, '[part="deletion-notice"]'), 'the login card still shows the notice');
      expect(store.status).to.equal('signed-in');
      expect((await store.api.call('GET /api/me/deletion')).deletion).to.equal(null);
    } finally {
      el.remove();
      button.remove();
      login.remove();
    }
  });

  it('the user button cancels too', async () => {
    await signedInDuringGrace();
    const button = element('acct-user-button', { server });
    document.body.append(button);
    try {
      await waitUntil(() => $(button, '[part~="cancel-deletion-button"]'), 'no cancel in the user button');
      const cancelled = nextEvent(button, 'acct-deletion-cancelled');
      $(button, '[part~="cancel-deletion-button"]')!.click();
      await cancelled;
      await waitUntil(() => !$(button, '[part="deletion-notice"]'));
    } finally {
      button.remove();
    }
  });

  it('asks for a fresh sign-in long after signing in, and offers it', async () => {
    const { store, email } = await signedIn();
    await ageSession(store.session!.id);
    const el = create();
    document.body.append(el);
    try {
      await showsForm(el);
      const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
      await confirmAndSubmit(el, email);
      await cancelReauth();
      expect((await failed).detail).to.deep.include({ code: 'reauthentication_required', status: 403 });
      await waitUntil(() => $(el, '[part="form-error"]'));
      expect(text($(el, '[part="form-error"]'))).to.include('confirm it’s you');
      expect(store.status, 'nothing ended').to.equal('signed-in');
      $(el, '[part~="sign-in-button"]')!.click();
      await waitUntil(() => store.status === 'signed-out', 'not signed out to sign in again');
    } finally {
      el.remove();
    }
  });

  it('speaks French', async () => {
    await signedIn();
    const el = create({ lang: 'fr' });
    document.body.append(el);
    try {
      await showsForm(el);
      expect(text($(el, '[part="title"]'))).to.equal('Supprimer votre compte');
      expect(text($(el, '[part~="delete-button"]'))).to.equal('Supprimer mon compte');
    } finally {
      el.remove();
    }
  });
});
