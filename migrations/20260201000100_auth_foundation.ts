/**
 * What the seed references but does not define: the `auth` schema with `auth.users` and
 * `auth.uid()`, organizations with their members and invitations, and the unprivileged role that
 * user-scoped work switches to so that row-level security binds. Runs before the seed's own order.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create schema if not exists auth');

  // Supabase's signature: auth.uid() returns uuid, null when no user is set. The user is a
  // transaction-local setting made by server/db/as-user.ts, so it cannot outlive the transaction.
  await knex.raw(`
    create or replace function auth.uid() returns uuid
    language sql stable
    as $$ select nullif(current_setting('acct.user_id', true), '')::uuid $$`);

  // Roles belong to the whole cluster, so another database of this cluster may have created it
  // already, or be creating it right now (tests migrate several databases at once). The loop
  // makes the role exist and pins it with a grant in one step: once the grant is recorded, a
  // concurrent DROP ROLE (another database's rollback) waits for us and then finds a dependency.
  await knex.raw(`
    do $$
    begin
      for attempt in 1..5 loop
        begin
          if not exists (select 1 from pg_roles where rolname = 'acct_app') then
            create role acct_app nologin nosuperuser nocreatedb nocreaterole nobypassrls noinherit;
          end if;
          grant usage on schema auth to acct_app;
          exit;
        exception when duplicate_object or unique_violation or undefined_object then
          if attempt = 5 then raise; end if;
        end;
      end loop;
      -- A superuser may switch to any role; anyone else needs membership to SET ROLE.
      if not pg_has_role(current_user, 'acct_app', 'MEMBER') then
        execute format('grant acct_app to %I', current_user);
      end if;
    end
    $$`);
  await knex.raw(
    `comment on role acct_app is 'acct: the unprivileged role user-scoped transactions switch to, so RLS policies bind'`,
  );

  await knex.raw(`
    create table auth.users (
      id uuid primary key default gen_random_uuid(),
      email varchar(255) not null,
      password_hash text,
      email_verified_at timestamptz,
      display_name varchar(255),
      avatar_url text,
      bio text,
      app_role varchar(20) not null default 'user',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint users_app_role_check check (app_role in ('user', 'admin')),
      constraint users_email_check check (email = btrim(email) and email like '%_@_%')
    )`);
  // Case-insensitive uniqueness without the citext extension (not every PostgreSQL, nor PGlite
  // without loading it, has it): lookups must use lower(email) to hit this index.
  await knex.raw('create unique index users_email_lower_key on auth.users (lower(email))');
  await knex.raw(
    `comment on column auth.users.password_hash is 'argon2id PHC string; null for accounts that sign in without a password'`,
  );
  await knex.raw(
    `comment on column auth.users.app_role is 'user or admin: admins manage onboarding paths, checklist items and templates'`,
  );

  await knex.raw(`
    create table organizations (
      id uuid primary key default gen_random_uuid(),
      name varchar(255) not null,
      slug varchar(100) not null,
      created_by uuid references auth.users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint organizations_slug_key unique (slug),
      constraint organizations_slug_check check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
    )`);

  await knex.raw(`
    create table organization_members (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations(id) on delete cascade,
      user_id uuid not null references auth.users(id) on delete cascade,
      role varchar(20) not null default 'member',
      created_at timestamptz not null default now(),
      constraint organization_members_org_user_key unique (organization_id, user_id),
      constraint organization_members_role_check check (role in ('owner', 'admin', 'member'))
    )`);
  await knex.raw('create index idx_organization_members_user on organization_members (user_id)');

  await knex.raw(`
    create table organization_invitations (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations(id) on delete cascade,
      email varchar(255) not null,
      role varchar(20) not null default 'member',
      token_hash varchar(255) not null,
      invited_by uuid references auth.users(id) on delete set null,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by uuid references auth.users(id) on delete set null,
      revoked_at timestamptz,
      last_sent_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      constraint organization_invitations_token_hash_key unique (token_hash),
      constraint organization_invitations_role_check check (role in ('admin', 'member'))
    )`);
  await knex.raw('create index idx_organization_invitations_org on organization_invitations (organization_id)');
  // At most one open invitation per address and organization; a resend reuses it.
  await knex.raw(`
    create unique index organization_invitations_open_key on organization_invitations (organization_id, lower(email))
    where accepted_at is null and revoked_at is null`);
  await knex.raw(
    `comment on column organization_invitations.token_hash is 'SHA-256 of the emailed token; the token itself is never stored'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table if exists organization_invitations');
  await knex.raw('drop table if exists organization_members');
  await knex.raw('drop table if exists organizations');
  await knex.raw('drop table if exists auth.users');
  await knex.raw('drop function if exists auth.uid()');
  await knex.raw('revoke usage on schema auth from acct_app');
  await knex.raw('drop schema if exists auth');
  // The role is shared by every database of the cluster; drop it only when none still uses it.
  await knex.raw(`
    do $$
    begin
      drop role if exists acct_app;
    exception when dependent_objects_still_exist then
      raise notice 'acct_app is still used by another database; keeping it';
    end
    $$`);
}
