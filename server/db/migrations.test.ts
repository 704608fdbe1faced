/**
 * The migrations go up, all the way down and up again on a fresh database: every `down` undoes
 * its `up` completely (nothing of acct is left in the database but knex's own bookkeeping), and
 * the second `up` gives the same, conforming schema as the first.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { it } from 'node:test';
import { APP_ROLE } from './as-user';
import { SERVICE_ROLE } from './service-role';
import { describeOnEachDatabase } from '../testing/databases';
import { migrateToLatest, migrationConfig, rollback } from './migrate';
import { assertSchemaConforms } from '../testing/schema/conformance';

/** Every migration file, in the order knex runs them. */
const MIGRATIONS = readdirSync(migrationConfig.directory as string)
  .filter((name) => name.endsWith('.ts'))
  .sort();

/**
 * What is left in the database that is not knex's own: the auth schema, relations (tables,
 * indexes, sequences, views) and types in public, functions, policies, triggers, and anything in
 * this database that still depends on the app or service role (a grant, an ownership, a policy).
 */
const LEFTOVERS = `
  select 'schema ' || nspname as object from pg_namespace where nspname = 'auth'
  union all
  select 'relation ' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relname not like 'knex\\_migrations%'
  union all
  select 'type ' || t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
  where n.nspname = 'public' and t.typname not like 'knex\\_migrations%' and t.typname not like '\\_knex\\_migrations%'
  union all
  select 'function ' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = 'public'
  union all
  select 'policy ' || policyname from pg_policies
  union all
  select 'trigger ' || tgname from pg_trigger where not tgisinternal
  union all
  select 'dependency on ' || r.rolname from pg_shdepend d join pg_roles r on r.oid = d.refobjid
  where r.rolname in (?, ?) and d.dbid = (select oid from pg_database where datname = current_database())`;

describeOnEachDatabase(
  'migrations up, down, up',
  (getDb, kind) => {
    it('migrate up runs every migration and conforms', async () => {
      const { knex } = getDb();
      assert.deepEqual(await migrateToLatest(knex), MIGRATIONS);
      await assertSchemaConforms(knex);
    });

    it('rolling everything back leaves nothing of acct', async () => {
      const { knex } = getDb();
      assert.deepEqual(await rollback(knex, true), [...MIGRATIONS].reverse());
      const { rows } = (await knex.raw(LEFTOVERS, [APP_ROLE, SERVICE_ROLE])) as { rows: Array<{ object: string }> };
      assert.deepEqual(
        rows.map((r) => r.object),
        [],
      );
      if (kind === 'pglite') {
        // The roles belong to the whole cluster; PGlite's has no other database that could still
        // use them, so the last rollback must have dropped them.
        const { rows: roles } = (await knex.raw('select rolname from pg_roles where rolname in (?, ?)', [
          APP_ROLE,
          SERVICE_ROLE,
        ])) as { rows: unknown[] };
        assert.deepEqual(roles, []);
      }
    });

    it('migrate up again gives the same conforming schema', async () => {
      const { knex } = getDb();
      assert.deepEqual(await migrateToLatest(knex), MIGRATIONS);
      await assertSchemaConforms(knex);
    });
  },
  { migrate: false },
);
