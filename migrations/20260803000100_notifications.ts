/**
 * Notifications (server/modules/notifications/, docs/notifications.md):
 * - `notifications`: the in-app feed, one row per notification a user received in the app; the
 *   user reads and marks their own rows (RLS, like every user-owned table).
 * - `notification_outbox`: notifications not delivered yet — held by quiet hours until they end,
 *   or waiting for the user's daily or weekly digest. A service table (no RLS, no grant to
 *   acct_app): the release job reads it across users.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      event_type varchar(100) not null,
      category varchar(100) not null,
      title text not null,
      body text not null default '',
      url text,
      data jsonb not null default '{}'::jsonb,
      read_at timestamptz,
      created_at timestamptz not null default now()
    )`);
  await knex.raw(`comment on table notifications is 'the in-app notification feed, per user'`);
  // The feed (newest first) and the unread badge.
  await knex.raw('create index idx_notifications_user_created on notifications (user_id, created_at desc, id desc)');
  await knex.raw('create index idx_notifications_user_unread on notifications (user_id) where read_at is null');
  await knex.raw('alter table notifications enable row level security');
  await knex.raw('create policy notifications_policy on notifications for all using (user_id = auth.uid())');
  await knex.raw('grant select, insert, update, delete on notifications to acct_app');

  await knex.raw(`
    create table notification_outbox (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      event_type varchar(100) not null,
      category varchar(100) not null,
      title text not null,
      body text not null default '',
      url text,
      channels jsonb not null,
      digest varchar(10),
      deliver_after timestamptz not null,
      created_at timestamptz not null default now(),
      constraint notification_outbox_digest_check check (digest in ('daily', 'weekly'))
    )`);
  await knex.raw(
    `comment on table notification_outbox is 'notifications held by quiet hours or waiting for a digest (digest: daily or weekly; null: held)'`,
  );
  await knex.raw('create index idx_notification_outbox_due on notification_outbox (deliver_after)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table if exists notification_outbox');
  await knex.raw('drop table if exists notifications');
}
