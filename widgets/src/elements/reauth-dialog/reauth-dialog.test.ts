/**
 * `<acct-reauth-dialog>` against the real servers: a sensitive action that the server refuses
 * with 403 `reauthentication_required` (an old session) shows the dialog on top of the page; a
 * wrong password is explained in place, the right one closes it and the original action is
 * retried and succeeds, without signing out; a passkey (Chromium's virtual authenticator) proves
 * it as well; Escape refuses, with focus back where it was; modal, labelled, translated.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import { sessionStore } from '../../core/session-store.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import {
  $,
  element,
  PASSWORD,
  settledStore,
  signInNewAccount,
  signOutEverywhere,
  text,
} from '../../testing/helpers.js';
import { inReauthDialog, proveWithPassword, reauthDialog, reauthDialogShown } from '../../testing/reauth.js';
import { accountWithPasskey, ageSession, virtualAuthenticator } from '../../testing/webauthn.js';
import '../passkeys/define.js';
import { AcctReauthDialog } from './define.js';

const server = testServers.instant;

/** A dialog as the store makes one, proving through the page's store for `server`. */
const dialogElement = (attributes: Record<string, string> = {}) => {
  const el = element('acct-reauth-dialog', attributes);
  el.api = sessionStore(server).api;
  return el;
};
const methodsShown = (el: AcctReauthDialog) =>
  waitUntil(() => $(el, '#secret, .passkey, [part="error"]:not(:empty)'), 'the dialog did not settle', {
    timeout: 4000,
  });

describe('<acct-reauth-dialog>', () => {
  before(async () => {
    await signOutEverywhere();
    await signInNewAccount(server);
  });

  runBaseSuite<AcctReauthDialog>({
    tag: 'acct-reauth-dialog',
    elementClass: AcctReauthDialog,
    states: [
      { name: 'asking for the password', create: () => dialogElement(), ready: methodsShown },
      { name: 'asking, dark', create: () => dialogElement({ theme: 'dark' }), ready: methodsShown },
    ],
    events: [
      {
        name: 'Cancel',
        event: 'acct-reauth-answered',
        create: () => dialogElement(),
        ready: methodsShown,
        trigger: async (el) => $(el, '[part~="cancel-button"]')!.click(),
      },
    ],
  });
});

describe('re-authentication in place', () => {
  beforeEach(signOutEverywhere);
  afterEach(() => document.querySelectorAll('acct-reauth-dialog').forEach((el) => el.remove()));

  it('shows the dialog when an action is refused; a wrong password is explained, the right one retries the action', async () => {
    const { store } = await signInNewAccount(server);
    const sessionId = store.session!.id;
    await ageSession(sessionId);
    const el = element('acct-passkeys', { server });
    document.body.append(el);
    await virtualAuthenticator.add();
    try {
      await waitUntil(() => $(el, '[part="empty"]'), 'the empty list did not show');
      $(el, '[part~="add-button"]')!.click();

      const dialog = await reauthDialogShown();
      const box = inReauthDialog('dialog')!;
      expect(box.matches(':modal'), 'modal').to.equal(true);
      expect(box.getAttribute('aria-labelledby')).to.equal('title');
      expect(text(inReauthDialog('#title'))).to.equal('Confirm it’s you');
      expect(dialog.shadowRoot!.activeElement, 'focus on the password').to.equal(inReauthDialog('#secret'));
      expect(inReauthDialog('.passkey'), 'no passkey yet, so none offered').to.equal(null);

      await proveWithPassword('not the password');
      await waitUntil(() => text(inReauthDialog('[part="error"]')), 'the refusal was not shown');
      expect(text(inReauthDialog('[part="error"]'))).to.equal('That did not prove it’s you. Try again.');
      expect(reauthDialog(), 'still asking').to.not.equal(null);

      await proveWithPassword(PASSWORD);
      await waitUntil(
        () => el.shadowRoot!.querySelectorAll('li[part~="item"]').length === 1,
        'the passkey was not added',
        {
          timeout: 6000,
        },
      );
      expect(reauthDialog(), 'the dialog is gone').to.equal(null);
      expect(store.status).to.equal('signed-in');
      expect(store.session!.id, 'the same session: nobody signed out').to.equal(sessionId);
    } finally {
      el.remove();
      await virtualAuthenticator.remove();
    }
  });

  it('proves it with a passkey, then the refused call goes through', async () => {
    await virtualAuthenticator.add();
    try {
      const { email, passkey } = await accountWithPasskey(server);
      const store = await settledStore(server);
      await store.signIn({ email, password: PASSWORD });
      await ageSession(store.session!.id);
      const removal = store.api.call('DELETE /api/passkeys/:id', { params: { id: passkey.id } });
      await reauthDialogShown();
      inReauthDialog('[part~="passkey-button"]')!.click();
      expect((await removal).removed).to.equal(true);
      expect(reauthDialog()).to.equal(null);
    } finally {
      await virtualAuthenticator.remove();
    }
  });

  it('Escape refuses: the call fails with its own error, and focus returns where it was', async () => {
    const { store } = await signInNewAccount(server);
    await ageSession(store.session!.id);
    const button = document.createElement('button');
    button.textContent = 'Somewhere';
    document.body.append(button);
    button.focus();
    try {
      const refused = store.api.call('POST /api/passkeys/register/options').catch((error: unknown) => error);
      await reauthDialogShown();
      await sendKeys({ press: 'Escape' });
      expect(await refused).to.include({ code: 'reauthentication_required', status: 403 });
      expect(reauthDialog()).to.equal(null);
      expect(document.activeElement).to.equal(button);
    } finally {
      button.remove();
    }
  });

  it('speaks French', async () => {
    await signInNewAccount(server);
    const el = dialogElement({ lang: 'fr' });
    document.body.append(el);
    await methodsShown(el);
    expect(text($(el, '#title'))).to.equal('Confirmez que c’est vous');
    expect(text($(el, 'label'))).to.equal('Mot de passe');
    $(el, '[part~="cancel-button"]')!.click();
  });
});
