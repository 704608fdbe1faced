/**
 * The SQL of webhooks and their deliveries, on the service connection (organization-owned tables
 * have no row-level security: every check is in the routes' authorization and the service). Every
 * read and write of an endpoint names its organization, so another organization's id finds
 * nothing (docs/security.md F1).
 */
import type { Knex } from 'knex';
import type { DeliveryStatus, WebhookDisabledReason, WebhookEventType } from '../../../contract/webhooks';

type Db = Knex | Knex.Transaction;

export interface WebhookRow {
  id: string;
  organization_id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  is_active: boolean;
  disabled_reason: WebhookDisabledReason | null;
  failure_count: number;
  last_triggered_at: Date | null;
  created_at: Date;
  secret_encrypted: string;
  previous_secret_encrypted: string | null;
  previous_secret_expires_at: Date | null;
}

export async function webhooksOf(db: Db, organizationId: string): Promise<WebhookRow[]> {
  return db('webhooks')
    .where({ organization_id: organizationId })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
}

export async function webhookById(
  db: Db,
  organizationId: string,
  id: string,
  { lock = false } = {},
): Promise<WebhookRow | undefined> {
  const query = db('webhooks').where({ organization_id: organizationId, id }).first<WebhookRow | undefined>();
  return lock ? query.forUpdate() : query;
}

/** The endpoint of a delivery's job (the job knows no organization; its row names one). */
export async function webhookOfDelivery(db: Db, id: string): Promise<WebhookRow | undefined> {
  return db('webhooks').where({ id }).first<WebhookRow | undefined>();
}

export async function countWebhooks(db: Db, organizationId: string): Promise<number> {
  const row = await db('webhooks')
    .where({ organization_id: organizationId })
    .count<{ count: string | number }>('* as count')
    .first();
  return Number(row?.count ?? 0);
}

export async function insertWebhook(
  db: Db,
  row: {
    id: string;
    organizationId: string;
    url: string;
    description: string;
    events: WebhookEventType[];
    secretHash: string;
    secretSealed: string;
  },
): Promise<void> {
  await db('webhooks').insert({
    id: row.id,
    organization_id: row.organizationId,
    url: row.url,
    description: row.description,
    events: JSON.stringify(row.events),
    secret_hash: row.secretHash,
    secret_encrypted: row.secretSealed,
  });
}

export async function updateWebhook(db: Db, id: string, change: Record<string, unknown>): Promise<void> {
  await db('webhooks')
    .where({ id })
    .update({ ...change, updated_at: db.fn.now() });
}

export async function deleteWebhook(db: Db, organizationId: string, id: string): Promise<boolean> {
  return (await db('webhooks').where({ organization_id: organizationId, id }).delete()) > 0;
}

/** The active endpoints of these organizations subscribed to `eventType`. */
export async function subscribers(db: Db, organizationIds: string[], eventType: string): Promise<WebhookRow[]> {
  if (!organizationIds.length) return [];
  return db('webhooks')
    .whereIn('organization_id', organizationIds)
    .where({ is_active: true })
    .whereRaw('events @> ?::jsonb', [JSON.stringify([eventType])]);
}

/** The organizations the user is a member of (where a user's events go). */
export async function organizationsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db('organization_members')
    .where({ user_id: userId })
    .select<{ organization_id: string }[]>('organization_id');
  return rows.map((r) => r.organization_id);
}

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  message_id: string;
  event_type: string;
  attempt: number;
  status: DeliveryStatus;
  payload: unknown;
  request_body: string | null;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
  duration_ms: number | null;
  success: boolean | null;
  created_at: Date;
  due_at: Date | null;
  attempted_at: Date | null;
}

export async function insertDelivery(
  db: Db,
  row: {
    webhookId: string;
    messageId: string;
    eventType: string;
    attempt: number;
    requestBody: string;
    dueAt: Date;
  },
): Promise<DeliveryRow> {
  const [inserted] = await db('webhook_deliveries')
    .insert({
      webhook_id: row.webhookId,
      message_id: row.messageId,
      event_type: row.eventType,
      attempt: row.attempt,
      payload: row.requestBody,
      request_body: row.requestBody,
      due_at: row.dueAt,
    })
    .returning('*');
  return inserted as DeliveryRow;
}

export async function deliveryById(db: Db, id: string, { lock = false } = {}): Promise<DeliveryRow | undefined> {
  const query = db('webhook_deliveries').where({ id }).first<DeliveryRow | undefined>();
  return lock ? query.forUpdate() : query;
}

export async function deliveryOfWebhook(db: Db, webhookId: string, id: string): Promise<DeliveryRow | undefined> {
  return db('webhook_deliveries').where({ webhook_id: webhookId, id }).first<DeliveryRow | undefined>();
}

/** A page of an endpoint's attempts, newest first; `before` is the id of the last row of the previous page. */
export async function deliveriesOf(
  db: Db,
  webhookId: string,
  { limit, before }: { limit: number; before?: string | undefined },
): Promise<DeliveryRow[]> {
  const query = db('webhook_deliveries as d').where('d.webhook_id', webhookId);
  if (before) {
    query.whereRaw(
      '(d.created_at, d.id) < (select c.created_at, c.id from webhook_deliveries c where c.id = ? and c.webhook_id = ?)',
      [before, webhookId],
    );
  }
  return query
    .orderBy([
      { column: 'd.created_at', order: 'desc' },
      { column: 'd.id', order: 'desc' },
    ])
    .limit(limit)
    .select<DeliveryRow[]>('d.*');
}

/** Writes an attempt's outcome, once: false when it already has one (a job run twice). */
export async function recordOutcome(
  db: Db,
  id: string,
  outcome: {
    status: DeliveryStatus;
    responseStatus: number | null;
    responseBody: string | null;
    error: string | null;
    durationMs: number | null;
    attemptedAt: Date;
  },
): Promise<boolean> {
  const rows = await db('webhook_deliveries')
    .where({ id, status: 'pending' })
    .update({
      status: outcome.status,
      success: outcome.status === 'succeeded',
      response_status: outcome.responseStatus,
      response_body: outcome.responseBody,
      error: outcome.error,
      duration_ms: outcome.durationMs,
      attempted_at: outcome.attemptedAt,
    })
    .returning('id');
  return rows.length > 0;
}
