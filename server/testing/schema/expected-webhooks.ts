/**
 * acct's own objects for webhooks, read off migration 20261001000100_webhook_delivery: the
 * columns added to the seed's `webhooks` (description, the rotated-out secret sealed with the end
 * of its overlap, why it was disabled, updated_at) and `webhook_deliveries` (one row per attempt:
 * message id, attempt number, status, exact body sent, error, due and attempted times), and the
 * indexes by organization and by message.
 */
import { column, index, INTEGER, NOT_NULL, NOW, TEXT, TIMESTAMPTZ, varchar, varcharDefault } from './spec-helpers';
import type { ColumnSpec, IndexSpec } from './types';

export const webhookColumns: Record<string, ColumnSpec> = {
  description: column(TEXT, { notNull: true, default: "''::text" }),
  previous_secret_encrypted: column(TEXT),
  previous_secret_expires_at: column(TIMESTAMPTZ),
  disabled_reason: column(varchar(20)),
  updated_at: column(TIMESTAMPTZ, { notNull: true, default: NOW }),
};

export const webhookDeliveryColumns: Record<string, ColumnSpec> = {
  message_id: column(varchar(40), NOT_NULL),
  attempt: column(INTEGER, { notNull: true, default: '1' }),
  status: column(varchar(20), { notNull: true, default: varcharDefault('pending') }),
  request_body: column(TEXT),
  error: column(varchar(100)),
  due_at: column(TIMESTAMPTZ),
  attempted_at: column(TIMESTAMPTZ),
};

export const webhookIndexes: Record<string, IndexSpec> = {
  idx_webhooks_org: index('webhooks', ['organization_id']),
  idx_webhook_deliveries_message: index('webhook_deliveries', ['webhook_id', 'message_id']),
  // 20261004000100_webhook_delivery_retention: the cleanup finds old deliveries of every endpoint.
  idx_webhook_deliveries_created: index('webhook_deliveries', ['created_at']),
};
