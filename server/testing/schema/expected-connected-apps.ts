/**
 * acct's own objects for connected apps, read off migration 20260903000100_connected_app_attempts:
 * one row per connection attempt, single use (a service table: no RLS, no grant to acct_app), and
 * at most one current connection per organization and app.
 */
import {
  column,
  ID,
  index,
  NOT_NULL,
  NOW,
  references,
  TEXT,
  TIMESTAMPTZ,
  UUID,
  USER_CASCADE,
  varchar,
} from './spec-helpers';
import type { IndexSpec, TableSpec } from './types';

export const connectedAppTables: Record<string, TableSpec> = {
  connected_app_attempts: {
    columns: {
      id: ID,
      state_hash: column(varchar(64), NOT_NULL),
      organization_id: column(UUID, NOT_NULL),
      user_id: column(UUID, NOT_NULL),
      session_id: column(UUID, NOT_NULL),
      provider: column(varchar(100), NOT_NULL),
      code_verifier: column(varchar(128), NOT_NULL),
      return_to: column(TEXT, NOT_NULL),
      expires_at: column(TIMESTAMPTZ, NOT_NULL),
      used_at: column(TIMESTAMPTZ),
      created_at: column(TIMESTAMPTZ, { notNull: true, default: NOW }),
    },
    primaryKey: ['id'],
    unique: [['state_hash']],
    foreignKeys: [
      references('organization_id', 'organizations', 'id', 'CASCADE'),
      USER_CASCADE,
      references('session_id', 'user_sessions', 'id', 'CASCADE'),
    ],
    rowLevelSecurity: false,
  },
};

export const connectedAppIndexes: Record<string, IndexSpec> = {
  idx_connected_app_attempts_expiry: index('connected_app_attempts', ['expires_at']),
  idx_connected_apps_current: index('connected_apps', ['organization_id', 'provider'], {
    unique: true,
    where: '(disconnected_at IS NULL)',
  }),
};
