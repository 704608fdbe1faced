/**
 * Languages: the language a user reads acct's mail in (`auth.users.locale`, set at sign-up from
 * the request's language and changed through `PATCH /api/me`; null: not known, the request's
 * decides), and the language an emailed link's mail was written in, so that its landing page
 * speaks the same (`magic_links.locale`, `organization_invitations.locale`; one-time tokens keep
 * it in their `data`). Values are language codes acct supports (server/i18n); no check
 * constraint, so that adding a language needs no migration.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table auth.users add column locale varchar(35)');
  await knex.raw(
    `comment on column auth.users.locale is 'language of the user''s mail (en, fr, …); null: the language of each request'`,
  );
  // The user may read and change their own language, like the other profile columns.
  await knex.raw('grant select (locale), update (locale) on auth.users to acct_app');

  await knex.raw('alter table magic_links add column locale varchar(35)');
  await knex.raw(
    `comment on column magic_links.locale is 'language of the mail that carried the link, and of its landing page'`,
  );

  await knex.raw('alter table organization_invitations add column locale varchar(35)');
  await knex.raw(
    `comment on column organization_invitations.locale is 'language of the invitation mail, and of its landing page'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table organization_invitations drop column if exists locale');
  await knex.raw('alter table magic_links drop column if exists locale');
  // Dropping the column also drops its column grants.
  await knex.raw('alter table auth.users drop column if exists locale');
}
