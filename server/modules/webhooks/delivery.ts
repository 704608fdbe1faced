/**
 * Delivering webhooks through the job runner (docs/webhooks.md "Delivery"). A message to an
 * endpoint is a row in `webhook_deliveries` per attempt, written with the event in its
 * transaction, and one `webhooks.deliver` job per attempt. The job posts the stored body, signed
 * now, and writes the outcome on the row, once (`status = 'pending'` guards it): if the process
 * dies mid-send the job is taken again after `expireInSeconds` and the row, still pending, is sent
 * again — nothing is lost, and a recorded success is never sent twice (docs/security.md H3).
 * Receivers deduplicate by `webhook-id`, which every attempt of a message shares.
 *
 * A failed attempt queues the next on RETRY_SCHEDULE_SECONDS (with jitter); `410 Gone` disables
 * the endpoint at once, and MAX_CONSECUTIVE_FAILURES failed attempts in a row disable it and mail
 * the organization's owners and admins.
 */
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { DeliveryStatus } from '../../../contract/webhooks';
import { defineJob } from '../../jobs/jobs';
import type { Services } from '../../services';
import { mailOptions, mailTemplates } from '../mail/templates';
import { postWebhook } from './sender';
import { secretBinding, signatureHeaders } from './signing';
import * as queries from './webhooks.queries';

/**
 * Waits before each retry, in seconds: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 14 h, 20 h, 24 h
 * — eleven attempts over about three and a half days.
 */
export const RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000, 36_000, 50_400, 72_000, 86_400];
/** Each wait is lengthened by up to this fraction, at random, so retries of many messages spread out. */
export const RETRY_JITTER = 0.1;
/** Failed attempts in a row (across messages) after which an endpoint is disabled. */
export const MAX_CONSECUTIVE_FAILURES = 15;

/** A clock and a dice, injectable so that tests can check the schedule. */
export interface DeliveryClock {
  now(): Date;
  random(): number;
}
const realClock: DeliveryClock = { now: () => new Date(), random: Math.random };

export const deliverWebhookJob = defineJob<{ deliveryId: string }>({
  name: 'webhooks.deliver',
  handler: async (services, { deliveryId }) => {
    await attemptDelivery(services, deliveryId);
  },
  // A dead worker's attempt is taken again after a minute (the send itself is capped at 15 s);
  // the handler throws only when the database failed, which deserves a few quick retries.
  retry: { limit: 5, delaySeconds: 10, backoff: true },
  expireInSeconds: 60,
});

/** The wait before the attempt after `attempt` (1-based), with jitter; undefined after the last. */
export function retryDelayMs(attempt: number, random: () => number): number | undefined {
  const base = RETRY_SCHEDULE_SECONDS[attempt - 1];
  return base === undefined ? undefined : Math.round(base * 1000 * (1 + RETRY_JITTER * random()));
}

/** Queues an attempt of a message to an endpoint, in `db` (the event's or the request's transaction). */
export async function queueAttempt(
  services: Services,
  db: Knex | Knex.Transaction,
  attempt: {
    webhookId: string;
    messageId?: string;
    eventType: string;
    requestBody: string;
    number?: number;
    dueAt?: Date;
  },
): Promise<queries.DeliveryRow> {
  const dueAt = attempt.dueAt ?? new Date();
  const row = await queries.insertDelivery(db, {
    webhookId: attempt.webhookId,
    messageId: attempt.messageId ?? `msg_${randomUUID().replaceAll('-', '')}`,
    eventType: attempt.eventType,
    attempt: attempt.number ?? 1,
    requestBody: attempt.requestBody,
    dueAt,
  });
  await services.jobs.send(deliverWebhookJob, { deliveryId: row.id }, { db, startAfter: dueAt });
  return row;
}

/** The secrets that sign now: the current one, and the previous one during its overlap. */
function signingSecrets(services: Services, hook: queries.WebhookRow, now: Date): string[] {
  const secrets = [services.envelope.open(hook.secret_encrypted, secretBinding(hook.id))];
  if (hook.previous_secret_encrypted && hook.previous_secret_expires_at && hook.previous_secret_expires_at > now)
    secrets.push(services.envelope.open(hook.previous_secret_encrypted, secretBinding(hook.id, 'previous')));
  return secrets;
}

/**
 * One attempt of a pending delivery: posts it, records the outcome, and queues the next attempt
 * or disables the endpoint. A delivery that is no longer pending (its job ran twice) or whose
 * endpoint is gone is left alone. Returns the outcome, for tests.
 */
export async function attemptDelivery(
  services: Services,
  deliveryId: string,
  clock: DeliveryClock = realClock,
): Promise<{ status: DeliveryStatus; next?: queries.DeliveryRow } | undefined> {
  const { db, config } = services;
  const delivery = await queries.deliveryById(db.knex, deliveryId);
  if (!delivery || delivery.status !== 'pending') return undefined;
  const hook = await queries.webhookOfDelivery(db.knex, delivery.webhook_id);
  if (!hook) return undefined;
  const now = clock.now();
  const body = delivery.request_body ?? JSON.stringify(delivery.payload);

  if (!hook.is_active) {
    await queries.recordOutcome(db.knex, delivery.id, {
      status: 'failed',
      responseStatus: null,
      responseBody: null,
      error: 'endpoint_disabled',
      durationMs: null,
      attemptedAt: now,
    });
    return { status: 'failed' };
  }

  const headers = signatureHeaders(
    signingSecrets(services, hook, now),
    delivery.message_id,
    Math.floor(now.getTime() / 1000),
    body,
  );
  const sent = await postWebhook(hook.url, headers, body, {
    allowPrivate: config.webhookAllowPrivate,
    timeoutMs: config.webhookTimeoutMs,
  });
  const succeeded = sent.status !== null && sent.status >= 200 && sent.status < 300;
  const error = sent.error ?? (sent.status !== null && sent.status >= 300 && sent.status < 400 ? 'redirect' : null);

  return db.knex.transaction(async (trx) => {
    const current = await queries.webhookById(trx, hook.organization_id, hook.id, { lock: true });
    const recorded = await queries.recordOutcome(trx, delivery.id, {
      status: succeeded ? 'succeeded' : 'failed',
      responseStatus: sent.status,
      responseBody: sent.body,
      error,
      durationMs: sent.durationMs,
      attemptedAt: now,
    });
    if (!recorded || !current) return undefined;
    if (succeeded) {
      await queries.updateWebhook(trx, hook.id, { failure_count: 0, last_triggered_at: now });
      return { status: 'succeeded' as const };
    }
    const failures = (current.failure_count ?? 0) + 1;
    const gone = sent.status === 410;
    const failing = failures >= MAX_CONSECUTIVE_FAILURES;
    await queries.updateWebhook(trx, hook.id, {
      failure_count: failures,
      last_triggered_at: now,
      ...(gone || failing ? { is_active: false, disabled_reason: gone ? 'gone' : 'failing' } : {}),
    });
    if (failing && !gone && current.is_active) await mailAdmins(services, trx, current);
    if (gone || failing) return { status: 'failed' as const };
    const wait = retryDelayMs(delivery.attempt, clock.random);
    if (wait === undefined) return { status: 'failed' as const };
    const next = await queueAttempt(services, trx, {
      webhookId: hook.id,
      messageId: delivery.message_id,
      eventType: delivery.event_type,
      requestBody: body,
      number: delivery.attempt + 1,
      dueAt: new Date(now.getTime() + wait),
    });
    return { status: 'failed' as const, next };
  });
}

/** Tells the organization's owners and admins that an endpoint was disabled for failing. */
async function mailAdmins(services: Services, trx: Knex.Transaction, hook: queries.WebhookRow): Promise<void> {
  const { config, mail } = services;
  const admins = await trx('organization_members as m')
    .join('auth.users as u', 'u.id', 'm.user_id')
    .join('organizations as o', 'o.id', 'm.organization_id')
    .where('m.organization_id', hook.organization_id)
    .whereIn('m.role', ['owner', 'admin'])
    .select<{ email: string; locale: string | null; organization: string }[]>(
      'u.email',
      'u.locale',
      'o.name as organization',
    );
  for (const admin of admins) {
    await mail.enqueue(trx, {
      to: admin.email,
      template: 'webhookDisabled',
      content: mailTemplates.webhookDisabled(mailOptions(config, admin.locale), {
        url: hook.url,
        organization: admin.organization,
        failures: MAX_CONSECUTIVE_FAILURES,
      }),
    });
  }
}
