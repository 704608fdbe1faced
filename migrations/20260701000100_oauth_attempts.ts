/**
 * OAuth / OpenID Connect sign-in attempts (issue 10): what `GET /auth/oauth/:provider/start`
 * must remember until the provider sends the browser back — the `state` (by its hash only; it
 * travels in URLs), the ID token's expected `nonce`, the PKCE verifier, where to send the browser
 * and how (popup or redirect). An attempt lives a few minutes and is used up by one atomic
 * `UPDATE … WHERE used_at IS NULL … RETURNING`, so a replayed or parallel callback signs in once
 * (docs/security.md B1, B5). A service table, like one-time tokens: no user owns an attempt, so no
 * row-level security and no grant to acct_app.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table oauth_attempts (
      id uuid primary key default gen_random_uuid(),
      state_hash varchar(64) not null,
      provider varchar(50) not null,
      nonce varchar(128) not null,
      code_verifier varchar(128) not null,
      mode varchar(10) not null,
      return_to text not null,
      client_nonce varchar(128),
      browser_key_hash varchar(64),
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      constraint oauth_attempts_state_hash_key unique (state_hash),
      constraint oauth_attempts_mode_check check (mode in ('popup', 'redirect'))
    )`);
  await knex.raw('create index idx_oauth_attempts_expiry on oauth_attempts (expires_at)');
  await knex.raw(
    `comment on table oauth_attempts is 'OAuth sign-in attempts: state (hashed), nonce and PKCE verifier, single use, short-lived'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table if exists oauth_attempts');
}
