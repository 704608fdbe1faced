/**
 * The migrated database is the seed (plus acct's documented additions), object for object: the
 * live catalog, read by schema/catalog.ts, must equal schema/expected-schema.ts, which was
 * written down from the seed text. A second test alters a database inside a transaction that is
 * rolled back, to prove that the comparison notices drift and names it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachDatabase } from '../testing/databases';
import { assertSchemaConforms, schemaDrift } from '../testing/schema/conformance';

describeOnEachDatabase('schema conformance', (getDb) => {
  it('matches the seed and acct’s own objects', async () => {
    await assertSchemaConforms(getDb().knex);
  });

  it('names every kind of drift', async () => {
    const { knex } = getDb();
    // DDL is transactional in PostgreSQL: everything below is undone by the rollback.
    const trx = await knex.transaction();
    let diffs: string[];
    try {
      for (const sql of [
        'alter table user_sessions alter column ip_address type text',
        'alter table login_history drop column failure_reason',
        "alter table notification_preferences alter column frequency set default 'daily'",
        'alter table webhook_deliveries alter column payload drop not null',
        'alter table api_tokens drop constraint api_tokens_token_hash_key',
        'alter table passkeys drop constraint passkeys_user_id_fkey',
        'alter table passkeys add foreign key (user_id) references auth.users(id) on delete set null',
        'alter table oauth_accounts disable row level security',
        'drop index idx_magic_links_cleanup',
        'drop policy passkeys_policy on passkeys',
        'drop trigger onboarding_paths_updated on onboarding_paths',
        `create or replace function cleanup_expired_sessions() returns void as $$
         begin
           delete from user_sessions where expires_at < now() - interval '30 days';
         end;
         $$ language plpgsql`,
        "update setup_checklist_items set title = 'Invite a colleague' where key = 'invite_team'",
        'create table stray (id integer)',
      ]) {
        await trx.raw(sql);
      }
      diffs = await schemaDrift(trx);
    } finally {
      await trx.rollback();
    }

    const bodyDiff = diffs.filter((line) => line.startsWith('function cleanup_expired_sessions(): statements is'));
    assert.equal(bodyDiff.length, 1, diffs.join('\n'));
    assert.match(bodyDiff[0]!, /interval '30 days'/);
    assert.deepEqual(diffs.filter((line) => !bodyDiff.includes(line)).sort(), [
      'index idx_magic_links_cleanup: missing',
      'policy passkeys_policy: missing',
      'seed row 2 of setup_checklist_items ("invite_team"): column title: is "Invite a colleague", expected "Invite a team member"',
      'table api_tokens: unique (token_hash): missing',
      'table login_history: column failure_reason: missing',
      `table notification_preferences: column frequency: default is "'daily'::character varying", expected "'instant'::character varying"`,
      'table oauth_accounts: row level security is disabled, expected enabled',
      'table passkeys: foreign key (user_id): references auth.users(id) ON DELETE SET NULL, expected auth.users(id) ON DELETE CASCADE',
      'table stray: not expected',
      'table user_sessions: column ip_address: type is "text", expected "inet"',
      'table webhook_deliveries: column payload: nullable is true, expected false',
      'trigger onboarding_paths_updated: missing',
    ]);

    // And the rollback left the database as it was.
    await assertSchemaConforms(knex);
  });
});
