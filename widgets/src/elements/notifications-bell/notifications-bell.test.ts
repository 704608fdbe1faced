/**
 * `<acct-notifications-bell>` against the real servers, with notifications put in the feed by a
 * test server command as the dispatcher would deliver them: the unread badge and the bell's
 * name, the panel's list (links only to https), marking one and all read, a notification arriving
 * while the page is open showing up by itself (polling), Escape closing the panel, the panel kept
 * on the screen wherever the bell sits (phone or wide screen), the site's texts in their own
 * direction on an Arabic page, and French.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import type { AcctNotificationsChangeDetail } from '../../core/events.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import { popoverOffScreen } from '../../testing/layout.js';
import { drawnLeftToRight } from '../../testing/rtl.js';
import {
  $,
  element,
  nextEvent,
  requestsDuring,
  signInNewAccount,
  signOutEverywhere,
  text,
} from '../../testing/helpers.js';
import { AcctNotificationsBell } from './define.js';

const server = testServers.instant;

beforeEach(() => signOutEverywhere());

const create = (attributes: Record<string, string> = {}): AcctNotificationsBell =>
  element('acct-notifications-bell', { server, 'poll-interval': '5', ...attributes });
const rows = (el: AcctNotificationsBell) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[part~="item"]')];
const badge = (el: AcctNotificationsBell) => text($(el, '[part="count"]')) ?? '';
const bell = (el: AcctNotificationsBell) => $(el, '[part="bell"]')! as HTMLButtonElement;

async function notify(email: string, title: string, extra: { body?: string; url?: string | null } = {}) {
  const id = await executeServerCommand<string, Record<string, unknown>>('acct-notify', { email, title, ...extra });
  if (!id) throw new Error(`could not notify ${email}`);
  return id;
}

/**
 * This page signed in with a new account that has `titles` in its feed (oldest first), and what
 * `before` puts there too before the sign-in, so that the first load already shows them.
 */
function signedIn(titles: string[] = [], before?: (email: string) => Promise<unknown>) {
  return signInNewAccount(server, {
    before: async (email) => {
      for (const title of titles) await notify(email, title);
      await before?.(email);
    },
  });
}

const showsCount = (count: number) => (el: AcctNotificationsBell) =>
  waitUntil(
    () => (count === 0 ? !$(el, '[part="count"]') : badge(el) === String(count)),
    `the badge did not show ${count}`,
    {
      timeout: 4000,
    },
  );

async function opened(el: AcctNotificationsBell, count: number) {
  if (bell(el).getAttribute('aria-expanded') !== 'true') bell(el).click();
  await waitUntil(() => rows(el).length === count, `the panel did not list ${count}`, { timeout: 4000 });
}

runBaseSuite<AcctNotificationsBell>({
  tag: 'acct-notifications-bell',
  elementClass: AcctNotificationsBell,
  states: [
    { name: 'signed out, closed', create, ready: (el) => waitUntil(() => bell(el), 'no bell') },
    {
      name: 'open, empty',
      create,
      ready: async (el) => {
        await signedIn();
        bell(el).click();
        await waitUntil(() => $(el, '[part="empty"]'), 'the empty feed did not show');
      },
    },
    {
      name: 'open, unread and read, dark',
      create: () => create({ theme: 'dark' }),
      ready: async (el) => {
        await signedIn(['Ada commented on “Launch plan”'], (email) =>
          notify(email, 'Your export is ready', {
            body: 'Download it within 7 days.',
            url: 'https://example.test/export',
          }),
        );
        await showsCount(2)(el);
        await opened(el, 2);
      },
    },
    {
      name: 'server unreachable',
      create: () => create({ server: testServers.unreachable }),
      ready: (el) => waitUntil(() => bell(el), 'no bell'),
    },
  ],
  events: [
    {
      name: 'marking all read',
      event: 'acct-notifications-change',
      create,
      ready: async (el) => {
        await signedIn(['One']);
        await showsCount(1)(el);
        await opened(el, 1);
      },
      trigger: async (el) => {
        $(el, '[part~="mark-all-button"]')!.click();
      },
    },
  ],
});

describe('<acct-notifications-bell>', () => {
  it('shows the unread count on the bell and in its name, lists newest first, and links only to https', async () => {
    const el = create();
    document.body.append(el);
    await signedIn(['First'], async (email) => {
      await notify(email, 'Second', { url: 'https://example.test/second' });
      await notify(email, 'Third', { url: 'javascript:alert(1)' });
    });
    await showsCount(3)(el);
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications, 3 unread');
    await opened(el, 3);
    expect(rows(el).map((r) => text(r.querySelector('.title'))?.replace('Unread: ', ''))).to.deep.equal([
      'Third',
      'Second',
      'First',
    ]);
    expect(rows(el)[1]!.querySelector('a')!.getAttribute('href')).to.equal('https://example.test/second');
    expect(rows(el)[0]!.querySelector('a'), 'a javascript: address is not a link').to.equal(null);
    el.remove();
  });

  it('marks one and then all read', async () => {
    const el = create();
    document.body.append(el);
    await signedIn(['A', 'B', 'C']);
    await opened(el, 3);
    const changed = nextEvent<AcctNotificationsChangeDetail>(el, 'acct-notifications-change');
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="mark-read-button"]')!.click();
    expect((await changed).detail.unreadCount).to.equal(2);
    await showsCount(2)(el);
    expect(rows(el)[0]!.querySelector('[part~="mark-read-button"]')).to.equal(null);
    $(el, '[part~="mark-all-button"]')!.click();
    await showsCount(0)(el);
    expect(el.shadowRoot!.querySelectorAll('[part~="unread-item"]').length).to.equal(0);
    el.remove();
  });

  it('shows a notification that arrives while the page is open, by itself', async () => {
    const el = create();
    document.body.append(el);
    const { email } = await signedIn();
    await waitUntil(() => bell(el).getAttribute('aria-label') === 'Notifications', 'not loaded');
    await notify(email, 'Arrived later');
    await waitUntil(() => badge(el) === '1', 'the poll did not bring the new notification', { timeout: 9000 });
    el.remove();
  });

  it('reads nothing on refresh() or on opening while nobody is signed in, asking the server nothing', async () => {
    const el = create();
    const sent = await requestsDuring(async () => {
      document.body.append(el);
      await el.refresh();
      bell(el).click();
      await el.updateComplete;
    });
    expect(sent.filter((url) => url.includes('/api/notifications'))).to.deep.equal([]);
    el.remove();
  });

  it('closes on Escape and gives focus back to the bell', async () => {
    const el = create();
    document.body.append(el);
    await signedIn(['X']);
    await opened(el, 1);
    $(el, '[part="panel"]')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await waitUntil(() => bell(el).getAttribute('aria-expanded') === 'false');
    expect(el.shadowRoot!.activeElement).to.equal(bell(el));
    el.remove();
  });

  it('keeps the open panel on the screen wherever the bell is, on a phone or a wide screen, in either direction', async () => {
    // A bell at the start of the page (of a header): the panel, opening at its inline end, went
    // off the screen, "Mark all as read" out of reach (or, right to left, scrolled the page sideways).
    await signedIn(['X']);
    const problems = await popoverOffScreen(
      (dir) => create(dir ? { dir } : {}),
      async (el) => {
        await opened(el as AcctNotificationsBell, 1);
        return $(el, '[part="panel"]')!;
      },
    );
    expect(problems).to.deep.equal([]);
  });

  it("keeps a notification written in another language than the page's in its own direction", async () => {
    const el = create({ lang: 'ar' });
    document.body.append(el);
    await signedIn([], (email) => notify(email, 'Maria commented on “Run sheet”', { body: 'Two new lines.' }));
    await opened(el, 1);
    // Drawn as written, quote and full stop at the end, not moved to the start of the line.
    expect(drawnLeftToRight(el.shadowRoot!, 'sheet”'), 'title').to.equal(true);
    expect(drawnLeftToRight(el.shadowRoot!, 'lines.'), 'body').to.equal(true);
    el.remove();
  });

  it('speaks French', async () => {
    const el = create({ lang: 'fr' });
    document.body.append(el);
    await signedIn(['Un', 'Deux']);
    await showsCount(2)(el);
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications, 2 non lues');
    await opened(el, 2);
    expect(text($(el, '[part~="mark-all-button"]'))).to.equal('Tout marquer comme lu');
    el.remove();
  });
});
