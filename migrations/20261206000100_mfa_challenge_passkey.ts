/**
 * A sign-in waiting for its second factor remembers the passkey its first factor was
 * (`auth.mfa_challenges.passkey_id`), so that the session the second step makes is that passkey's
 * (`user_sessions.passkey_id`), which removing the passkey then ends (docs/security.md C3). Removing
 * the passkey also drops a sign-in still waiting on it (on delete cascade).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'alter table auth.mfa_challenges add column passkey_id uuid references passkeys(id) on delete cascade',
  );
  await knex.raw(
    `comment on column auth.mfa_challenges.passkey_id is 'the passkey of the first factor, if it was one: the session made is that passkey''s'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table auth.mfa_challenges drop column if exists passkey_id');
}
