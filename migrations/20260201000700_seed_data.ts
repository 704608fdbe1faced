/**
 * Seed section 6, last step: the seed's rows, the default onboarding path and the five setup
 * checklist items. Demo data (more templates, a second path) is loaded by the demo, not here.
 */
import type { Knex } from 'knex';

export const DEFAULT_PATH_STEPS = [
  { key: 'welcome', title: 'Welcome', required: true },
  { key: 'profile', title: 'Profile', required: true },
  { key: 'organization', title: 'Organization', required: true },
  { key: 'team', title: 'Team', required: false },
  { key: 'preferences', title: 'Preferences', required: false },
  { key: 'integrations', title: 'Integrations', required: false },
  { key: 'tour', title: 'Tour', required: false },
  { key: 'complete', title: 'Complete', required: true },
];

export const DEFAULT_CHECKLIST_ITEMS = [
  {
    key: 'create_event',
    title: 'Create your first event',
    description: 'Set up a production or event',
    action_url: '/productions/events/new',
    sort_order: 1,
  },
  {
    key: 'invite_team',
    title: 'Invite a team member',
    description: 'Collaboration is better together',
    action_url: '/account/organization',
    sort_order: 2,
  },
  {
    key: 'connect_integration',
    title: 'Connect an integration',
    description: 'Sync with tools you use',
    action_url: '/account/integrations',
    sort_order: 3,
  },
  {
    key: 'customize_profile',
    title: 'Complete your profile',
    description: 'Add a photo and bio',
    action_url: '/account/profile',
    sort_order: 4,
  },
  {
    key: 'explore_dashboard',
    title: 'Explore the dashboard',
    description: 'See your command center',
    action_url: '/core/dashboard',
    sort_order: 5,
  },
];

export async function up(knex: Knex): Promise<void> {
  await knex.raw('insert into onboarding_paths (name, is_default, steps) values (?, true, ?::jsonb)', [
    'Default Onboarding',
    JSON.stringify(DEFAULT_PATH_STEPS),
  ]);
  await knex('setup_checklist_items').insert(DEFAULT_CHECKLIST_ITEMS);
}

export async function down(knex: Knex): Promise<void> {
  // Users' progress references the seed rows (without ON DELETE); rolling the rows back takes
  // that progress with them.
  const keys = DEFAULT_CHECKLIST_ITEMS.map((i) => i.key);
  await knex('setup_checklist_progress').whereIn('item_key', keys).delete();
  await knex('user_onboarding_progress')
    .whereIn('path_id', knex('onboarding_paths').select('id').where({ name: 'Default Onboarding', is_default: true }))
    .update({ path_id: null });
  await knex('setup_checklist_items').whereIn('key', keys).delete();
  await knex('onboarding_paths').where({ name: 'Default Onboarding', is_default: true }).delete();
}
