/**
 * Seed section 5: the `updated_at` trigger function with the seed's three triggers, and
 * `cleanup_expired_sessions()`. The same trigger also keeps `updated_at` on the tables acct adds
 * (users, organizations), so every `updated_at` in the schema means the same thing.
 */
import type { Knex } from 'knex';

/** The seed's triggers, then ours: trigger name → table. */
const UPDATED_AT_TRIGGERS = {
  notification_prefs_updated: 'notification_preferences',
  oauth_accounts_updated: 'oauth_accounts',
  onboarding_paths_updated: 'onboarding_paths',
  users_updated: 'auth.users',
  organizations_updated: 'organizations',
} as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create or replace function update_updated_at()
    returns trigger as $$
    begin
        new.updated_at = now();
        return new;
    end;
    $$ language plpgsql`);

  for (const [trigger, table] of Object.entries(UPDATED_AT_TRIGGERS)) {
    // knex quotes `auth.users` as "auth"."users".
    await knex.raw('create trigger ?? before update on ?? for each row execute function update_updated_at()', [
      trigger,
      table,
    ]);
  }

  await knex.raw(`
    create or replace function cleanup_expired_sessions()
    returns void as $$
    begin
        delete from user_sessions where expires_at < now() - interval '7 days';
        delete from magic_links where expires_at < now() - interval '1 day';
        delete from rate_limit_buckets where last_refill < now() - interval '1 hour';
    end;
    $$ language plpgsql`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function if exists cleanup_expired_sessions()');
  for (const [trigger, table] of Object.entries(UPDATED_AT_TRIGGERS)) {
    await knex.raw('drop trigger if exists ?? on ??', [trigger, table]);
  }
  await knex.raw('drop function if exists update_updated_at()');
}
