/**
 * Seed section 1, the account module: sessions, login history, notification preferences and quiet
 * hours, connected apps, API tokens, webhooks and their deliveries, data export and deletion
 * requests. The SQL is the seed's, statement for statement; the one deviation is marked.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table user_sessions (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      session_token_hash varchar(255) not null unique,
      device_type varchar(50),
      device_name varchar(255),
      browser varchar(100),
      os varchar(100),
      ip_address inet,
      location_city varchar(100),
      location_country varchar(100),
      is_current boolean default false,
      created_at timestamptz default now(),
      last_active_at timestamptz default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`);
  await knex.raw('create index idx_user_sessions_user_id on user_sessions(user_id)');
  await knex.raw(
    'create index idx_user_sessions_active on user_sessions(user_id, expires_at) where revoked_at is null',
  );
  await knex.raw(
    `comment on column user_sessions.session_token_hash is 'SHA-256 of the session token; the token itself is never stored'`,
  );
  await knex.raw(`comment on column user_sessions.device_type is 'desktop, mobile or tablet'`);

  await knex.raw(`
    create table login_history (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      event_type varchar(50) not null,
      auth_method varchar(50),
      ip_address inet,
      device_info jsonb,
      location jsonb,
      success boolean not null,
      failure_reason varchar(255),
      created_at timestamptz default now()
    )`);
  await knex.raw('create index idx_login_history_user on login_history(user_id, created_at desc)');
  await knex.raw(
    `comment on column login_history.event_type is 'login_success, login_failed, logout or password_reset'`,
  );
  await knex.raw(`comment on column login_history.auth_method is 'password, magic_link, oauth, passkey or mfa'`);
  await knex.raw(`comment on column login_history.location is '{city, country, coords}'`);

  await knex.raw(`
    create table notification_preferences (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      category varchar(100) not null,
      event_type varchar(100) not null,
      email_enabled boolean default true,
      push_enabled boolean default true,
      in_app_enabled boolean default true,
      frequency varchar(50) default 'instant',
      created_at timestamptz default now(),
      updated_at timestamptz default now(),
      unique (user_id, event_type)
    )`);
  await knex.raw(`comment on column notification_preferences.category is 'activity, updates, marketing or security'`);
  await knex.raw(`comment on column notification_preferences.frequency is 'instant, daily or weekly'`);

  await knex.raw(`
    create table notification_quiet_hours (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade unique,
      enabled boolean default false,
      start_time time default '22:00',
      end_time time default '08:00',
      timezone varchar(100) default 'UTC',
      days_of_week integer[] default array[0,1,2,3,4,5,6]
    )`);

  await knex.raw(`
    create table connected_apps (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations(id) on delete cascade,
      user_id uuid references auth.users(id) on delete set null,
      provider varchar(100) not null,
      provider_account_id varchar(255),
      scopes jsonb,
      access_token_encrypted text,
      refresh_token_encrypted text,
      token_expires_at timestamptz,
      last_sync_at timestamptz,
      connected_at timestamptz default now(),
      disconnected_at timestamptz
    )`);
  await knex.raw('create index idx_connected_apps_org on connected_apps(organization_id)');

  await knex.raw(`
    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations(id) on delete cascade,
      user_id uuid references auth.users(id) on delete set null,
      name varchar(255) not null,
      token_hash varchar(255) not null unique,
      token_prefix varchar(10) not null,
      scopes jsonb default '[]'::jsonb,
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz default now()
    )`);
  await knex.raw('create index idx_api_tokens_org on api_tokens(organization_id)');
  await knex.raw('create index idx_api_tokens_hash on api_tokens(token_hash) where revoked_at is null');
  await knex.raw(
    `comment on column api_tokens.token_prefix is 'first 8 characters of the token, shown to tell tokens apart'`,
  );

  await knex.raw(`
    create table webhooks (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations(id) on delete cascade,
      url text not null,
      events jsonb not null default '[]'::jsonb,
      secret_hash varchar(255) not null,
      is_active boolean default true,
      last_triggered_at timestamptz,
      failure_count integer default 0,
      created_at timestamptz default now()
    )`);
  // Deviation from the seed (docs/architecture.md §4 "Data"): a hash cannot sign payloads, since an HMAC needs
  // the secret itself. secret_hash stays (it verifies a secret the owner presents); the secret
  // is kept beside it encrypted at rest with AES-256-GCM, in the same envelope as OAuth tokens.
  await knex.raw('alter table webhooks add column secret_encrypted text');
  await knex.raw(
    `comment on column webhooks.secret_encrypted is 'signing secret, AES-256-GCM envelope with key id; the seed''s secret_hash cannot sign payloads'`,
  );

  await knex.raw(`
    create table webhook_deliveries (
      id uuid primary key default gen_random_uuid(),
      webhook_id uuid not null references webhooks(id) on delete cascade,
      event_type varchar(100) not null,
      payload jsonb not null,
      response_status integer,
      response_body text,
      duration_ms integer,
      success boolean,
      created_at timestamptz default now()
    )`);
  await knex.raw('create index idx_webhook_deliveries on webhook_deliveries(webhook_id, created_at desc)');

  await knex.raw(`
    create table data_export_requests (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      status varchar(50) default 'pending',
      format varchar(20) default 'json',
      download_url text,
      file_size_bytes bigint,
      expires_at timestamptz,
      created_at timestamptz default now(),
      completed_at timestamptz
    )`);
  await knex.raw(`comment on column data_export_requests.status is 'pending, processing, ready or expired'`);

  await knex.raw(`
    create table account_deletion_requests (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      reason text,
      feedback text,
      scheduled_for timestamptz not null,
      cancelled_at timestamptz,
      completed_at timestamptz,
      created_at timestamptz default now()
    )`);
  await knex.raw(`comment on column account_deletion_requests.scheduled_for is '30 days after the request'`);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'account_deletion_requests',
    'data_export_requests',
    'webhook_deliveries',
    'webhooks',
    'api_tokens',
    'connected_apps',
    'notification_quiet_hours',
    'notification_preferences',
    'login_history',
    'user_sessions',
  ]) {
    await knex.raw('drop table if exists ??', [table]);
  }
}
