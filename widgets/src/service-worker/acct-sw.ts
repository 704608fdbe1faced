/**
 * acct's push service worker, built to `widgets/dist/acct-sw.js` as a classic script. A site
 * serves it from its own origin (a push worker must be same-origin with the page) and
 * `enablePush()` (core/push.ts) registers it. A push from acct (server/modules/push) carries
 * `{ title, body, url }`; the worker shows it, and a click focuses a tab already on `url` or opens
 * one. A site with its own service worker may instead `importScripts('/acct-sw.js')` in it.
 *
 * The DOM library has no worker types, so the little used here is declared below.
 */

interface AcctPushMessage {
  title: string;
  body: string;
  url: string | null;
}

interface ExtendableEventLike extends Event {
  waitUntil(work: Promise<unknown>): void;
}

interface PushEventLike extends ExtendableEventLike {
  data: { text(): string } | null;
}

interface NotificationClickEventLike extends ExtendableEventLike {
  notification: Notification;
}

interface WindowClientLike {
  url: string;
  focus(): Promise<unknown>;
}

interface PushWorkerScope {
  location: Location;
  registration: { showNotification(title: string, options?: NotificationOptions): Promise<void> };
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'push', listener: (event: PushEventLike) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationClickEventLike) => void): void;
}

const worker = self as unknown as PushWorkerScope;

/** The message in a push, read defensively: a push without a payload still shows something. */
function messageOf(data: PushEventLike['data']): AcctPushMessage {
  let parsed: Partial<Record<keyof AcctPushMessage, unknown>> = {};
  try {
    parsed = (data ? JSON.parse(data.text()) : {}) as typeof parsed;
  } catch {
    parsed = { body: data?.text() ?? '' };
  }
  return {
    title: typeof parsed.title === 'string' && parsed.title ? parsed.title : worker.location.hostname,
    body: typeof parsed.body === 'string' ? parsed.body : '',
    url: typeof parsed.url === 'string' ? parsed.url : null,
  };
}

/** Only http(s) addresses are opened; anything else opens the site's home page. */
function safeUrl(raw: unknown): string {
  try {
    const url = new URL(typeof raw === 'string' ? raw : '/', worker.location.origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : worker.location.origin + '/';
  } catch {
    return worker.location.origin + '/';
  }
}

async function openOrFocus(url: string): Promise<void> {
  const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => w.url === url);
  if (open) await open.focus();
  else await worker.clients.openWindow(url);
}

// A new version takes over at once: the worker keeps no state an older one could need.
worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));

worker.addEventListener('push', (event) => {
  const message = messageOf(event.data);
  event.waitUntil(
    worker.registration.showNotification(message.title, { body: message.body, data: { url: message.url } }),
  );
});

worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { url } = (event.notification.data ?? {}) as { url?: unknown };
  event.waitUntil(openOrFocus(safeUrl(url)));
});

export {};
