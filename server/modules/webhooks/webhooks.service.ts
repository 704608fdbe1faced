/**
 * An organization's webhook endpoints and their delivery log (docs/webhooks.md). The signing
 * secret is answered once, at creation and at rotation; it is kept sealed with the envelope keys
 * (bound to the endpoint's row) because signing needs the secret itself, and its SHA-256 in the
 * seed's `secret_hash`. A rotation keeps the previous secret signing beside the new one for
 * SECRET_OVERLAP_HOURS.
 */
import { randomUUID } from 'node:crypto';
import {
  MAX_WEBHOOKS_PER_ORGANIZATION,
  WEBHOOK_TEST_EVENT,
  WebhookErrors,
  type Webhook,
  type WebhookDelivery,
  type WebhookEventType,
} from '../../../contract/webhooks';
import { iso } from '../../../contract/wire';
import { ApiError, CommonErrors } from '../../http/errors';
import type { Services } from '../../services';
import { lockOrganization } from '../organizations/organizations.queries';
import { urlIsAllowed } from './address-guard';
import { queueAttempt } from './delivery';
import { generateSecret, hashSecret, secretBinding } from './signing';
import { messageBody } from './webhook-events';
import * as queries from './webhooks.queries';

/** How long a rotated-out secret keeps signing beside the new one. */
export const SECRET_OVERLAP_HOURS = 24;

function toWebhook(row: queries.WebhookRow, now = new Date()): Webhook {
  const overlap = row.previous_secret_expires_at && row.previous_secret_expires_at > now;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    active: Boolean(row.is_active),
    disabledReason: row.is_active ? null : (row.disabled_reason ?? 'manual'),
    failureCount: row.failure_count ?? 0,
    lastTriggeredAt: iso(row.last_triggered_at),
    createdAt: iso(row.created_at),
    previousSecretExpiresAt: overlap ? iso(row.previous_secret_expires_at) : null,
  };
}

export function toDelivery(row: queries.DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    messageId: row.message_id,
    eventType: row.event_type,
    attempt: row.attempt,
    status: row.status,
    responseStatus: row.response_status,
    responseBody: row.response_body,
    error: row.error,
    durationMs: row.duration_ms,
    requestBody: row.request_body ?? JSON.stringify(row.payload),
    createdAt: iso(row.created_at),
    attemptedAt: iso(row.attempted_at),
    dueAt: iso(row.due_at),
  };
}

async function requireAllowedUrl(services: Services, url: string): Promise<void> {
  // The contract's pattern let it through; the WHATWG parser has the last word (e.g. `http://[::1`).
  if (!URL.canParse(url)) throw ApiError.of(CommonErrors, 'invalid_request', { fields: { url: 'invalid_url' } });
  if (!(await urlIsAllowed(url, services.config.webhookAllowPrivate)))
    throw ApiError.of(WebhookErrors, 'webhook_url_blocked');
}

async function webhookOr404(services: Services, organizationId: string, id: string): Promise<queries.WebhookRow> {
  const row = await queries.webhookById(services.db.knex, organizationId, id);
  if (!row) throw ApiError.of(WebhookErrors, 'not_found');
  return row;
}

export async function listWebhooks(services: Services, organizationId: string): Promise<Webhook[]> {
  return (await queries.webhooksOf(services.db.knex, organizationId)).map((row) => toWebhook(row));
}

export async function createWebhook(
  services: Services,
  organizationId: string,
  input: { url: string; events: WebhookEventType[]; description?: string | undefined },
): Promise<{ webhook: Webhook; secret: string }> {
  await requireAllowedUrl(services, input.url);
  const { db, envelope } = services;
  return db.knex.transaction(async (trx) => {
    // The organization's lock makes the count and the insert one step under parallel creations.
    await lockOrganization(trx, organizationId);
    if ((await queries.countWebhooks(trx, organizationId)) >= MAX_WEBHOOKS_PER_ORGANIZATION)
      throw ApiError.of(WebhookErrors, 'too_many_webhooks');
    const id = randomUUID();
    const secret = generateSecret();
    await queries.insertWebhook(trx, {
      id,
      organizationId,
      url: input.url,
      description: input.description ?? '',
      events: input.events,
      secretHash: hashSecret(secret),
      secretSealed: envelope.seal(secret, secretBinding(id)),
    });
    return { webhook: toWebhook((await queries.webhookById(trx, organizationId, id))!), secret };
  });
}

export async function updateWebhook(
  services: Services,
  organizationId: string,
  id: string,
  input: {
    url?: string | undefined;
    events?: WebhookEventType[] | undefined;
    description?: string | undefined;
    active?: boolean | undefined;
  },
): Promise<Webhook> {
  await webhookOr404(services, organizationId, id);
  if (input.url !== undefined) await requireAllowedUrl(services, input.url);
  const change: Record<string, unknown> = {};
  if (input.url !== undefined) change.url = input.url;
  if (input.events !== undefined) change.events = JSON.stringify(input.events);
  if (input.description !== undefined) change.description = input.description;
  // Turning an endpoint back on forgets its failures; turning it off says an admin did.
  if (input.active === true) Object.assign(change, { is_active: true, disabled_reason: null, failure_count: 0 });
  if (input.active === false) Object.assign(change, { is_active: false, disabled_reason: 'manual' });
  if (Object.keys(change).length) await queries.updateWebhook(services.db.knex, id, change);
  return toWebhook(await webhookOr404(services, organizationId, id));
}

export async function deleteWebhook(services: Services, organizationId: string, id: string): Promise<void> {
  if (!(await queries.deleteWebhook(services.db.knex, organizationId, id)))
    throw ApiError.of(WebhookErrors, 'not_found');
}

/** A new secret, answered once; the current one becomes the previous, signing for SECRET_OVERLAP_HOURS more. */
export async function rotateSecret(
  services: Services,
  organizationId: string,
  id: string,
): Promise<{ webhook: Webhook; secret: string }> {
  const { db, envelope } = services;
  return db.knex.transaction(async (trx) => {
    const row = await queries.webhookById(trx, organizationId, id, { lock: true });
    if (!row) throw ApiError.of(WebhookErrors, 'not_found');
    const current = envelope.open(row.secret_encrypted, secretBinding(id));
    const secret = generateSecret();
    await queries.updateWebhook(trx, id, {
      secret_hash: hashSecret(secret),
      secret_encrypted: envelope.seal(secret, secretBinding(id)),
      previous_secret_encrypted: envelope.seal(current, secretBinding(id, 'previous')),
      previous_secret_expires_at: new Date(Date.now() + SECRET_OVERLAP_HOURS * 3_600_000),
    });
    return { webhook: toWebhook((await queries.webhookById(trx, organizationId, id))!), secret };
  });
}

/** Queues a `webhook.test` message to the endpoint (whatever it subscribes to). */
export async function sendTestEvent(services: Services, organizationId: string, id: string): Promise<WebhookDelivery> {
  const hook = await webhookOr404(services, organizationId, id);
  const requestBody = messageBody(WEBHOOK_TEST_EVENT, {
    webhookId: hook.id,
    organizationId,
    message: 'This is a test event sent from the webhooks page.',
  });
  return toDelivery(
    await services.db.knex.transaction((trx) =>
      queueAttempt(services, trx, { webhookId: hook.id, eventType: WEBHOOK_TEST_EVENT, requestBody }),
    ),
  );
}

export async function listDeliveries(
  services: Services,
  organizationId: string,
  id: string,
  page: { limit?: number | undefined; before?: string | undefined },
): Promise<{ deliveries: WebhookDelivery[]; nextCursor: string | null }> {
  await webhookOr404(services, organizationId, id);
  const limit = page.limit ?? 20;
  const rows = await queries.deliveriesOf(services.db.knex, id, { limit: limit + 1, before: page.before });
  const deliveries = rows.slice(0, limit).map(toDelivery);
  return { deliveries, nextCursor: rows.length > limit ? deliveries.at(-1)!.id : null };
}

async function deliveryOr404(services: Services, organizationId: string, id: string, deliveryId: string) {
  await webhookOr404(services, organizationId, id);
  const row = await queries.deliveryOfWebhook(services.db.knex, id, deliveryId);
  if (!row) throw ApiError.of(WebhookErrors, 'not_found');
  return row;
}

export async function getDelivery(
  services: Services,
  organizationId: string,
  id: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  return toDelivery(await deliveryOr404(services, organizationId, id, deliveryId));
}

/** The same message (body and `webhook-id`) queued again as a new first attempt, with its own retries. */
export async function replayDelivery(
  services: Services,
  organizationId: string,
  id: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const row = await deliveryOr404(services, organizationId, id, deliveryId);
  return toDelivery(
    await services.db.knex.transaction((trx) =>
      queueAttempt(services, trx, {
        webhookId: id,
        messageId: row.message_id,
        eventType: row.event_type,
        requestBody: row.request_body ?? JSON.stringify(row.payload),
      }),
    ),
  );
}
