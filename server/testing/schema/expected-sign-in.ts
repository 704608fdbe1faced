/**
 * acct's own objects for the sign-in core, read off migration 20260301000100_sign_in_core:
 * one-time tokens for emailed links and session hand-over codes, the mail queue, the JWT signing
 * keys, and a column on the seed's user_sessions (its two columns for bearer rotation were
 * replaced by expected-retired-secrets.ts). Service tables: no RLS, no grant to acct_app.
 */
import {
  column,
  ID,
  inCheck,
  index,
  INET,
  INTEGER,
  JSONB,
  jsonbDefault,
  NOT_NULL,
  NOW,
  TEXT,
  TIMESTAMPTZ,
  USER_CASCADE,
  varchar,
  varcharDefault,
} from './spec-helpers';
import type { ColumnSpec, IndexSpec, TableSpec } from './types';

const TIMESTAMPTZ_NOW_NOT_NULL = column(TIMESTAMPTZ, { notNull: true, default: NOW });

export const signInTables: Record<string, TableSpec> = {
  'auth.one_time_tokens': {
    columns: {
      id: ID,
      user_id: column('uuid', NOT_NULL),
      purpose: column(varchar(40), NOT_NULL),
      token_hash: column(varchar(64), NOT_NULL),
      redirect_url: column(TEXT),
      data: column(JSONB, { notNull: true, default: jsonbDefault('{}') }),
      ip_address: column(INET),
      expires_at: column(TIMESTAMPTZ, NOT_NULL),
      used_at: column(TIMESTAMPTZ),
      created_at: TIMESTAMPTZ_NOW_NOT_NULL,
    },
    primaryKey: ['id'],
    unique: [['token_hash']],
    foreignKeys: [USER_CASCADE],
    checks: {
      // 20260802000100_avatars_and_email_change adds the email change's two.
      // `deletion_cancel`: migration 20260806000100_account_deletion (the cancel link of a scheduled deletion).
      one_time_tokens_purpose_check: inCheck('purpose', [
        'email_verification',
        'password_reset',
        'session_exchange',
        'email_change',
        'email_change_undo',
        'deletion_cancel',
      ]),
    },
    rowLevelSecurity: false,
  },
  mail_queue: {
    columns: {
      id: ID,
      to_address: column(varchar(255), NOT_NULL),
      template: column(varchar(50), NOT_NULL),
      subject: column(TEXT, NOT_NULL),
      body_encrypted: column(TEXT),
      status: column(varchar(20), { notNull: true, default: varcharDefault('pending') }),
      attempts: column(INTEGER, { notNull: true, default: '0' }),
      last_error: column(TEXT),
      sent_at: column(TIMESTAMPTZ),
      created_at: TIMESTAMPTZ_NOW_NOT_NULL,
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [],
    checks: { mail_queue_status_check: inCheck('status', ['pending', 'sending', 'sent', 'failed']) },
    rowLevelSecurity: false,
  },
  'auth.signing_keys': {
    columns: {
      kid: column(varchar(64), NOT_NULL),
      algorithm: column(varchar(10), { notNull: true, default: varcharDefault('ES256') }),
      public_jwk: column(JSONB, NOT_NULL),
      private_jwk_encrypted: column(TEXT, NOT_NULL),
      created_at: TIMESTAMPTZ_NOW_NOT_NULL,
      rotated_at: column(TIMESTAMPTZ),
    },
    primaryKey: ['kid'],
    unique: [],
    foreignKeys: [],
    rowLevelSecurity: false,
  },
};

/** Columns the sign-in core adds to the seed's user_sessions, after the seed's own. */
export const signInSessionColumns: Record<string, ColumnSpec> = {
  auth_method: column(varchar(50)),
};

export const signInIndexes: Record<string, IndexSpec> = {
  idx_one_time_tokens_open: index('auth.one_time_tokens', ['user_id', 'purpose'], { where: '(used_at IS NULL)' }),
  idx_one_time_tokens_expiry: index('auth.one_time_tokens', ['expires_at']),
};
