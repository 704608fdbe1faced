/**
 * Web Push in the page (core/push.ts) in Chromium, against the real bearer test server. Headless
 * Chromium has no push service to reach (PushManager.subscribe needs the browser vendor's, over
 * the network), so the browser's `subscribe()` is replaced by one that hands back what a browser
 * would — a real P-256 key made with WebCrypto and a 16-byte auth secret — and the test checks what
 * enablePush does around it: permission first, acct's worker (widgets/dist/acct-sw.js) registered
 * under its own scope, the server's VAPID key passed as applicationServerKey, and a subscription
 * the server accepts. The server's side (encryption, VAPID, delivery) is server/modules/push.
 */
import { expect } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { ApiClient } from './api-client.js';
import { disablePush, enablePush, pushSupported } from './push.js';
import { createAccount } from '../testing/helpers.js';

/** The bundle's worker, as the test page's origin serves the repository. */
const WORKER_URL = '/widgets/dist/acct-sw.js';

const base64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** What PushManager.subscribe() would give: a subscription on a push service's https address. */
async function browserLikeSubscription(applicationServerKey: ArrayBuffer) {
  const keyPair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const p256dh = base64url(await crypto.subtle.exportKey('raw', keyPair.publicKey));
  const auth = base64url(crypto.getRandomValues(new Uint8Array(16)).buffer);
  const endpoint = `https://push.example.com/send/${crypto.randomUUID()}`;
  let unsubscribed = false;
  return {
    endpoint,
    options: { applicationServerKey, userVisibleOnly: true },
    toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth } }),
    unsubscribe: () => ((unsubscribed = true), Promise.resolve(true)),
    get unsubscribed() {
      return unsubscribed;
    },
  };
}

type FakeSubscription = Awaited<ReturnType<typeof browserLikeSubscription>>;

describe('Web Push in the page', () => {
  const restore: (() => void)[] = [];
  let subscribed: FakeSubscription | null = null;
  let subscribeKey: Uint8Array | null = null;

  /** Replaces a property for this test. */
  function stub<T extends object, K extends keyof T>(target: T, key: K, value: T[K]) {
    const original = Object.getOwnPropertyDescriptor(target, key);
    Object.defineProperty(target, key, { configurable: true, value, writable: true });
    restore.push(() =>
      original ? Object.defineProperty(target, key, original) : delete (target as Record<K, unknown>)[key],
    );
  }

  function grantPermission(answer: NotificationPermission) {
    stub(Notification, 'permission' as keyof typeof Notification, 'default' as never);
    stub(Notification, 'requestPermission', () => Promise.resolve(answer));
  }

  beforeEach(() => {
    subscribed = null;
    subscribeKey = null;
    stub(PushManager.prototype, 'getSubscription', () => Promise.resolve(subscribed as unknown as PushSubscription));
    stub(PushManager.prototype, 'subscribe', async (options?: PushSubscriptionOptionsInit) => {
      subscribeKey = new Uint8Array(options!.applicationServerKey as ArrayBuffer);
      subscribed = await browserLikeSubscription(subscribeKey.slice().buffer);
      return subscribed as unknown as PushSubscription;
    });
  });

  afterEach(async () => {
    while (restore.length) restore.pop()!();
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  });

  const signedIn = async () => {
    const { token } = await createAccount();
    return new ApiClient(testServers.bearer, { token: () => token });
  };

  it('is supported in Chromium on a secure page', () => {
    expect(pushSupported()).to.equal(true);
  });

  it('answers denied and registers nothing when permission is refused', async () => {
    grantPermission('denied');
    expect(await enablePush(await signedIn(), { serviceWorkerUrl: WORKER_URL })).to.equal('denied');
    expect(await navigator.serviceWorker.getRegistrations()).to.have.length(0);
  });

  it('registers acct’s worker under its own scope, subscribes with the server’s key and saves the subscription', async () => {
    grantPermission('granted');
    const api = await signedIn();
    expect(await enablePush(api, { serviceWorkerUrl: WORKER_URL })).to.equal('granted');

    const registration = await navigator.serviceWorker.getRegistration(
      new URL('/widgets/dist/acct-push/', location.href).href,
    );
    expect(registration?.scope).to.equal(new URL('/widgets/dist/acct-push/', location.href).href);
    expect(registration?.active?.scriptURL).to.equal(new URL(WORKER_URL, location.href).href);
    expect(navigator.serviceWorker.controller, 'the page is not put under acct’s worker').to.equal(null);

    const { publicKey } = await api.call('GET /api/push/key');
    expect(base64url(subscribeKey!.slice().buffer)).to.equal(publicKey);
    // The server has it: removing it by its endpoint succeeds (a second time, it is gone).
    await api.call('DELETE /api/push/subscriptions', { body: { endpoint: subscribed!.endpoint } });
    const again = await api
      .call('DELETE /api/push/subscriptions', { body: { endpoint: subscribed!.endpoint } })
      .catch((e: { code: string }) => e.code);
    expect(again).to.equal('not_found');
  });

  it('turns push off: the server forgets the subscription and the browser drops it', async () => {
    grantPermission('granted');
    const api = await signedIn();
    expect(await enablePush(api, { serviceWorkerUrl: WORKER_URL })).to.equal('granted');
    const subscription = subscribed!;
    await disablePush(api, { serviceWorkerUrl: WORKER_URL });
    expect(subscription.unsubscribed).to.equal(true);
    const again = await api
      .call('DELETE /api/push/subscriptions', { body: { endpoint: subscription.endpoint } })
      .catch((e: { code: string }) => e.code);
    expect(again, 'already removed by disablePush').to.equal('not_found');
  });
});
