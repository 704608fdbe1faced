/**
 * What the sign-in core needs beyond the seed: one-time tokens for emailed links and session
 * hand-over codes, the outgoing mail queue, the JWT signing keys, and two columns on
 * user_sessions (how the session was signed in, and the previous bearer secret for rotation).
 * These are service tables: no user-scoped role ever reads them.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // Emailed links (verification, password reset) and the short-lived codes that hand a session to
  // the page that asked for it. Only the SHA-256 of each secret is stored.
  await knex.raw(`
    create table auth.one_time_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      purpose varchar(40) not null,
      token_hash varchar(64) not null,
      redirect_url text,
      data jsonb not null default '{}'::jsonb,
      ip_address inet,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      constraint one_time_tokens_token_hash_key unique (token_hash),
      constraint one_time_tokens_purpose_check check (purpose in ('email_verification', 'password_reset', 'session_exchange'))
    )`);
  await knex.raw(
    'create index idx_one_time_tokens_open on auth.one_time_tokens (user_id, purpose) where used_at is null',
  );
  await knex.raw('create index idx_one_time_tokens_expiry on auth.one_time_tokens (expires_at)');

  // Outgoing mail, sent by a worker and retried with back-off when the mail server fails
  // (docs/security.md I3). Bodies can hold sign-in links, so they are stored encrypted and cleared
  // once sent (kept only in the development outbox).
  await knex.raw(`
    create table mail_queue (
      id uuid primary key default gen_random_uuid(),
      to_address varchar(255) not null,
      template varchar(50) not null,
      subject text not null,
      body_encrypted text,
      status varchar(20) not null default 'pending',
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null default now(),
      constraint mail_queue_status_check check (status in ('pending', 'sending', 'sent', 'failed'))
    )`);
  await knex.raw(
    `create index idx_mail_queue_due on mail_queue (next_attempt_at) where status in ('pending', 'sending')`,
  );

  // ES256 keys for the JWTs site backends verify. The newest signs; rotated keys stay published
  // in the JWKS until every token they signed has expired.
  await knex.raw(`
    create table auth.signing_keys (
      kid varchar(64) primary key,
      algorithm varchar(10) not null default 'ES256',
      public_jwk jsonb not null,
      private_jwk_encrypted text not null,
      created_at timestamptz not null default now(),
      rotated_at timestamptz
    )`);

  await knex.raw('alter table user_sessions add column auth_method varchar(50)');
  await knex.raw('alter table user_sessions add column previous_token_hash varchar(255)');
  await knex.raw('alter table user_sessions add column token_rotated_at timestamptz');
  await knex.raw(
    'create index idx_user_sessions_previous_token on user_sessions (previous_token_hash) where previous_token_hash is not null',
  );
  await knex.raw(
    `comment on column user_sessions.previous_token_hash is 'bearer transport: the secret replaced at the last refresh, accepted for a short grace period; reuse after it revokes the session'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists idx_user_sessions_previous_token');
  await knex.raw('alter table user_sessions drop column if exists token_rotated_at');
  await knex.raw('alter table user_sessions drop column if exists previous_token_hash');
  await knex.raw('alter table user_sessions drop column if exists auth_method');
  await knex.raw('drop table if exists auth.signing_keys');
  await knex.raw('drop table if exists mail_queue');
  await knex.raw('drop table if exists auth.one_time_tokens');
}
