/**
 * The second step of a sign-in that an emailed link or a provider's redirect started, on a page
 * with no `<acct-login>` to ask for it: the link comes back to the site's destination (an account
 * page, say), and an account with two-step verification would be left signed out there, its
 * waiting sign-in shown nowhere. The session store then opens an `<acct-login>` of its server in a
 * modal dialog on top of the page — the card shows the second step alone — and removes it once the
 * sign-in is complete or dropped ("Start over", Escape). A chunk of its own, fetched only then.
 */
import type { Presenter, SessionStore } from '../../core/session-store.js';
import { AcctLogin } from './define.js';

export function askSecondStep(store: SessionStore, presenter: Presenter | null): void {
  // An `<acct-login>` of this server on the page asks for it itself (login-second-factor.ts).
  if (AcctLogin.onPage.some((login) => login.showsSecondStepOf(store))) return;
  const host = document.createElement('div');
  const dialog = document.createElement('dialog');
  const login = document.createElement('acct-login');
  login.server = store.serverUrl;
  if (presenter?.lang) login.lang = presenter.lang;
  if (presenter?.theme === 'dark' || presenter?.theme === 'auto') login.theme = presenter.theme;
  // Named by the card's title, read when the step takes focus (a name cannot point into a shadow
  // root, and the step's strings arrive on demand).
  login.addEventListener('focusin', () =>
    dialog.setAttribute('aria-label', login.shadowRoot?.querySelector('h2')?.textContent?.trim() ?? ''),
  );
  // Its own shadow root: the page's styles for `dialog` do not reach it.
  host.attachShadow({ mode: 'open' }).append(
    Object.assign(document.createElement('style'), {
      textContent:
        'dialog{padding:0;border:0;background:none;max-width:calc(100vw - 1rem)}dialog::backdrop{background:#0007}',
    }),
    dialog,
  );
  dialog.append(login);
  const close = store.subscribe(() => {
    if (store.secondFactor && store.status !== 'signed-in') return;
    close();
    host.remove();
  });
  // Escape drops the waiting sign-in, as "Start over" does; the subscription then removes the dialog.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    store.cancelSecondFactor();
  });
  document.body.append(host);
  dialog.showModal();
}
