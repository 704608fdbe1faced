/**
 * Web Push for the signed-in user (issue 11): the VAPID public key the browser subscribes with,
 * saving, listing (as devices) and removing the user's subscriptions, and `sendPush`, which queues one `push.send` job
 * per subscription (push.jobs.ts). The SQL is in push.queries.ts; what may be an endpoint is
 * push-endpoint.ts.
 */
import { createECDH } from 'node:crypto';
import type { Knex } from 'knex';
import type { z } from 'zod';
import {
  PushErrors,
  type PushDevice,
  type PushSubscriptionBody,
  type PushSubscriptionSaved,
} from '../../../contract/push';
import { iso } from '../../../contract/wire';
import { ApiError, CommonErrors } from '../../http/errors';
import type { Services } from '../../services';
import { parseUserAgent } from '../sessions/device';
import type { PushMessage } from './push-delivery';
import { endpointAllowed } from './push-endpoint';
import { pushSendJob } from './push.jobs';
import {
  deleteOwnSubscription,
  deleteOwnSubscriptionById,
  listOwnSubscriptions,
  saveSubscription,
  subscriptionIdsOf,
} from './push.queries';
import { vapidKeys } from './vapid-keys';

/** Longest title and body sent: a push payload holds about 4 kB, and a notification shows far less. */
const MAX_TITLE = 200;
const MAX_BODY = 1000;

export async function pushPublicKey(services: Services): Promise<string> {
  return (await vapidKeys(services)).publicKey;
}

/** Whether `p256dh` is a point on P-256: a browser's key always is; anything else could never be encrypted to. */
function isCurvePoint(p256dh: string): boolean {
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    ecdh.computeSecret(Buffer.from(p256dh, 'base64url'));
    return true;
  } catch {
    return false;
  }
}

export async function subscribe(
  services: Services,
  userId: string,
  body: z.infer<typeof PushSubscriptionBody>,
  userAgent: string | undefined,
): Promise<PushSubscriptionSaved> {
  if (!endpointAllowed(body.endpoint, services.config.push.allowLoopbackEndpoints)) {
    throw ApiError.of(PushErrors, 'push_endpoint_not_allowed');
  }
  if (!isCurvePoint(body.keys.p256dh)) {
    throw ApiError.of(CommonErrors, 'invalid_request', { fields: { 'keys.p256dh': 'invalid_key' } });
  }
  const row = await saveSubscription(services.db.knex, userId, {
    endpoint: body.endpoint,
    p256dh: body.keys.p256dh.replace(/=+$/, ''),
    auth: body.keys.auth.replace(/=+$/, ''),
    userAgent: userAgent?.slice(0, 500) ?? null,
  });
  return { subscription: { id: row.id, createdAt: iso(row.created_at) } };
}

export async function unsubscribe(services: Services, userId: string, endpoint: string): Promise<void> {
  if (!(await deleteOwnSubscription(services.db.knex, userId, endpoint))) {
    throw ApiError.of(PushErrors, 'not_found');
  }
}

/** `GET /api/push/subscriptions`: the user's browsers, described from their User-Agent. */
export async function listDevices(services: Services, userId: string): Promise<PushDevice[]> {
  const rows = await listOwnSubscriptions(services.db.knex, userId);
  return rows.map((row) => {
    const device = parseUserAgent(row.user_agent ?? undefined);
    return {
      id: row.id,
      deviceType: device.type,
      deviceName: device.name,
      browser: device.browser,
      os: device.os,
      createdAt: iso(row.created_at),
      lastSuccessAt: row.last_success_at ? iso(row.last_success_at) : null,
    };
  });
}

/** `DELETE /api/push/subscriptions/:id`: 404 for an id that is not one of the user's. */
export async function removeDevice(services: Services, userId: string, id: string): Promise<void> {
  if (!(await deleteOwnSubscriptionById(services.db.knex, userId, id))) throw ApiError.of(PushErrors, 'not_found');
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Queues `message` for every browser of the user, in `db` (pass the caller's transaction: the
 * jobs exist only if it commits). Returns how many were queued.
 */
export async function queuePush(
  services: Services,
  db: Knex | Knex.Transaction,
  userId: string,
  message: PushMessage,
): Promise<number> {
  const ids = await subscriptionIdsOf(db, userId);
  const content = { title: clip(message.title, MAX_TITLE), body: clip(message.body, MAX_BODY), url: message.url };
  for (const subscriptionId of ids) {
    await services.jobs.send(pushSendJob, { subscriptionId, ...content }, { db });
  }
  return ids.length;
}

/** Sends `message` to every browser the user subscribed, through the job runner. */
export function sendPush(services: Services, userId: string, message: PushMessage): Promise<number> {
  return queuePush(services, services.db.knex, userId, message);
}
