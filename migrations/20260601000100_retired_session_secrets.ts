/**
 * Every secret a bearer session ever had, not just the last one: a thief who refreshes twice with
 * a stolen secret would otherwise leave the original unrecognised, its later use a plain 401 while
 * the thief's chain lived on (docs/security.md C6). Each refresh moves the replaced secret's hash here;
 * any of them used after its grace period ends the session. The rows go with their session (on
 * delete cascade), and sessions are deleted a week after they expire by the seed's
 * `cleanup_expired_sessions()`, so the table holds at most one row per refresh of a live session.
 * Replaces the single `previous_token_hash` / `token_rotated_at` pair on user_sessions.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table user_session_retired_secrets (
      token_hash varchar(64) primary key,
      session_id uuid not null references user_sessions(id) on delete cascade,
      retired_at timestamptz not null default now()
    )`);
  // The primary key serves the lookup by secret; this one the cascade when a session is deleted.
  await knex.raw('create index idx_user_session_retired_secrets_session on user_session_retired_secrets (session_id)');
  await knex.raw(
    `comment on table user_session_retired_secrets is 'bearer transport: SHA-256 of every secret a refresh replaced; accepted for a short grace period after retired_at, reuse after it revokes the session'`,
  );
  // A service table (no RLS, no grant to acct_app): only the session check reads it.
  // Sessions rotated before this migration keep their one replaced secret.
  await knex.raw(`
    insert into user_session_retired_secrets (token_hash, session_id, retired_at)
    select previous_token_hash, id, coalesce(token_rotated_at, now()) from user_sessions
    where previous_token_hash is not null
    on conflict (token_hash) do nothing`);
  await knex.raw('drop index if exists idx_user_sessions_previous_token');
  await knex.raw('alter table user_sessions drop column token_rotated_at');
  await knex.raw('alter table user_sessions drop column previous_token_hash');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table user_sessions add column previous_token_hash varchar(255)');
  await knex.raw('alter table user_sessions add column token_rotated_at timestamptz');
  await knex.raw(
    'create index idx_user_sessions_previous_token on user_sessions (previous_token_hash) where previous_token_hash is not null',
  );
  await knex.raw(
    `comment on column user_sessions.previous_token_hash is 'bearer transport: the secret replaced at the last refresh, accepted for a short grace period; reuse after it revokes the session'`,
  );
  // The newest retired secret of each session becomes its previous one again; older ones are lost.
  await knex.raw(`
    update user_sessions s set previous_token_hash = r.token_hash, token_rotated_at = r.retired_at
    from (
      select distinct on (session_id) session_id, token_hash, retired_at
      from user_session_retired_secrets order by session_id, retired_at desc
    ) r
    where r.session_id = s.id`);
  await knex.raw('drop table user_session_retired_secrets');
}
