/**
 * Step-up re-authentication (server/modules/reauthentication, docs/security.md F3): a session
 * remembers when its user last proved who they are without signing in again
 * (`reauthenticated_at`), and a passkey proof gets its own WebAuthn ceremony, `reauthentication`,
 * whose challenge is bound to the session that asked for it (`session_id`), so that it can be
 * answered neither by a sign-in nor by another session.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table user_sessions add column reauthenticated_at timestamptz');
  await knex.raw(
    `comment on column user_sessions.reauthenticated_at is 'last re-authentication (step-up) of this session; null: none since sign-in'`,
  );
  await knex.raw(
    'alter table auth.webauthn_challenges add column session_id uuid references user_sessions(id) on delete cascade',
  );
  await knex.raw('alter table auth.webauthn_challenges drop constraint webauthn_challenges_ceremony_check');
  await knex.raw(
    `alter table auth.webauthn_challenges add constraint webauthn_challenges_ceremony_check
       check (ceremony in ('registration', 'authentication', 'reauthentication'))`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`delete from auth.webauthn_challenges where ceremony = 'reauthentication'`);
  await knex.raw('alter table auth.webauthn_challenges drop constraint webauthn_challenges_ceremony_check');
  await knex.raw(
    `alter table auth.webauthn_challenges add constraint webauthn_challenges_ceremony_check
       check (ceremony in ('registration', 'authentication'))`,
  );
  await knex.raw('alter table auth.webauthn_challenges drop column if exists session_id');
  await knex.raw('alter table user_sessions drop column if exists reauthenticated_at');
}
