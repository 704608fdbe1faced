/**
 * Webhooks (server/modules/webhooks, docs/webhooks.md). The seed's `webhooks` keeps `secret_hash`
 * and the first migration's sealed `secret_encrypted`; added here: a description, why an endpoint
 * was disabled, and the rotated-out secret (sealed) with the end of its overlap, during which both
 * signatures are sent. `webhook_deliveries` holds one row per attempt: the message id shared by a
 * message's attempts (the `webhook-id` header), the attempt number, its state, the exact body
 * sent, when it is or was due, and why it failed when no answer came (`status`: pending,
 * succeeded or failed, written by the module only). Organization-owned tables:
 * no row-level security grant to acct_app (as api_tokens), every check is in the module.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table webhooks
      add column description text not null default '',
      add column previous_secret_encrypted text,
      add column previous_secret_expires_at timestamptz,
      add column disabled_reason varchar(20),
      add column updated_at timestamptz not null default now()`);
  await knex.raw('create index idx_webhooks_org on webhooks(organization_id)');
  await knex.raw(`
    alter table webhook_deliveries
      add column message_id varchar(40),
      add column attempt integer not null default 1,
      add column status varchar(20) not null default 'pending',
      add column request_body text,
      add column error varchar(100),
      add column due_at timestamptz,
      add column attempted_at timestamptz`);
  // Rows from before (none in practice): each its own message. The code writes every new one.
  await knex.raw(`update webhook_deliveries set message_id = 'msg_' || replace(id::text, '-', '')`);
  await knex.raw('alter table webhook_deliveries alter column message_id set not null');
  await knex.raw('create index idx_webhook_deliveries_message on webhook_deliveries(webhook_id, message_id)');
  await knex.raw(
    `comment on column webhook_deliveries.message_id is 'the webhook-id header: the same for every attempt and replay of one message'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists idx_webhook_deliveries_message');
  await knex.raw(`
    alter table webhook_deliveries
      drop column if exists message_id,
      drop column if exists attempt,
      drop column if exists status,
      drop column if exists request_body,
      drop column if exists error,
      drop column if exists due_at,
      drop column if exists attempted_at`);
  await knex.raw('drop index if exists idx_webhooks_org');
  await knex.raw(`
    alter table webhooks
      drop column if exists description,
      drop column if exists previous_secret_encrypted,
      drop column if exists previous_secret_expires_at,
      drop column if exists disabled_reason,
      drop column if exists updated_at`);
}
