/**
 * acct's own objects for bearer-secret rotation, read off migration
 * 20260601000100_retired_session_secrets: every secret a refresh replaced, by its hash, with its
 * session (a service table: no RLS, no grant to acct_app). The migration also drops the
 * single previous-secret pair it replaces from user_sessions.
 */
import { column, index, NOT_NULL, NOW, references, TIMESTAMPTZ, UUID, varchar } from './spec-helpers';
import type { IndexSpec, TableSpec } from './types';

export const retiredSecretTables: Record<string, TableSpec> = {
  user_session_retired_secrets: {
    columns: {
      token_hash: column(varchar(64), NOT_NULL),
      session_id: column(UUID, NOT_NULL),
      retired_at: column(TIMESTAMPTZ, { notNull: true, default: NOW }),
    },
    primaryKey: ['token_hash'],
    unique: [],
    foreignKeys: [references('session_id', 'user_sessions', 'id', 'CASCADE')],
    rowLevelSecurity: false,
  },
};

export const retiredSecretIndexes: Record<string, IndexSpec> = {
  idx_user_session_retired_secrets_session: index('user_session_retired_secrets', ['session_id']),
};
