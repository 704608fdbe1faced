/**
 * acct's own objects for passwordless sign-in, read off migration 20260401000100_passwordless:
 * the WebAuthn challenge store, two columns on the seed's passkeys (synced or device-bound) and
 * one on user_sessions (the passkey a session signed in with).
 */
import {
  BOOLEAN,
  column,
  ID,
  inCheck,
  index,
  NOT_NULL,
  NOW,
  references,
  TIMESTAMPTZ,
  USER_CASCADE,
  UUID,
  varchar,
} from './spec-helpers';
import type { ColumnSpec, ForeignKeySpec, IndexSpec, TableSpec } from './types';

export const passwordlessTables: Record<string, TableSpec> = {
  'auth.webauthn_challenges': {
    columns: {
      id: ID,
      challenge: column(varchar(128), NOT_NULL),
      ceremony: column(varchar(20), NOT_NULL),
      user_id: column(UUID),
      expires_at: column(TIMESTAMPTZ, NOT_NULL),
      used_at: column(TIMESTAMPTZ),
      created_at: column(TIMESTAMPTZ, { notNull: true, default: NOW }),
      // Step-up (migration 20261003000100): a re-authentication's challenge is bound to its session.
      session_id: column(UUID),
    },
    primaryKey: ['id'],
    unique: [['challenge']],
    foreignKeys: [USER_CASCADE, references('session_id', 'user_sessions', 'id', 'CASCADE')],
    checks: {
      webauthn_challenges_ceremony_check: inCheck('ceremony', ['registration', 'authentication', 'reauthentication']),
    },
    rowLevelSecurity: false,
  },
};

export const passwordlessPasskeyColumns: Record<string, ColumnSpec> = {
  backup_eligible: column(BOOLEAN, { notNull: true, default: 'false' }),
  backed_up: column(BOOLEAN, { notNull: true, default: 'false' }),
};

export const passwordlessSessionColumns: Record<string, ColumnSpec> = {
  passkey_id: column(UUID),
  // Step-up (migration 20261003000100): the session's last re-authentication.
  reauthenticated_at: column(TIMESTAMPTZ),
};

export const passwordlessSessionForeignKeys: ForeignKeySpec[] = [
  references('passkey_id', 'passkeys', 'id', 'SET NULL'),
];

export const passwordlessIndexes: Record<string, IndexSpec> = {
  idx_webauthn_challenges_expiry: index('auth.webauthn_challenges', ['expires_at']),
  idx_user_sessions_passkey: index('user_sessions', ['passkey_id'], { where: '(passkey_id IS NOT NULL)' }),
};
