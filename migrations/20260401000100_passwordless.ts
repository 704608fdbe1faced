/**
 * What passwordless sign-in needs beyond the seed's `passkeys` and `magic_links`: server-side
 * WebAuthn challenges (one per ceremony, consumed before verification), whether a passkey is
 * synced (backed up) or bound to one device, and which passkey a session signed in with, so that
 * removing a passkey ends the sessions it opened (docs/security.md C3).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table auth.webauthn_challenges (
      id uuid primary key default gen_random_uuid(),
      challenge varchar(128) not null,
      ceremony varchar(20) not null,
      user_id uuid references auth.users(id) on delete cascade,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      constraint webauthn_challenges_challenge_key unique (challenge),
      constraint webauthn_challenges_ceremony_check check (ceremony in ('registration', 'authentication'))
    )`);
  await knex.raw('create index idx_webauthn_challenges_expiry on auth.webauthn_challenges (expires_at)');
  await knex.raw(
    `comment on column auth.webauthn_challenges.user_id is 'registration: the signed-in user; authentication: null (discoverable credentials)'`,
  );

  await knex.raw('alter table passkeys add column backup_eligible boolean not null default false');
  await knex.raw('alter table passkeys add column backed_up boolean not null default false');
  await knex.raw(
    `comment on column passkeys.backed_up is 'true: a synced passkey (e.g. iCloud Keychain, Google Password Manager); false: bound to one device'`,
  );

  await knex.raw('alter table user_sessions add column passkey_id uuid references passkeys(id) on delete set null');
  await knex.raw('create index idx_user_sessions_passkey on user_sessions (passkey_id) where passkey_id is not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists idx_user_sessions_passkey');
  await knex.raw('alter table user_sessions drop column if exists passkey_id');
  await knex.raw('alter table passkeys drop column if exists backed_up');
  await knex.raw('alter table passkeys drop column if exists backup_eligible');
  await knex.raw('drop table if exists auth.webauthn_challenges');
}
