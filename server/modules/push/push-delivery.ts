/**
 * Posting one message to one browser's push service (RFC 8030): the payload encrypted for the
 * browser's keys (RFC 8291, aes128gcm) and the request signed with acct's VAPID key (RFC 8292),
 * both by the web-push library; the request itself is made here, through node:http(s) with the
 * SSRF guard's lookup (push-endpoint.ts), because web-push's own sender can neither take a
 * lookup nor reach an http endpoint on loopback (tests and local development).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import webpush from 'web-push';
import type { PushSettings } from './push-settings';
import { endpointAllowed, guardedLookup } from './push-endpoint';
import type { VapidKeyPair } from './vapid-keys';

/** What the service worker (widgets/src/service-worker/acct-sw.ts) shows. */
export interface PushMessage {
  title: string;
  body: string;
  /** Opened when the notification is clicked; null: the site's page that subscribed. */
  url: string | null;
}

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export type DeliveryOutcome =
  | { outcome: 'delivered' }
  /** 404 or 410: the browser unsubscribed or the subscription expired; it never comes back. */
  | { outcome: 'gone'; status: number }
  | { outcome: 'failed'; reason: string };

/** How long a push service keeps a message for a browser that is offline. */
const TTL_SECONDS = 24 * 3600;
/** A push service that has not answered by then counts as failed (and the job is retried). */
const TIMEOUT_MS = 15_000;

function post(
  endpoint: string,
  details: { method: string; headers: Record<string, string | number>; body: Buffer | null },
  allowLoopback: boolean,
): Promise<number> {
  const url = new URL(endpoint);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method: details.method, headers: details.headers, lookup: guardedLookup(allowLoopback), timeout: TIMEOUT_MS },
      (res) => {
        res.resume(); // the answer's body means nothing to acct
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(details.body ?? undefined);
  });
}

export async function deliverPush(
  settings: PushSettings,
  keys: VapidKeyPair,
  target: PushTarget,
  message: PushMessage,
): Promise<DeliveryOutcome> {
  // Checked again at sending: the rules may be stricter now than when it was saved.
  if (!endpointAllowed(target.endpoint, settings.allowLoopbackEndpoints)) {
    return { outcome: 'gone', status: 0 };
  }
  const details = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    JSON.stringify(message),
    {
      vapidDetails: { subject: settings.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
      TTL: TTL_SECONDS,
      contentEncoding: 'aes128gcm',
    },
  );
  let status: number;
  try {
    status = await post(
      target.endpoint,
      { method: details.method, headers: details.headers as Record<string, string | number>, body: details.body },
      settings.allowLoopbackEndpoints,
    );
  } catch (error) {
    return { outcome: 'failed', reason: (error as Error).message };
  }
  if (status >= 200 && status < 300) return { outcome: 'delivered' };
  if (status === 404 || status === 410) return { outcome: 'gone', status };
  return { outcome: 'failed', reason: `push service answered ${status}` };
}
