/**
 * Seed section 3, the onboarding module, written down from the seed text: paths, per-user
 * progress, the setup checklist and its progress, templates (3.1–3.4), their indexes, and the
 * rows the seed inserts (the default path and the five checklist items).
 */
import {
  BOOLEAN,
  column,
  ID,
  index,
  INTEGER,
  JSONB,
  jsonbDefault,
  NOT_NULL,
  references,
  TEXT,
  TIMESTAMPTZ,
  TIMESTAMPTZ_NOW,
  USER_CASCADE,
  UUID,
  varchar,
} from './spec-helpers';
import type { IndexSpec, SeedRows, TableSpec } from './types';

export const onboardingTables: Record<string, TableSpec> = {
  // 3.1
  onboarding_paths: {
    columns: {
      id: ID,
      name: column(varchar(100), NOT_NULL),
      description: column(TEXT),
      target_role: column(varchar(100)),
      target_use_case: column(varchar(100)),
      steps: column(JSONB, NOT_NULL),
      is_default: column(BOOLEAN, { default: 'false' }),
      is_active: column(BOOLEAN, { default: 'true' }),
      created_at: TIMESTAMPTZ_NOW,
      updated_at: TIMESTAMPTZ_NOW,
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [],
    rowLevelSecurity: false,
  },

  // 3.2: `user_id … UNIQUE`, one progress row per user; path_id has no ON DELETE (NO ACTION).
  user_onboarding_progress: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      path_id: column(UUID),
      selected_role: column(varchar(100)),
      selected_use_case: column(varchar(100)),
      current_step: column(varchar(100)),
      completed_steps: column(JSONB, { default: jsonbDefault('[]') }),
      step_data: column(JSONB, { default: jsonbDefault('{}') }),
      started_at: TIMESTAMPTZ_NOW,
      last_activity_at: TIMESTAMPTZ_NOW,
      completed_at: column(TIMESTAMPTZ),
    },
    primaryKey: ['id'],
    unique: [['user_id']],
    foreignKeys: [USER_CASCADE, references('path_id', 'onboarding_paths')],
    rowLevelSecurity: true,
  },

  // 3.3
  setup_checklist_items: {
    columns: {
      id: ID,
      key: column(varchar(100), NOT_NULL),
      title: column(varchar(255), NOT_NULL),
      description: column(TEXT),
      icon: column(varchar(50)),
      action_url: column(TEXT),
      sort_order: column(INTEGER, { default: '0' }),
      is_active: column(BOOLEAN, { default: 'true' }),
    },
    primaryKey: ['id'],
    unique: [['key']],
    foreignKeys: [],
    rowLevelSecurity: false,
  },
  setup_checklist_progress: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      item_key: column(varchar(100), NOT_NULL),
      completed: column(BOOLEAN, { default: 'false' }),
      completed_at: column(TIMESTAMPTZ),
      dismissed: column(BOOLEAN, { default: 'false' }),
    },
    primaryKey: ['id'],
    unique: [['user_id', 'item_key']],
    foreignKeys: [USER_CASCADE, references('item_key', 'setup_checklist_items', 'key')],
    rowLevelSecurity: true,
  },

  // 3.4
  onboarding_templates: {
    columns: {
      id: ID,
      name: column(varchar(255), NOT_NULL),
      description: column(TEXT),
      category: column(varchar(100)),
      industry: column(varchar(100)),
      preview_image_url: column(TEXT),
      template_data: column(JSONB, NOT_NULL),
      usage_count: column(INTEGER, { default: '0' }),
      is_featured: column(BOOLEAN, { default: 'false' }),
      is_active: column(BOOLEAN, { default: 'true' }),
      created_at: TIMESTAMPTZ_NOW,
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [],
    rowLevelSecurity: false,
  },
};

export const onboardingIndexes: Record<string, IndexSpec> = {
  idx_checklist_progress_user: index('setup_checklist_progress', ['user_id']),
  idx_templates_category: index('onboarding_templates', ['category', 'is_active']),
};

/** A checklist item as the seed's INSERT gives it; icon and is_active take their defaults. */
const checklistItem = (key: string, title: string, description: string, action_url: string, sort_order: number) => ({
  key,
  title,
  description,
  icon: null,
  action_url,
  sort_order,
  is_active: true,
});

export const seedRows: SeedRows = {
  // INSERT INTO onboarding_paths (name, is_default, steps): the other columns take defaults.
  onboarding_paths: [
    {
      name: 'Default Onboarding',
      description: null,
      target_role: null,
      target_use_case: null,
      steps: [
        { key: 'welcome', title: 'Welcome', required: true },
        { key: 'profile', title: 'Profile', required: true },
        { key: 'organization', title: 'Organization', required: true },
        { key: 'team', title: 'Team', required: false },
        { key: 'preferences', title: 'Preferences', required: false },
        { key: 'integrations', title: 'Integrations', required: false },
        { key: 'tour', title: 'Tour', required: false },
        { key: 'complete', title: 'Complete', required: true },
      ],
      is_default: true,
      is_active: true,
    },
  ],
  setup_checklist_items: [
    checklistItem(
      'create_event',
      'Create your first event',
      'Set up a production or event',
      '/productions/events/new',
      1,
    ),
    checklistItem(
      'invite_team',
      'Invite a team member',
      'Collaboration is better together',
      '/account/organization',
      2,
    ),
    checklistItem(
      'connect_integration',
      'Connect an integration',
      'Sync with tools you use',
      '/account/integrations',
      3,
    ),
    checklistItem('customize_profile', 'Complete your profile', 'Add a photo and bio', '/account/profile', 4),
    checklistItem('explore_dashboard', 'Explore the dashboard', 'See your command center', '/core/dashboard', 5),
  ],
};
