/**
 * The `push.send` job: one message to one subscription, queued per subscription (push.service.ts
 * `queuePush`) so that one dead browser neither delays nor repeats the others, and a restart
 * loses nothing (server/jobs/jobs.ts). Safe to run twice: a subscription deleted meanwhile is
 * skipped, and a push shown twice is the worst a repeated attempt can do.
 *
 * A 404 or 410 from the push service deletes the subscription (the browser unsubscribed or it
 * expired); any other failure adds to its `failure_count` and throws, so the runner retries with
 * back-off; a success sets `last_success_at` and starts the count again.
 */
import { defineJob } from '../../jobs/jobs';
import type { Services } from '../../services';
import { deliverPush, type PushMessage } from './push-delivery';
import { deleteSubscription, findSubscription, recordFailure, recordSuccess } from './push.queries';
import { vapidKeys } from './vapid-keys';

export interface PushJobData extends PushMessage {
  subscriptionId: string;
}

/** Thrown for a failed attempt, so that the runner retries it. */
export class PushDeliveryError extends Error {
  override name = 'PushDeliveryError';
}

export async function sendPushJob(services: Services, data: PushJobData, now = new Date()): Promise<void> {
  const { db, logger } = services;
  const subscription = await findSubscription(db.knex, data.subscriptionId);
  if (!subscription) return;
  const result = await deliverPush(services.config.push, await vapidKeys(services), subscription, {
    title: data.title,
    body: data.body,
    url: data.url,
  });
  if (result.outcome === 'delivered') {
    await recordSuccess(db.knex, subscription.id, now);
  } else if (result.outcome === 'gone') {
    logger.info({ subscriptionId: subscription.id, status: result.status }, 'push subscription gone: deleted');
    await deleteSubscription(db.knex, subscription.id);
  } else {
    await recordFailure(db.knex, subscription.id);
    throw new PushDeliveryError(`push delivery failed: ${result.reason}`);
  }
}

export const pushSendJob = defineJob<PushJobData>({
  name: 'push.send',
  handler: (services, data) => sendPushJob(services, data),
  // 30 s, 1 min, 2, 4, 8, 16 min: a push service briefly down is ridden out within about half an hour.
  retry: { limit: 6, delaySeconds: 30, backoff: true },
  expireInSeconds: 60,
});
