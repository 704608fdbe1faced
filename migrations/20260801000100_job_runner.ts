/**
 * The job runner's tables (server/jobs/job-runner.ts): pg-boss's own schema, `pgboss`, installed
 * here by the migrator rather than by the server at start-up, so that the server's role needs no
 * right to create schemas (docs/deploying.md "Database roles"). The server starts pg-boss with
 * `migrate: false`; a pg-boss upgrade that changes its schema comes with a migration that runs
 * `PgBoss.getMigrationPlans('pgboss', <installed version>)`.
 *
 * The mail queue moves onto the runner: when a message is next tried is pg-boss's business now,
 * so `mail_queue.next_attempt_at` (and its index) go.
 *
 * pg-boss wraps its script in BEGIN/COMMIT and an idle-in-transaction timeout; Knex already runs
 * the migration in a transaction (which may wait on the next migration's file), so those are
 * removed and the script joins it.
 */
import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import { JOB_SCHEMA, pgBossDb } from '../server/jobs/pg-boss-db';

function withoutOwnTransaction(script: string): string {
  return script
    .replace(/^\s*BEGIN;\s*$/m, '')
    .replace(/^\s*SET LOCAL idle_in_transaction_session_timeout.*$/m, '')
    .replace(/^\s*COMMIT;\s*$/m, '');
}

export async function up(knex: Knex): Promise<void> {
  await pgBossDb(knex).executeSql(withoutOwnTransaction(PgBoss.getConstructionPlans(JOB_SCHEMA)), []);
  await knex.raw('drop index idx_mail_queue_due');
  await knex.raw('alter table mail_queue drop column next_attempt_at');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table mail_queue add column next_attempt_at timestamptz not null default now()');
  await knex.raw(
    `create index idx_mail_queue_due on mail_queue (next_attempt_at) where status in ('pending', 'sending')`,
  );
  await knex.raw(`drop schema if exists ${JOB_SCHEMA} cascade`);
}
