/**
 * The rule for proving an address (issue 8, pre-account takeover; server/modules/users/address-proof.ts):
 * - `magic_links.browser_key_hash`: the browser that asked for a sign-in link, so that the session
 *   the link hands over can tell that browser from any other (server/modules/sessions/browser-binding.ts).
 * - Pending registrations: from now on an unconfirmed sign-up's password travels with its
 *   confirmation link (`one_time_tokens.data.registration`), not on the account. Confirmation links
 *   sent by the previous version are given the password their account stored, so that confirming
 *   one still sets it; the accounts keep theirs too (with ACCT_REQUIRE_EMAIL_VERIFICATION=false it
 *   is in use), and the first proof of each address decides what survives.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table magic_links add column browser_key_hash varchar(64)');
  await knex.raw(
    `comment on column magic_links.browser_key_hash is 'SHA-256 of the requesting browser''s key: the hand-over signs that browser in at once, any other only after the user confirms'`,
  );
  await knex.raw(`
    update auth.one_time_tokens t
       set data = t.data || jsonb_build_object('registration', jsonb_build_object('passwordHash', u.password_hash, 'displayName', u.display_name))
      from auth.users u
     where t.user_id = u.id and t.purpose = 'email_verification' and t.used_at is null
       and u.email_verified_at is null and u.password_hash is not null and t.data->'registration' is null`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(
    `update auth.one_time_tokens set data = data - 'registration' - 'browserKeyHash' where purpose = 'email_verification'`,
  );
  await knex.raw('alter table magic_links drop column if exists browser_key_hash');
}
