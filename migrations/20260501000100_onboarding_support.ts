/**
 * What onboarding needs beyond the seed's section 3: which optional steps a user skipped (the
 * funnel counts them, and resuming must not offer them again), where an accepted organization
 * invitation returns the user to, and the order of a checklist's dismissal (dismissing the whole
 * checklist is remembered apart from dismissing single items, so restoring it brings back exactly
 * what was showing).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table user_onboarding_progress add column skipped_steps jsonb not null default '[]'::jsonb`);
  await knex.raw(
    `comment on column user_onboarding_progress.skipped_steps is 'keys of optional steps the user skipped'`,
  );

  await knex.raw('alter table organization_invitations add column redirect_url text');
  await knex.raw(
    `comment on column organization_invitations.redirect_url is 'the page of the site the invitee returns to once they have accepted'`,
  );

  await knex.raw(`
    create table setup_checklist_state (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade unique,
      dismissed_at timestamptz
    )`);
  await knex.raw(
    `comment on table setup_checklist_state is 'per user: when the whole setup checklist was dismissed (null: showing)'`,
  );
  await knex.raw('alter table setup_checklist_state enable row level security');
  await knex.raw(
    'create policy setup_checklist_state_policy on setup_checklist_state for all using (user_id = auth.uid())',
  );
  await knex.raw('grant select, insert, update, delete on setup_checklist_state to acct_app');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table if exists setup_checklist_state');
  await knex.raw('alter table organization_invitations drop column if exists redirect_url');
  await knex.raw('alter table user_onboarding_progress drop column if exists skipped_steps');
}
