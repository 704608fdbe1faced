/**
 * Seed section 3, the onboarding module: paths, per-user progress, the setup checklist and its
 * progress, and templates. Tables only; the seed's rows come in the seed-data migration, last, as
 * the seed's migration order asks.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table onboarding_paths (
      id uuid primary key default gen_random_uuid(),
      name varchar(100) not null,
      description text,
      target_role varchar(100),
      target_use_case varchar(100),
      steps jsonb not null,
      is_default boolean default false,
      is_active boolean default true,
      created_at timestamptz default now(),
      updated_at timestamptz default now()
    )`);
  await knex.raw(`comment on column onboarding_paths.target_role is 'null = all roles'`);
  await knex.raw(`comment on column onboarding_paths.target_use_case is 'null = all use cases'`);
  await knex.raw(`comment on column onboarding_paths.steps is '[{key, title, description, required, component}]'`);

  await knex.raw(`
    create table user_onboarding_progress (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade unique,
      path_id uuid references onboarding_paths(id),
      selected_role varchar(100),
      selected_use_case varchar(100),
      current_step varchar(100),
      completed_steps jsonb default '[]'::jsonb,
      step_data jsonb default '{}'::jsonb,
      started_at timestamptz default now(),
      last_activity_at timestamptz default now(),
      completed_at timestamptz
    )`);
  await knex.raw(`comment on column user_onboarding_progress.step_data is 'form data per step, keyed by step key'`);

  await knex.raw(`
    create table setup_checklist_items (
      id uuid primary key default gen_random_uuid(),
      key varchar(100) not null unique,
      title varchar(255) not null,
      description text,
      icon varchar(50),
      action_url text,
      sort_order integer default 0,
      is_active boolean default true
    )`);

  await knex.raw(`
    create table setup_checklist_progress (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references auth.users(id) on delete cascade,
      item_key varchar(100) not null references setup_checklist_items(key),
      completed boolean default false,
      completed_at timestamptz,
      dismissed boolean default false,
      unique (user_id, item_key)
    )`);
  await knex.raw('create index idx_checklist_progress_user on setup_checklist_progress(user_id)');

  await knex.raw(`
    create table onboarding_templates (
      id uuid primary key default gen_random_uuid(),
      name varchar(255) not null,
      description text,
      category varchar(100),
      industry varchar(100),
      preview_image_url text,
      template_data jsonb not null,
      usage_count integer default 0,
      is_featured boolean default false,
      is_active boolean default true,
      created_at timestamptz default now()
    )`);
  await knex.raw('create index idx_templates_category on onboarding_templates(category, is_active)');
  await knex.raw(`comment on column onboarding_templates.category is 'events, tours, festivals or corporate'`);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'onboarding_templates',
    'setup_checklist_progress',
    'setup_checklist_items',
    'user_onboarding_progress',
    'onboarding_paths',
  ]) {
    await knex.raw('drop table if exists ??', [table]);
  }
}
