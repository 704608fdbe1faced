/**
 * The export misses no table: every table of acct's schemas that points at a user — a foreign key
 * to `auth.users`, or a column named `user_id` / `…_user_id` — is either read by a section of
 * export-sections.ts or listed in `EXCLUDED_TABLES` with its reason. Derived from the migrated
 * database itself, so a table added by any later migration fails this test until it is covered.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachDatabase } from '../../testing/databases';
import { EXCLUDED_TABLES, EXPORT_SECTIONS } from './export-sections';

describeOnEachDatabase('data export coverage', (getDb) => {
  it('exports or explicitly excludes every table with a user column', async () => {
    const { rows } = await getDb().knex.raw<{ rows: { name: string; why: string }[] }>(`
      select distinct case when c.table_schema = 'public' then c.table_name else c.table_schema || '.' || c.table_name end as name,
             c.column_name as why
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema in ('public', 'auth') and t.table_type = 'BASE TABLE'
         and (c.column_name = 'user_id' or c.column_name like '%\\_user\\_id' or exists (
              select 1 from pg_constraint k
               where k.contype = 'f' and k.confrelid = 'auth.users'::regclass
                 and k.conrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass
                 and (select attname from pg_attribute where attrelid = k.conrelid and attnum = k.conkey[1]) = c.column_name))`);
    const exported = new Set(EXPORT_SECTIONS.map((s) => s.table));
    const missing = rows.filter((r) => !exported.has(r.name) && !(r.name in EXCLUDED_TABLES));
    assert.deepEqual(
      missing.map((r) => `${r.name} (${r.why})`),
      [],
      'add a section to EXPORT_SECTIONS (export-sections.ts) or an entry with its reason to EXCLUDED_TABLES',
    );
    assert.ok(rows.length >= 15, `found only ${rows.length} user columns: is the query still right?`);
  });

  it('names only tables that exist, and no table twice', async () => {
    const { rows } = await getDb().knex.raw<{ rows: { name: string }[] }>(
      `select case when table_schema = 'public' then table_name else table_schema || '.' || table_name end as name
         from information_schema.tables where table_schema in ('public', 'auth')`,
    );
    const tables = new Set(rows.map((r) => r.name));
    for (const table of [...EXPORT_SECTIONS.map((s) => s.table), ...Object.keys(EXCLUDED_TABLES)]) {
      assert.ok(tables.has(table), `${table} is not a table`);
    }
    const names = EXPORT_SECTIONS.map((s) => s.name);
    assert.equal(new Set(names).size, names.length);
  });
});
