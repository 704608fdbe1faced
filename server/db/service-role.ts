/**
 * The least-privileged server login (docs/deploying.md "Database roles"): what the `acct_service` group role
 * (created by migration 20260601000400_service_role) may touch, granted after every migration run
 * so that tables added by later migrations are covered, and the start-up check that warns when
 * the server's own role escapes row-level security.
 *
 * `acct_service` gets DML on every table of acct's schemas (never knex's migration bookkeeping),
 * their sequences and functions, and one permissive policy per RLS-enabled table that lets it see
 * every row: service work — the sign-in lookup, the session check, jobs, admin — is privileged by
 * design, and a role without BYPASSRLS would otherwise see no row at all. `acct_app`, the role
 * user-scoped work switches to, is not a member of `acct_service`, so those policies never apply
 * inside `asUser`.
 */
import type { Knex } from 'knex';
import type { Logger } from '../http/logging';
import { JOB_SCHEMA } from '../jobs/pg-boss-db';
import type { Database } from './database';

/** The NOLOGIN group role of the server's login role. */
export const SERVICE_ROLE = 'acct_service';

/** The schemas acct's objects live in. */
const SCHEMAS = 'public, auth';

/** An arbitrary constant: serialises two processes granting in the same database at once. */
const GRANT_LOCK = 0x61636374;

// Idempotent, and a no-op until the migration has created the role (or after it was rolled back).
// Names are constants of this file, never input.
const GRANT_SQL = (migrationsTable: string) => `
  do $$
  declare
    missing record;
  begin
    if not exists (select 1 from pg_roles where rolname = '${SERVICE_ROLE}') then
      return;
    end if;
    grant usage on schema ${SCHEMAS} to ${SERVICE_ROLE};
    grant select, insert, update, delete on all tables in schema ${SCHEMAS} to ${SERVICE_ROLE};
    grant usage, select on all sequences in schema ${SCHEMAS} to ${SERVICE_ROLE};
    grant execute on all functions in schema ${SCHEMAS} to ${SERVICE_ROLE};
    -- The job runner's schema (migration 20260801000100_job_runner); its queues' tables are made
    -- by the migrator (server/jobs/job-runner.ts declareJobQueues).
    if exists (select 1 from pg_namespace where nspname = '${JOB_SCHEMA}') then
      grant usage on schema ${JOB_SCHEMA} to ${SERVICE_ROLE};
      grant select, insert, update, delete on all tables in schema ${JOB_SCHEMA} to ${SERVICE_ROLE};
      grant execute on all functions in schema ${JOB_SCHEMA} to ${SERVICE_ROLE};
    end if;
    -- knex's bookkeeping is the migrator's business only.
    for missing in
      select c.relkind, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname like '${migrationsTable}%' and c.relkind in ('r', 'S')
    loop
      execute format('revoke all on %s public.%I from ${SERVICE_ROLE}', case when missing.relkind = 'S' then 'sequence' else 'table' end, missing.relname);
    end loop;
    for missing in
      select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relrowsecurity and c.relkind in ('r', 'p') and n.nspname in ('public', 'auth')
        and not exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = c.relname || '_service_policy')
    loop
      execute format('create policy %I on %I.%I for all to ${SERVICE_ROLE} using (true) with check (true)',
        missing.relname || '_service_policy', missing.nspname, missing.relname);
    end loop;
    -- acct_app may have been dropped and made again (rolling every migration back and forth).
    if not pg_has_role('${SERVICE_ROLE}', 'acct_app', 'MEMBER') then
      grant acct_app to ${SERVICE_ROLE};
    end if;
  end
  $$`;

/** Grants `acct_service` what it needs on every table that exists now; run after migrations. */
export async function grantServiceRole(knex: Knex, migrationsTable: string): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [GRANT_LOCK]);
    await trx.raw(GRANT_SQL(migrationsTable));
  });
}

interface RoleCheck {
  role: string;
  superuser: boolean;
  bypass_rls: boolean;
  owned_tables: number;
}

/**
 * Warns (once per start) when the server's database role is not bound by row-level security —
 * a superuser, BYPASSRLS, or the owner of acct's tables — which makes `asUser` the only line of
 * defence instead of one of two. Only for PostgreSQL: the embedded database has one user.
 */
export async function warnIfPrivileged(db: Database, logger: Logger, migrationsTable: string): Promise<void> {
  if (db.kind !== 'postgres') return;
  const { rows } = (await db.knex.raw(
    `select current_user as role, r.rolsuper as superuser, r.rolbypassrls as bypass_rls,
            (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('public', 'auth') and c.relkind in ('r', 'p') and c.relname not like ?
               and pg_has_role(current_user, c.relowner, 'USAGE'))::int as owned_tables
     from pg_roles r where r.rolname = current_user`,
    [`${migrationsTable}%`],
  )) as { rows: RoleCheck[] };
  const check = rows[0];
  if (!check || (!check.superuser && !check.bypass_rls && check.owned_tables === 0)) return;
  logger.warn(
    { role: check.role, superuser: check.superuser, bypassRls: check.bypass_rls, ownedTables: check.owned_tables },
    `DATABASE_URL connects as a role that row-level security does not bind (superuser, BYPASSRLS or owner of acct's tables): run the server as a login role in ${SERVICE_ROLE} and migrate with ACCT_MIGRATION_DATABASE_URL (docs/deploying.md "Database roles")`,
  );
}
