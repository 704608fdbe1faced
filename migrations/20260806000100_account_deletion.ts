/**
 * Account deletion with a grace period (server/modules/account-deletion/) on the seed's
 * `account_deletion_requests`: at most one open request per user (neither cancelled nor
 * completed) — also the index behind the `deletionScheduledFor` look-up of every session check —
 * an index for the periodic search of due requests, and the one-time token of the mailed cancel
 * link (`deletion_cancel`).
 */
import type { Knex } from 'knex';

// As migration 20260802000100_avatars_and_email_change left them.
const PURPOSES_BEFORE = [
  'email_verification',
  'password_reset',
  'session_exchange',
  'email_change',
  'email_change_undo',
];

async function setPurposes(knex: Knex, purposes: string[]): Promise<void> {
  // DDL takes no bind parameters: the purposes are this file's own constants, quoted here.
  const list = purposes.map((purpose) => `'${purpose}'`).join(', ');
  await knex.raw(`
    alter table auth.one_time_tokens
      drop constraint one_time_tokens_purpose_check,
      add constraint one_time_tokens_purpose_check check (purpose in (${list}))`);
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create unique index account_deletion_requests_open_key on account_deletion_requests (user_id)
    where cancelled_at is null and completed_at is null`);
  await knex.raw(`
    create index idx_account_deletion_requests_due on account_deletion_requests (scheduled_for)
    where cancelled_at is null and completed_at is null`);
  await setPurposes(knex, [...PURPOSES_BEFORE, 'deletion_cancel']);
}

export async function down(knex: Knex): Promise<void> {
  await knex('auth.one_time_tokens').where({ purpose: 'deletion_cancel' }).delete();
  await setPurposes(knex, PURPOSES_BEFORE);
  await knex.raw('drop index idx_account_deletion_requests_due');
  await knex.raw('drop index account_deletion_requests_open_key');
}
