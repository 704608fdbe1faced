/**
 * Connected apps (issue 12): what `POST /api/organizations/:id/connected-apps/:app/connect` must
 * remember until the page hands the provider's answer back — the `state` (by its hash only; it
 * travels in URLs), the PKCE verifier, the organization, the admin and the very session that
 * started it, and the page to return to. Used up once by an atomic `UPDATE … WHERE used_at IS
 * NULL … RETURNING` (docs/security.md K1). A service table like oauth_attempts: no row-level
 * security, no grant to acct_app; rows go with their user, session or organization, and the
 * cleanup job deletes old ones.
 *
 * Also: at most one current connection per organization and app, so a second connect replaces
 * the tokens of the first instead of adding a twin.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table connected_app_attempts (
      id uuid primary key default gen_random_uuid(),
      state_hash varchar(64) not null,
      organization_id uuid not null references organizations(id) on delete cascade,
      user_id uuid not null references auth.users(id) on delete cascade,
      session_id uuid not null references user_sessions(id) on delete cascade,
      provider varchar(100) not null,
      code_verifier varchar(128) not null,
      return_to text not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      constraint connected_app_attempts_state_hash_key unique (state_hash)
    )`);
  await knex.raw('create index idx_connected_app_attempts_expiry on connected_app_attempts (expires_at)');
  await knex.raw(
    `comment on table connected_app_attempts is 'Connected-app authorizations in flight: state (hashed), PKCE verifier, bound to a session and an organization; single use, short-lived'`,
  );
  await knex.raw(
    `create unique index idx_connected_apps_current on connected_apps (organization_id, provider) where disconnected_at is null`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists idx_connected_apps_current');
  await knex.raw('drop table if exists connected_app_attempts');
}
