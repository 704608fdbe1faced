/**
 * Web Push (issue 11, server/modules/push): the browsers a user has let acct notify, and the
 * server's VAPID key pair (RFC 8292) that push services use to recognise acct's messages.
 *
 * `push_subscriptions` is user-owned: row-level security like the seed's tables, so a user lists
 * and removes only their own. The endpoint is a capability URL (whoever knows it may post to that
 * browser's queue), unique across users: one browser profile has one subscription per site.
 * `auth.vapid_keys` is a service table like `auth.signing_keys` (no RLS, no grant to acct_app):
 * the private key is sealed with the encryption envelope, bound to its row.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table push_subscriptions (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      endpoint text not null unique,
      p256dh varchar(100) not null,
      auth varchar(50) not null,
      user_agent varchar(500),
      created_at timestamptz not null default now(),
      last_success_at timestamptz,
      failure_count integer not null default 0
    )`);
  await knex.raw('create index idx_push_subscriptions_user on push_subscriptions(user_id)');
  await knex.raw(
    `comment on table push_subscriptions is 'browsers that accepted Web Push for a user (RFC 8030 endpoint, RFC 8291 keys)'`,
  );
  await knex.raw(
    `comment on column push_subscriptions.failure_count is 'failed deliveries since the last success (404/410 delete the row instead)'`,
  );
  await knex.raw('alter table push_subscriptions enable row level security');
  await knex.raw('create policy push_subscriptions_policy on push_subscriptions for all using (user_id = auth.uid())');
  await knex.raw('grant select, insert, update, delete on push_subscriptions to acct_app');

  await knex.raw(`
    create table auth.vapid_keys (
      id smallint primary key default 1 check (id = 1),
      public_key varchar(100) not null,
      private_key_encrypted text not null,
      created_at timestamptz not null default now()
    )`);
  await knex.raw(
    `comment on table auth.vapid_keys is 'the one VAPID key pair (P-256, base64url) unless ACCT_VAPID_PUBLIC_KEY/ACCT_VAPID_PRIVATE_KEY are set'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table if exists auth.vapid_keys');
  await knex.raw('drop table if exists push_subscriptions');
}
