/**
 * acct's own objects for OAuth sign-in, read off migrations 20260701000100_oauth_attempts and
 * 20260702000100_oauth_link_attempts: one
 * row per sign-in attempt, single use (a service table: no RLS, no grant to acct_app).
 */
import {
  column,
  ID,
  index,
  inCheck,
  JSONB,
  NOT_NULL,
  NOW,
  references,
  TEXT,
  TIMESTAMPTZ,
  UUID,
  varchar,
} from './spec-helpers';
import type { IndexSpec, TableSpec } from './types';

export const oauthTables: Record<string, TableSpec> = {
  oauth_attempts: {
    columns: {
      id: ID,
      state_hash: column(varchar(64), NOT_NULL),
      provider: column(varchar(50), NOT_NULL),
      nonce: column(varchar(128), NOT_NULL),
      code_verifier: column(varchar(128), NOT_NULL),
      mode: column(varchar(10), NOT_NULL),
      return_to: column(TEXT, NOT_NULL),
      client_nonce: column(varchar(128)),
      browser_key_hash: column(varchar(64)),
      expires_at: column(TIMESTAMPTZ, NOT_NULL),
      used_at: column(TIMESTAMPTZ),
      created_at: column(TIMESTAMPTZ, { notNull: true, default: NOW }),
      // 20260702000100_oauth_link_attempts: linking while signed in.
      link_user_id: column(UUID),
      link_code_hash: column(varchar(64)),
      link_profile: column(JSONB),
      linked_at: column(TIMESTAMPTZ),
    },
    primaryKey: ['id'],
    unique: [['state_hash'], ['link_code_hash']],
    foreignKeys: [references('link_user_id', 'auth.users', 'id', 'CASCADE')],
    checks: { oauth_attempts_mode_check: inCheck('mode', ['popup', 'redirect']) },
    rowLevelSecurity: false,
  },
};

export const oauthIndexes: Record<string, IndexSpec> = {
  idx_oauth_attempts_expiry: index('oauth_attempts', ['expires_at']),
};
