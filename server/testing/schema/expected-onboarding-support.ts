/**
 * acct's own objects for onboarding, read off migration 20260501000100_onboarding_support: the
 * skipped steps of a user's progress, an invitation's return address, and the per-user state of
 * the whole setup checklist (RLS-bound like every user-owned table).
 */
import { column, ID, JSONB, jsonbDefault, NOT_NULL, TEXT, TIMESTAMPTZ, USER_CASCADE, UUID } from './spec-helpers';
import { ownRowsPolicy } from './expected-security';
import type { ColumnSpec, PolicySpec, TableSpec } from './types';

export const onboardingSupportTables: Record<string, TableSpec> = {
  setup_checklist_state: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      dismissed_at: column(TIMESTAMPTZ),
    },
    primaryKey: ['id'],
    unique: [['user_id']],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: true,
  },
};

export const onboardingProgressColumns: Record<string, ColumnSpec> = {
  skipped_steps: column(JSONB, { notNull: true, default: jsonbDefault('[]') }),
};

export const invitationColumns: Record<string, ColumnSpec> = {
  redirect_url: column(TEXT),
};

export const onboardingSupportPolicies: Record<string, PolicySpec> = {
  setup_checklist_state_policy: ownRowsPolicy('setup_checklist_state'),
};
