/**
 * Data export (GDPR art. 15/20): the archive of a `data_export_requests` row, kept in PostgreSQL
 * as ordered chunks of at most 256 KiB, so that any server process can build or send it and both
 * databases hold it alike (no shared disk). Chunks go with their request (cascade) and are
 * deleted when the export expires. `site_hook_failures` counts the failed calls of the site's
 * export hook (ACCT_EXPORT_HOOK_URL), so that the job retries a few times and then exports
 * without the site's part, saying so in the archive.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table data_export_files (
      export_id uuid not null references data_export_requests(id) on delete cascade,
      user_id uuid not null references auth.users(id) on delete cascade,
      seq integer not null,
      data bytea not null,
      constraint data_export_files_pkey primary key (export_id, seq)
    )`);
  await knex.raw(
    `comment on table data_export_files is 'the archive of a data export, as ordered chunks (seq from 0) of at most 256 KiB'`,
  );
  // Owned by the user like its request: the same rule, so a chunk can never leak to another user.
  await knex.raw('alter table data_export_files enable row level security');
  await knex.raw('create policy data_export_files_policy on data_export_files for all using (user_id = auth.uid())');

  await knex.raw('alter table data_export_requests add column site_hook_failures integer not null default 0');
  await knex.raw(
    `comment on column data_export_requests.site_hook_failures is 'failed calls of the site export hook (ACCT_EXPORT_HOOK_URL) for this export'`,
  );
  await knex.raw(`create index data_export_requests_user_idx on data_export_requests (user_id, created_at desc)`);
  // One export in the making per user, held by the database itself: two parallel requests cannot both insert.
  await knex.raw(
    `create unique index data_export_requests_one_open_idx on data_export_requests (user_id) where status in ('pending', 'processing')`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists data_export_requests_one_open_idx');
  await knex.raw('drop index if exists data_export_requests_user_idx');
  await knex.raw('alter table data_export_requests drop column if exists site_hook_failures');
  await knex.raw('drop table if exists data_export_files');
}
