/**
 * acct's own objects for the profile, read off migration 20260802000100_avatars_and_email_change:
 * each user's uploaded avatar (one row, RLS-bound like every user-owned table), and the one-time
 * token purposes of the email change (expected-sign-in.ts).
 */
import { BYTEA, column, inCheck, NOT_NULL, NOW, TIMESTAMPTZ, USER_CASCADE, UUID, varchar } from './spec-helpers';
import { ownRowsPolicy } from './expected-security';
import type { PolicySpec, TableSpec } from './types';

export const profileTables: Record<string, TableSpec> = {
  user_avatars: {
    columns: {
      user_id: column(UUID, NOT_NULL),
      content_type: column(varchar(20), NOT_NULL),
      sha256: column(varchar(64), NOT_NULL),
      bytes: column(BYTEA, NOT_NULL),
      created_at: column(TIMESTAMPTZ, { notNull: true, default: NOW }),
    },
    primaryKey: ['user_id'],
    unique: [],
    foreignKeys: [USER_CASCADE],
    checks: {
      user_avatars_content_type_check: inCheck('content_type', ['image/png', 'image/jpeg', 'image/webp', 'image/gif']),
    },
    rowLevelSecurity: true,
  },
};

export const profilePolicies: Record<string, PolicySpec> = {
  user_avatars_policy: ownRowsPolicy('user_avatars'),
};
