/**
 * Issue 11, the profile: uploaded avatars and the email change.
 *
 * `user_avatars` keeps each user's one uploaded picture in PostgreSQL (replaced on upload,
 * removed with the account), with the SHA-256 of its bytes that its public address carries, so
 * that the address changes when the picture does and the picture can be cached for good. A user
 * reads and writes only their own row (row-level security, like the seed's user-owned tables); the
 * public avatar route reads on the service connection.
 *
 * Two new one-time token purposes: `email_change` (the confirmation link mailed to the new
 * address) and `email_change_undo` (the 72-hour link mailed to the old one).
 */
import type { Knex } from 'knex';

const OLD_PURPOSES = ['email_verification', 'password_reset', 'session_exchange'];
const NEW_PURPOSES = [...OLD_PURPOSES, 'email_change', 'email_change_undo'];

async function setPurposes(knex: Knex, purposes: string[]): Promise<void> {
  // DDL takes no bind parameters: the values are this file's constants, quoted here.
  const list = purposes.map((purpose) => `'${purpose}'`).join(', ');
  await knex.raw('alter table auth.one_time_tokens drop constraint one_time_tokens_purpose_check');
  await knex.raw(
    `alter table auth.one_time_tokens add constraint one_time_tokens_purpose_check check (purpose in (${list}))`,
  );
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table user_avatars (
      user_id uuid primary key references auth.users (id) on delete cascade,
      content_type varchar(20) not null,
      sha256 varchar(64) not null,
      bytes bytea not null,
      created_at timestamptz not null default now(),
      constraint user_avatars_content_type_check
        check (content_type in ('image/png', 'image/jpeg', 'image/webp', 'image/gif'))
    )`);
  await knex.raw(
    `comment on table user_avatars is 'each user''s uploaded avatar (one, replaced on upload), served at /avatars/<user id>/<sha256>'`,
  );
  await knex.raw('alter table user_avatars enable row level security');
  await knex.raw('create policy user_avatars_policy on user_avatars for all using (user_id = auth.uid())');
  await knex.raw('grant select, insert, update, delete on user_avatars to acct_app');

  await setPurposes(knex, NEW_PURPOSES);
}

export async function down(knex: Knex): Promise<void> {
  await knex('auth.one_time_tokens').whereIn('purpose', ['email_change', 'email_change_undo']).delete();
  await setPurposes(knex, OLD_PURPOSES);
  await knex.raw('drop table if exists user_avatars');
}
