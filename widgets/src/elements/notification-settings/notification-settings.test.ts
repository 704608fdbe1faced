/**
 * `<acct-notification-settings>` against the real servers: one table per category with the
 * catalogue's defaults, security rows locked on with the reason, the push column enabled only
 * where the browser has Web Push (and a refused permission undoing the toggle, with the reason),
 * each change saved at once (read back from the server), a refused change undone with the reason,
 * quiet hours saved, the browsers receiving push listed with "Remove", and French.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import type { AcctErrorDetail, AcctNotificationPreferenceChangeDetail } from '../../core/events.js';
import { pushSupported } from '../../core/push.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import { $, element, nextEvent, signInNewAccount, signOutEverywhere, text } from '../../testing/helpers.js';
import { AcctNotificationSettings } from './define.js';

const server = testServers.instant;

beforeEach(() => signOutEverywhere());

const create = (attributes: Record<string, string> = {}): AcctNotificationSettings =>
  element('acct-notification-settings', { server, ...attributes });
const loaded = (el: AcctNotificationSettings) =>
  waitUntil(() => el.shadowRoot!.querySelectorAll('tr[data-event]').length > 0, 'the settings did not load', {
    timeout: 4000,
  });
const box = (el: AcctNotificationSettings, eventType: string, channel: string) =>
  $(el, `tr[data-event="${eventType}"] input[name="${channel}"]`) as HTMLInputElement;
const select = (el: AcctNotificationSettings, eventType: string) =>
  $(el, `tr[data-event="${eventType}"] select`) as HTMLSelectElement;

/** This page signed in to a new account; its store. */
const signedIn = async () => (await signInNewAccount(server)).store;

function change(control: HTMLInputElement | HTMLSelectElement, value?: string) {
  if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = !control.checked;
  else control.value = value ?? '';
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/**
 * Subscribes the signed-in user's browser as PushManager would hand it over: a real P-256 key and
 * a push service address (Chromium cannot reach a real push service here; nothing is sent to it).
 */
async function subscribeDevice(store: Awaited<ReturnType<typeof signedIn>>) {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const p256dh = base64url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const auth = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const endpoint = `https://push.example.com/send/${crypto.randomUUID()}`;
  return store.api.call('POST /api/push/subscriptions', { body: { endpoint, keys: { p256dh, auth } } });
}

const removeButtons = (el: AcctNotificationSettings) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="remove-device-button"]'),
];

runBaseSuite<AcctNotificationSettings>({
  tag: 'acct-notification-settings',
  elementClass: AcctNotificationSettings,
  states: [
    {
      name: 'signed out',
      create,
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]'), 'the signed-out slot did not show'),
    },
    {
      name: 'loaded',
      create,
      ready: async (el) => {
        await signedIn();
        await loaded(el);
      },
    },
    {
      name: 'quiet hours on, dark',
      create: () => create({ theme: 'dark' }),
      ready: async (el) => {
        await signedIn();
        await loaded(el);
        change($(el, '[name="quiet.enabled"]') as HTMLInputElement);
        await waitUntil(() => $(el, '[name="quiet.start"]'), 'the quiet-hours times did not show');
      },
    },
  ],
  events: [
    {
      name: 'saving a change',
      event: 'acct-notification-preference-change',
      create,
      ready: async (el) => {
        await signedIn();
        await loaded(el);
      },
      trigger: async (el) => change(box(el, 'comments', 'email')),
    },
  ],
});

describe('<acct-notification-settings>', () => {
  it('groups event types by category, locks security rows with the reason, and offers push where the browser can', async () => {
    const el = create();
    document.body.append(el);
    await signedIn();
    await loaded(el);
    const captions = [...el.shadowRoot!.querySelectorAll('caption')].map((c) => text(c));
    expect(captions).to.deep.equal(['Security', 'Activity', 'Updates', 'News and offers']);
    expect(box(el, 'new_sign_in', 'email').checked).to.equal(true);
    expect(box(el, 'new_sign_in', 'email').disabled).to.equal(true);
    expect(select(el, 'new_sign_in').disabled).to.equal(true);
    expect(text($(el, '[part="locked-note"]'))).to.contain('always on');
    expect(box(el, 'newsletter', 'email').checked, 'marketing email is opt-in').to.equal(false);
    expect(box(el, 'comments', 'push').disabled).to.equal(!pushSupported());
    expect(Boolean($(el, '[part="push-note"]'))).to.equal(!pushSupported());
    expect(box(el, 'comments', 'email').getAttribute('aria-label')).to.equal('Email: New comments');
    el.remove();
  });

  it('turns push back off, and says why, when the browser refuses to notify', async function () {
    if (!pushSupported()) this.skip();
    const el = create();
    document.body.append(el);
    await signedIn();
    await loaded(el);
    const realRequest = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = () => Promise.resolve('denied');
    try {
      const push = box(el, 'comments', 'push');
      if (push.checked) {
        const off = nextEvent(el, 'acct-notification-preference-change');
        change(push);
        await off;
      }
      const refused = nextEvent<AcctErrorDetail>(el, 'acct-error');
      change(box(el, 'comments', 'push'));
      await refused;
      await waitUntil(() => (text($(el, '[part="action-error"]')) ?? '').includes('did not allow notifications'));
      expect(box(el, 'comments', 'push').checked).to.equal(false);
    } finally {
      Notification.requestPermission = realRequest;
      el.remove();
    }
  });

  it('saves each change at once', async () => {
    const el = create();
    document.body.append(el);
    const store = await signedIn();
    await loaded(el);
    let saved = nextEvent<AcctNotificationPreferenceChangeDetail>(el, 'acct-notification-preference-change');
    change(box(el, 'comments', 'email'));
    expect((await saved).detail.eventType).to.equal('comments');
    saved = nextEvent(el, 'acct-notification-preference-change');
    change(select(el, 'mentions'), 'weekly');
    await saved;
    const settings = await store.api.call('GET /api/notifications/settings');
    const comments = settings.preferences.find((p) => p.eventType === 'comments')!;
    expect(comments.email).to.equal(false);
    expect(settings.preferences.find((p) => p.eventType === 'mentions')!.frequency).to.equal('weekly');
    await waitUntil(() => text($(el, '[part="notice"]')) === 'Saved.');
    el.remove();
  });

  it('undoes a change the server refuses, and says why', async () => {
    const el = create();
    document.body.append(el);
    await signedIn();
    await loaded(el);
    // The server refuses the next save (as it would a locked row).
    const realFetch = window.fetch;
    window.fetch = (input, init) =>
      init?.method === 'PUT'
        ? Promise.resolve(
            new Response(JSON.stringify({ error: { code: 'notification_locked', message: 'locked' } }), {
              status: 409,
              headers: { 'Content-Type': 'application/json' },
            }),
          )
        : realFetch(input, init);
    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    const target = box(el, 'comments', 'inApp');
    change(target);
    expect(target.checked, 'optimistic').to.equal(false);
    await failed;
    window.fetch = realFetch;
    await waitUntil(() => target.checked === true, 'the change was not undone');
    expect(text($(el, '[part="action-error"]'))).to.contain('undone');
    expect(text($(el, '[part="action-error"]'))).to.contain('Security notifications cannot be turned off');
    el.remove();
  });

  it('saves quiet hours in the browser’s time zone by default', async () => {
    const el = create();
    document.body.append(el);
    const store = await signedIn();
    await loaded(el);
    let saved = nextEvent(el, 'acct-notification-preference-change');
    change($(el, '[name="quiet.enabled"]') as HTMLInputElement);
    await saved;
    await waitUntil(() => $(el, '[name="quiet.start"]'));
    saved = nextEvent(el, 'acct-notification-preference-change');
    change($(el, '[name="quiet.start"]') as HTMLInputElement, '21:15');
    await saved;
    const { quietHours } = await store.api.call('GET /api/notifications/settings');
    expect(quietHours.enabled).to.equal(true);
    expect(quietHours.start).to.equal('21:15');
    expect(quietHours.timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    el.remove();
  });

  it('lists the browsers receiving push, newest first, and removes one', async () => {
    const store = await signedIn();
    const el = create();
    document.body.append(el);
    await loaded(el);
    await waitUntil(() => $(el, '[part="push-devices"] [part="empty"]'), 'no "no browser yet"');
    const older = await subscribeDevice(store);
    const newer = await subscribeDevice(store);
    el.remove();
    const again = create();
    document.body.append(again);
    await loaded(again);
    await waitUntil(() => removeButtons(again).length === 2, 'the push devices are not listed');
    const rows = [...again.shadowRoot!.querySelectorAll<HTMLElement>('[part="push-devices"] [part="item"]')];
    expect(rows.map((r) => r.dataset.device)).to.deep.equal([newer.subscription.id, older.subscription.id]);
    expect(text(rows[0]!.querySelector('[part="details"]'))).to.match(/^Added /);
    expect(text(rows[0]!.querySelector('.title'))).to.match(/Chrom/);
    expect(removeButtons(again)[0]!.getAttribute('aria-label')).to.match(/^Stop push notifications on /);

    removeButtons(again)[1]!.click();
    await waitUntil(() => removeButtons(again).length === 1, 'the device was not removed');
    expect(text($(again, '[part="notice"]'))).to.contain('no longer receives push notifications');
    const { devices } = await store.api.call('GET /api/push/subscriptions');
    expect(devices.map((d) => d.id)).to.deep.equal([newer.subscription.id]);

    // Removed meanwhile from another browser: the reason, and acct-error.
    await store.api.call('DELETE /api/push/subscriptions/:id', { params: { id: newer.subscription.id } });
    const failed = nextEvent<AcctErrorDetail>(again, 'acct-error');
    removeButtons(again)[0]!.click();
    expect((await failed).detail.code).to.equal('not_found');
    await waitUntil(() => $(again, '[part="action-error"]'), 'no reason shown');
    again.remove();
  });

  it('speaks French', async () => {
    const el = create({ lang: 'fr' });
    document.body.append(el);
    await signedIn();
    await loaded(el);
    expect(text($(el, 'caption'))).to.equal('Sécurité');
    el.remove();
  });
});
