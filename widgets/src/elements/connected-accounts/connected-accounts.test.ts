/**
 * `<acct-connected-accounts>` against the real servers, with linked accounts inserted through a
 * test server command as the OAuth flow would link them: the list (brand name, address, times),
 * unlinking after a confirmation, the last way to sign in explained in its row and refused by the
 * server when the list was stale, the empty state, and French.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import type { AcctAccountUnlinkedDetail, AcctErrorDetail } from '../../core/events.js';
import { expectConfirmationByKeyboard } from '../../testing/confirmation.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import {
  $,
  createAccount,
  element,
  nextEvent,
  settledStore,
  signInNewAccount,
  signOutEverywhere,
  text,
} from '../../testing/helpers.js';
import { AcctConnectedAccounts } from './define.js';

const server = testServers.instant;

beforeEach(() => signOutEverywhere());

const rows = (el: AcctConnectedAccounts) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[part~="item"]')];
const create = (attributes: Record<string, string> = {}): AcctConnectedAccounts =>
  element('acct-connected-accounts', { server, ...attributes });
const listed = (count: number) => (el: AcctConnectedAccounts) =>
  waitUntil(
    () => rows(el).length === count && !$(el, '[part="status"]'),
    `acct-connected-accounts did not list ${count} accounts`,
    { timeout: 4000 },
  );
const showsEmpty = (el: AcctConnectedAccounts) =>
  waitUntil(() => $(el, '[part="empty"]'), 'the empty list did not show');

/** Links a provider account to the account at `email`; its id. */
async function link(email: string, provider: string, providerEmail: string | null = null): Promise<string> {
  const id = await executeServerCommand<string, Record<string, unknown>>('acct-link-account', {
    email,
    provider,
    providerEmail,
  });
  if (!id) throw new Error(`could not link ${provider} to ${email}`);
  return id;
}

/**
 * This page signed in on `server` with a new account, and `providers` linked to it; `before` runs
 * before the sign-in, so that the elements load a list that already shows it.
 */
function signedIn(providers: string[], before?: (email: string) => Promise<unknown>) {
  return signInNewAccount(server, {
    before: async (email) => {
      for (const provider of providers) await link(email, provider, `${provider}@example.test`);
      await before?.(email);
    },
  });
}

/** Leaves the account no way to sign in but its linked accounts. */
const linkedAccountsOnly = (email: string) => executeServerCommand('acct-leave-linked-accounts-only', { email });

/**
 * This page signed in, through its provider, to a new account whose only way to sign in is its
 * linked `provider` account. Made so before the sign-in: made after it, the change would race the
 * list the sign-in loads (on PostgreSQL the list often won, and the test failed).
 */
async function signedInWithLinkedAccountOnly(provider: string) {
  const account = await createAccount();
  await link(account.email, provider, `${provider}@example.test`);
  await linkedAccountsOnly(account.email);
  const code = await executeServerCommand<string, Record<string, unknown>>('acct-provider-sign-in-code', {
    email: account.email,
    provider,
  });
  const store = await settledStore(server);
  await store.exchangeCode(code!, { confirm: true });
  return { ...account, store };
}

async function withLastMethod(el: AcctConnectedAccounts): Promise<void> {
  await signedInWithLinkedAccountOnly('github');
  await listed(1)(el);
  await waitUntil(() => $(el, '.last-method'), 'the last way to sign in was not explained');
}

runBaseSuite<AcctConnectedAccounts>({
  tag: 'acct-connected-accounts',
  elementClass: AcctConnectedAccounts,
  states: [
    {
      name: 'signed out',
      create,
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]'), 'the signed-out slot did not show'),
    },
    {
      name: 'no account connected',
      create,
      ready: async (el) => {
        await signedIn([]);
        await showsEmpty(el);
      },
    },
    {
      name: 'two accounts, dark',
      create: () => create({ theme: 'dark' }),
      ready: async (el) => {
        await signedIn(['google', 'github']);
        await listed(2)(el);
      },
    },
    {
      name: 'confirming an unlinking',
      create,
      ready: async (el) => {
        await signedIn(['google']);
        await listed(1)(el);
        $(el, '[part~="unlink-button"]')!.click();
        await waitUntil(() => $(el, '[part~="confirm"]'));
      },
    },
    { name: 'the last way to sign in', create, ready: withLastMethod },
    {
      name: 'server unreachable',
      create: () => create({ server: testServers.unreachable }),
      ready: (el) => waitUntil(() => $(el, '[part~="retry-button"]'), 'no retry button'),
    },
  ],
  events: [
    {
      name: 'unlinking an account',
      event: 'acct-account-unlinked',
      create,
      ready: async (el) => {
        await signedIn(['google']);
        await listed(1)(el);
      },
      trigger: async (el) => {
        $(el, '[part~="unlink-button"]')!.click();
        await waitUntil(() => $(el, '[part~="confirm-button"]'));
        $(el, '[part~="confirm-button"]')!.click();
      },
    },
  ],
});

describe('<acct-connected-accounts>', () => {
  it('lists the accounts with their brand name, address and times, and unlinks one after confirming', async () => {
    await signedIn(['google', 'my-oidc']);
    const el = create();
    document.body.append(el);
    try {
      await listed(2)(el);
      expect(rows(el).map((row) => text($(row, '[part="name"]')))).to.deep.equal(['Google', 'my-oidc']);
      expect(text($(rows(el)[0]!, '.email'))).to.equal('google@example.test');
      expect(text($(rows(el)[0]!, '[part="details"]'))).to.equal('Connected now · not used to sign in yet');

      // Cancelling keeps it, and gives focus back to its button.
      $(rows(el)[0]!, '[part~="unlink-button"]')!.click();
      await waitUntil(() => $(el, '[part~="cancel-button"]'));
      expect(text($(el, '[part~="confirm"] p'))).to.equal('Unlink Google? You will no longer sign in with it.');
      $(el, '[part~="cancel-button"]')!.click();
      await waitUntil(() => !$(el, '[part~="confirm"]'));
      await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~="unlink-button"]'), 'focus did not return');
      await expectConfirmationByKeyboard(el, () => $(rows(el)[0]!, '[part~="unlink-button"]')!);

      const unlinked = nextEvent<AcctAccountUnlinkedDetail>(el, 'acct-account-unlinked');
      $(rows(el)[0]!, '[part~="unlink-button"]')!.click();
      await waitUntil(() => $(el, '[part~="confirm-button"]'));
      $(el, '[part~="confirm-button"]')!.click();
      expect((await unlinked).detail.account.provider).to.equal('google');
      await listed(1)(el);
      await waitUntil(() => text($(el, '[part="notice"]')) === 'Google is unlinked.', 'no announcement');
      await waitUntil(
        () => el.shadowRoot!.activeElement === $(el, 'h2'),
        'focus did not go to the heading, the row is gone',
      );
    } finally {
      el.remove();
    }
  });

  it('explains, in its row, why the last way to sign in cannot be unlinked', async () => {
    const el = create();
    document.body.append(el);
    try {
      await withLastMethod(el);
      // A boolean, never the element: a failed assertion holding a DOM node makes Web Test Runner
      // lose the page while it reports, and the whole file hangs instead of failing.
      expect(Boolean($(el, '[part~="unlink-button"]')), 'an Unlink button').to.equal(false);
      expect(text($(el, '.last-method'))).to.equal(
        'This is your only way to sign in, so it cannot be unlinked. Add a password or a passkey first.',
      );
    } finally {
      el.remove();
    }
  });

  it('shows the server’s refusal in the row when the list was stale', async () => {
    const { email } = await signedIn(['gitlab']);
    const el = create();
    document.body.append(el);
    try {
      await listed(1)(el);
      await linkedAccountsOnly(email);
      const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
      $(el, '[part~="unlink-button"]')!.click();
      await waitUntil(() => $(el, '[part~="confirm-button"]'));
      $(el, '[part~="confirm-button"]')!.click();
      expect((await failed).detail.code).to.equal('last_sign_in_method');
      expect($(rows(el)[0]!, '[part="action-error"]')).to.exist;
      expect(rows(el)).to.have.length(1);
      await waitUntil(
        () => el.shadowRoot!.activeElement === $(rows(el)[0]!, '[part~="unlink-button"]'),
        'focus did not go back to the row, where its error is',
      );
    } finally {
      el.remove();
    }
  });

  it('speaks French', async () => {
    await signedIn(['github']);
    const el = create({ lang: 'fr' });
    document.body.append(el);
    try {
      await listed(1)(el);
      expect(text($(el, '[part="title"]'))).to.equal('Comptes connectés');
      expect(text($(el, '[part~="unlink-button"]'))).to.equal('Dissocier');
    } finally {
      el.remove();
    }
  });

  it('explains the provider’s refusal it finds in the address, and takes it out of the address', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#acct_link_error=already_linked`);
    const el = create();
    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    document.body.append(el);
    try {
      expect(location.hash).to.equal('');
      await signedIn(['google']);
      await listed(1)(el);
      expect((await failed).detail.code).to.equal('already_linked');
      await waitUntil(() => $(el, '[part="link-error"]'), 'the refusal was not shown');
      expect(text($(el, '[part="link-error"]'))).to.equal(
        'This account is already linked to another of our accounts. Sign in with it to use that one.',
      );
    } finally {
      el.remove();
    }
  });

  it('refuses an expired link code from the address with a translated message', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#acct_link=${'x'.repeat(43)}`);
    const el = create({ lang: 'fr' });
    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    document.body.append(el);
    try {
      await signedIn([]);
      expect((await failed).detail.code).to.equal('link_expired');
      await waitUntil(() => $(el, '[part="link-error"]'), 'the refusal was not shown');
      expect(text($(el, '[part="link-error"]'))).to.equal(
        'Cette demande d’association a expiré ou a déjà servi. Réessayez.',
      );
    } finally {
      el.remove();
    }
  });

  it('offers the providers not linked yet, and explains a link that could not start', async () => {
    await signedIn(['google']);
    const el = create({ server: testServers.oauthDown });
    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    document.body.append(el);
    try {
      await listed(1)(el);
      await waitUntil(() => $(el, '[part~="link-button"]'), 'no Link button');
      expect(text($(el, '[part~="link-button"]'))).to.equal('Link Test Provider');
      // The provider's issuer is down: the start is refused with a stable code, and the page stays.
      const page = location.href;
      $(el, '[part~="link-button"]')!.click();
      expect((await failed).detail.code).to.equal('link_failed');
      expect(text($(el, '[part="link-error"]'))).to.equal('Linking did not complete. Try again.');
      expect(location.href).to.equal(page);
    } finally {
      el.remove();
    }
  });
});
