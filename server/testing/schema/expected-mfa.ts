/**
 * acct's own objects for the second factor, read off migration 20261002000100_mfa: the TOTP
 * authenticators, recovery codes and pending sign-ins (service tables: no RLS, no grant to
 * acct_app), and the organizations' `require_mfa` policy column.
 */
import {
  BIGINT,
  BOOLEAN,
  column,
  ID,
  index,
  INTEGER,
  NOT_NULL,
  NOW,
  references,
  TEXT,
  TIMESTAMPTZ,
  UUID,
  USER_CASCADE,
  varchar,
} from './spec-helpers';
import type { ColumnSpec, IndexSpec, TableSpec } from './types';

const CREATED_AT = column(TIMESTAMPTZ, { notNull: true, default: NOW });

export const mfaTables: Record<string, TableSpec> = {
  'auth.mfa_totp': {
    columns: {
      user_id: column(UUID, NOT_NULL),
      secret_sealed: column(TEXT, NOT_NULL),
      recovery_key_sealed: column(TEXT, NOT_NULL),
      confirmed_at: column(TIMESTAMPTZ),
      last_used_step: column(BIGINT),
      created_at: CREATED_AT,
    },
    primaryKey: ['user_id'],
    unique: [],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: false,
  },
  'auth.mfa_recovery_codes': {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      code_hash: column(varchar(64), NOT_NULL),
      used_at: column(TIMESTAMPTZ),
      created_at: CREATED_AT,
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: false,
  },
  'auth.mfa_challenges': {
    columns: {
      id: ID,
      token_hash: column(varchar(64), NOT_NULL),
      user_id: column(UUID, NOT_NULL),
      first_method: column(varchar(50), NOT_NULL),
      failed_attempts: column(INTEGER, { notNull: true, default: '0' }),
      expires_at: column(TIMESTAMPTZ, NOT_NULL),
      used_at: column(TIMESTAMPTZ),
      created_at: CREATED_AT,
      // Migration 20261206000100_mfa_challenge_passkey.
      passkey_id: column(UUID),
    },
    primaryKey: ['id'],
    unique: [['token_hash']],
    foreignKeys: [USER_CASCADE, references('passkey_id', 'passkeys', 'id', 'CASCADE')],
    rowLevelSecurity: false,
  },
};

export const mfaIndexes: Record<string, IndexSpec> = {
  idx_mfa_recovery_codes_user: index('auth.mfa_recovery_codes', ['user_id', 'code_hash']),
  idx_mfa_challenges_expiry: index('auth.mfa_challenges', ['expires_at']),
};

/** Added to `organizations`. */
export const organizationMfaColumns: Record<string, ColumnSpec> = {
  require_mfa: column(BOOLEAN, { notNull: true, default: 'false' }),
};
