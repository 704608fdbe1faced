/**
 * Linking a provider account while signed in (issue 10, docs/security.md B6): an OAuth attempt
 * may be a link attempt for one user (`link_user_id`). Its callback does not sign anyone in: it
 * keeps the provider account the provider vouched for (`link_profile`) and sends the browser back
 * with a single-use link code (stored as its hash), which the same signed-in user then redeems
 * (`linked_at`, set once, atomically) — so a link URL started by someone else links nothing to
 * the victim's account, and nothing to the attacker's from the victim's browser either.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table oauth_attempts
      add column link_user_id uuid references auth.users(id) on delete cascade,
      add column link_code_hash varchar(64),
      add column link_profile jsonb,
      add column linked_at timestamptz,
      add constraint oauth_attempts_link_code_hash_key unique (link_code_hash)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table oauth_attempts
      drop column link_user_id,
      drop column link_code_hash,
      drop column link_profile,
      drop column linked_at`);
}
