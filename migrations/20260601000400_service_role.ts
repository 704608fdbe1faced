/**
 * The group role a least-privileged server logs in through (docs/deploying.md "Database roles"):
 * `acct_service`, NOLOGIN, with no attribute beyond INHERIT, and a member of `acct_app` so that
 * `asUser`'s `SET LOCAL ROLE acct_app` works for its members. An operator runs migrations with an
 * administrative URL (ACCT_MIGRATION_DATABASE_URL) and the server as a login role
 * `IN ROLE acct_service`, which can then read and write acct's rows but change no table, own
 * nothing, and bypass no row-level security.
 *
 * What the role may touch — DML on every table of acct's schemas, their sequences and functions,
 * and a policy on each RLS-enabled table that lets service work (sign-in lookups, jobs, admin)
 * see every row — is granted by server/db/service-role.ts after every migration run, so that
 * tables added by later migrations are covered too; `down` takes all of it back.
 *
 * Like `acct_app`, the role belongs to the whole cluster: it is created only if missing (several
 * databases may be migrating at once) and dropped only when no database and no login role still
 * uses it.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // The same loop as acct_app's in the first migration: create if missing, then pin the role with
  // a grant, retrying when another database creates or drops it at the same moment.
  await knex.raw(`
    do $$
    begin
      for attempt in 1..5 loop
        begin
          if not exists (select 1 from pg_roles where rolname = 'acct_service') then
            create role acct_service nologin nosuperuser nocreatedb nocreaterole nobypassrls inherit;
          end if;
          grant usage on schema public, auth to acct_service;
          exit;
        exception when duplicate_object or unique_violation or undefined_object then
          if attempt = 5 then raise; end if;
        end;
      end loop;
      if not pg_has_role('acct_service', 'acct_app', 'MEMBER') then
        grant acct_app to acct_service;
      end if;
    end
    $$`);
  await knex.raw(
    `comment on role acct_service is 'acct: the group role of the server''s login role; DML on acct''s tables, no DDL, owns nothing, bypasses no RLS (policies name it)'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  // Everything server/db/service-role.ts granted in this database: its policies, then privileges.
  await knex.raw(`
    do $$
    declare
      policy record;
    begin
      if not exists (select 1 from pg_roles where rolname = 'acct_service') then
        return;
      end if;
      for policy in
        select p.polname, n.nspname, c.relname
        from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
        where (select oid from pg_roles where rolname = 'acct_service') = any (p.polroles)
      loop
        execute format('drop policy %I on %I.%I', policy.polname, policy.nspname, policy.relname);
      end loop;
      revoke all on all tables in schema public, auth from acct_service;
      revoke all on all sequences in schema public, auth from acct_service;
      revoke all on all functions in schema public, auth from acct_service;
      revoke all on schema public, auth from acct_service;
    end
    $$`);
  // Other databases of the cluster, and the operator's login roles, may still use the role.
  await knex.raw(`
    do $$
    begin
      if exists (select 1 from pg_auth_members m join pg_roles r on r.oid = m.roleid where r.rolname = 'acct_service') then
        raise notice 'acct_service still has members (login roles); keeping it';
        return;
      end if;
      drop role if exists acct_service;
    exception when dependent_objects_still_exist then
      raise notice 'acct_service is still used by another database; keeping it';
    end
    $$`);
}
