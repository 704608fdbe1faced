/**
 * acct's own objects for the onboarding funnel's counters, read off migration
 * 20261205000100_onboarding_funnel_counts: users per state of progress (split over slots) and
 * per completion-time bucket, service tables (no RLS, no grant to acct_app) that one row trigger
 * on user_onboarding_progress keeps. The trigger function's statements are the migration's own
 * text: what this pins is that the database runs that text.
 */
import { FUNNEL_TRIGGER_BODY } from '../../../migrations/20261205000100_onboarding_funnel_counts';
import { splitStatements } from './catalog';
import { BOOLEAN, column, INTEGER, JSONB, NOT_NULL, references, UUID, varchar } from './spec-helpers';
import type { FunctionSpec, TableSpec, TriggerSpec } from './types';

const PATH_CASCADE = references('path_id', 'onboarding_paths', 'id', 'CASCADE');
const USERS = column(INTEGER, { notNull: true, default: '0' });

export const funnelCountTables: Record<string, TableSpec> = {
  onboarding_funnel_counts: {
    columns: {
      path_id: column(UUID, NOT_NULL),
      state: column(UUID, NOT_NULL),
      slot: column('smallint', NOT_NULL),
      current_step: column(varchar(100)),
      completed_steps: column(JSONB),
      skipped_steps: column(JSONB),
      completed: column(BOOLEAN, NOT_NULL),
      users: USERS,
    },
    primaryKey: ['path_id', 'state', 'slot'],
    unique: [],
    foreignKeys: [PATH_CASCADE],
    rowLevelSecurity: false,
  },
  onboarding_completion_times: {
    columns: {
      path_id: column(UUID, NOT_NULL),
      bucket: column(INTEGER, NOT_NULL),
      users: USERS,
    },
    primaryKey: ['path_id', 'bucket'],
    unique: [],
    foreignKeys: [PATH_CASCADE],
    rowLevelSecurity: false,
  },
};

export const funnelCountFunctions: Record<string, FunctionSpec> = {
  'onboarding_funnel_count()': {
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'VOLATILE',
    statements: splitStatements(FUNNEL_TRIGGER_BODY),
  },
};

export const funnelCountTriggers: Record<string, TriggerSpec> = {
  onboarding_funnel_count: {
    table: 'user_onboarding_progress',
    timing: 'AFTER',
    events: ['INSERT', 'UPDATE', 'DELETE'],
    level: 'ROW',
    function: 'onboarding_funnel_count()',
  },
};
