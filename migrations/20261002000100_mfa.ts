/**
 * Second factor (issue 14, server/modules/mfa): a TOTP authenticator per user, its recovery codes,
 * the "second factor required" state between a correct first factor and the session, and an
 * organization's policy that its members use a second factor.
 *
 * The three tables are service tables in the `auth` schema, like `auth.signing_keys` and the
 * password hash that acct_app may not read (no RLS, no grant to acct_app): they hold credential
 * material (the sealed TOTP secret, the keyed hashes of the recovery codes), and they are read at
 * sign-in, before there is any session to act as.
 *
 * - `auth.mfa_totp`: one authenticator per user; `confirmed_at` null while enrolment waits for its
 *   first code. `secret_sealed` and `recovery_key_sealed` are envelopes bound to the user
 *   (docs/security.md G2). `last_used_step` is the RFC 6238 time step of the last accepted code:
 *   a code of that step or an earlier one is refused, so a code works once (docs/security.md M2).
 * - `auth.mfa_recovery_codes`: HMAC-SHA-256 of each code under the user's recovery key; used up
 *   by `UPDATE … WHERE used_at IS NULL RETURNING` (M4).
 * - `auth.mfa_challenges`: the pending sign-in, by the SHA-256 of its opaque token, single use,
 *   five minutes (M5); `failed_attempts` ends it after a few wrong codes.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table auth.mfa_totp (
      user_id uuid primary key references auth.users(id) on delete cascade,
      secret_sealed text not null,
      recovery_key_sealed text not null,
      confirmed_at timestamptz,
      last_used_step bigint,
      created_at timestamptz not null default now()
    )`);
  await knex.raw(
    `comment on table auth.mfa_totp is 'TOTP authenticators (RFC 6238): sealed secret, last accepted time step; confirmed_at null until the first code'`,
  );
  await knex.raw(`
    create table auth.mfa_recovery_codes (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      code_hash varchar(64) not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`);
  await knex.raw('create index idx_mfa_recovery_codes_user on auth.mfa_recovery_codes(user_id, code_hash)');
  await knex.raw(
    `comment on table auth.mfa_recovery_codes is 'single-use recovery codes, as HMAC-SHA-256 under the user''s sealed recovery key'`,
  );
  await knex.raw(`
    create table auth.mfa_challenges (
      id uuid primary key default gen_random_uuid(),
      token_hash varchar(64) not null,
      user_id uuid not null references auth.users(id) on delete cascade,
      first_method varchar(50) not null,
      failed_attempts integer not null default 0,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      constraint mfa_challenges_token_hash_key unique (token_hash)
    )`);
  await knex.raw('create index idx_mfa_challenges_expiry on auth.mfa_challenges(expires_at)');
  await knex.raw(
    `comment on table auth.mfa_challenges is 'sign-ins waiting for their second factor: opaque token (hashed), single use, short-lived'`,
  );
  await knex.raw('alter table organizations add column require_mfa boolean not null default false');
  await knex.raw(
    `comment on column organizations.require_mfa is 'members must have a second factor to reach the organization'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table organizations drop column if exists require_mfa');
  await knex.raw('drop table if exists auth.mfa_challenges');
  await knex.raw('drop table if exists auth.mfa_recovery_codes');
  await knex.raw('drop table if exists auth.mfa_totp');
}
