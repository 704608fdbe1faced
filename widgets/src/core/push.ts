/**
 * Web Push in the page (issue 11): `enablePush(api)` asks the browser's permission, registers
 * acct's push service worker (`acct-sw.js`, which the site serves from its own origin: a push
 * worker must be same-origin with the page — see README.md "Web Push"), subscribes
 * with the server's VAPID key and posts the subscription; `disablePush(api)` takes it back. The
 * notification-settings element calls them; nothing here renders anything.
 *
 * The worker is registered under its own scope (`acct-push/` beside the script), which no page
 * sits in: it only receives pushes, and never replaces a service worker the site already runs
 * for its pages.
 */
import type { ApiClient } from './api-client.js';

export type PushPermission = 'granted' | 'denied' | 'unsupported';

export interface PushOptions {
  /** Where the site serves acct's push service worker; default `/acct-sw.js`. */
  serviceWorkerUrl?: string;
}

const DEFAULT_WORKER_URL = '/acct-sw.js';

/** Whether this browser can receive Web Push here (a secure context with service workers and the Push API). */
export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.isSecureContext &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** The worker's scope: a folder beside the script, which no page of the site sits in. */
function workerScope(workerUrl: string): string {
  return new URL('acct-push/', new URL(workerUrl, location.href)).href;
}

/** The VAPID key as `applicationServerKey` wants it: the bytes of its base64url text. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!current || current.byteLength !== wanted.length) return false;
  const bytes = new Uint8Array(current);
  return wanted.every((b, i) => bytes[i] === b);
}

/** Resolves once the registration has an activated worker: subscribing needs one. */
async function activated(registration: ServiceWorkerRegistration): Promise<void> {
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (!worker || worker.state === 'activated') return;
  await new Promise<void>((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      else if (worker.state === 'redundant') reject(new Error('the push service worker failed to install'));
    });
  });
}

/**
 * Turns on Web Push for the signed-in user on this browser. Call it from the user's click: the
 * browser asks for permission first (and shows its prompt only during a user action). Resolves
 * `unsupported` where push cannot work, `denied` when permission is refused, `granted` once the
 * subscription is saved on the server. Rejects with the ApiClient's error if the server refuses.
 */
export async function enablePush(api: ApiClient, options: PushOptions = {}): Promise<PushPermission> {
  if (!pushSupported()) return 'unsupported';
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  const workerUrl = options.serviceWorkerUrl ?? DEFAULT_WORKER_URL;
  const registration = await navigator.serviceWorker.register(workerUrl, { scope: workerScope(workerUrl) });
  await activated(registration);
  const applicationServerKey = keyBytes((await api.call('GET /api/push/key')).publicKey);
  let subscription = await registration.pushManager.getSubscription();
  // Subscribed before with another key (the server's key pair changed): that one can never be used.
  if (subscription && !sameKey(subscription.options.applicationServerKey, applicationServerKey)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
  const { endpoint, keys } = subscription.toJSON();
  if (!endpoint || !keys?.p256dh || !keys.auth) throw new Error('the browser gave an incomplete push subscription');
  await api.call('POST /api/push/subscriptions', {
    body: { endpoint, expirationTime: null, keys: { p256dh: keys.p256dh, auth: keys.auth } },
  });
  return 'granted';
}

/** Turns Web Push off on this browser: the server forgets the subscription, the browser drops it. */
export async function disablePush(api: ApiClient, options: PushOptions = {}): Promise<void> {
  if (!pushSupported()) return;
  const registration = await navigator.serviceWorker.getRegistration(
    workerScope(options.serviceWorkerUrl ?? DEFAULT_WORKER_URL),
  );
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  try {
    await api.call('DELETE /api/push/subscriptions', { body: { endpoint: subscription.endpoint } });
  } catch (error) {
    // Already gone on the server (removed there, or a push to it failed for good): still drop it here.
    if ((error as { code?: string }).code !== 'not_found') throw error;
  }
  await subscription.unsubscribe();
}
