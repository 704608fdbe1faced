/**
 * Seed section 2, the authentication module: passkeys, magic links, OAuth accounts and the
 * rate-limit token buckets. The SQL is the seed's, statement for statement.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table passkeys (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      credential_id bytea not null unique,
      public_key bytea not null,
      counter integer not null default 0,
      device_name varchar(255),
      transports jsonb,
      aaguid bytea,
      created_at timestamptz default now(),
      last_used_at timestamptz
    )`);
  await knex.raw('create index idx_passkeys_user on passkeys(user_id)');
  await knex.raw('create index idx_passkeys_credential on passkeys(credential_id)');
  await knex.raw(
    `comment on column passkeys.transports is 'authenticator transports, e.g. ["usb", "ble", "nfc", "internal"]'`,
  );

  await knex.raw(`
    create table magic_links (
      id uuid primary key default gen_random_uuid(),
      user_id uuid references auth.users(id) on delete cascade,
      email varchar(255) not null,
      token_hash varchar(255) not null unique,
      redirect_url text,
      expires_at timestamptz not null,
      used_at timestamptz,
      ip_address inet,
      created_at timestamptz default now()
    )`);
  await knex.raw('create index idx_magic_links_token on magic_links(token_hash) where used_at is null');
  await knex.raw('create index idx_magic_links_cleanup on magic_links(expires_at) where used_at is null');
  await knex.raw(`comment on column magic_links.user_id is 'null until the address has an account (sign-up by link)'`);

  await knex.raw(`
    create table oauth_accounts (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      provider varchar(50) not null,
      provider_user_id varchar(255) not null,
      provider_email varchar(255),
      provider_name varchar(255),
      provider_avatar_url text,
      access_token_encrypted text,
      refresh_token_encrypted text,
      token_expires_at timestamptz,
      scopes jsonb,
      created_at timestamptz default now(),
      updated_at timestamptz default now(),
      unique (provider, provider_user_id)
    )`);
  await knex.raw('create index idx_oauth_accounts_user on oauth_accounts(user_id)');
  await knex.raw(`comment on column oauth_accounts.provider is 'google, microsoft, apple, github or an OIDC issuer'`);

  await knex.raw(`
    create table rate_limit_buckets (
      identifier varchar(255) not null,
      action varchar(100) not null,
      tokens integer not null default 10,
      last_refill timestamptz default now(),
      primary key (identifier, action)
    )`);
  // Cleanup old entries periodically (cleanup_expired_sessions()).
  await knex.raw('create index idx_rate_limit_cleanup on rate_limit_buckets(last_refill)');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['rate_limit_buckets', 'oauth_accounts', 'magic_links', 'passkeys']) {
    await knex.raw('drop table if exists ??', [table]);
  }
}
