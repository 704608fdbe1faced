/**
 * acct's own objects for Web Push, read off migration 20260804000100_push_subscriptions: a user's
 * browser subscriptions (RLS-bound like every user-owned table) and the one VAPID key pair (a
 * service table like auth.signing_keys: no RLS, no grant to acct_app).
 */
import {
  column,
  ID,
  index,
  INTEGER,
  NOT_NULL,
  NOW,
  TEXT,
  TIMESTAMPTZ,
  USER_CASCADE,
  UUID,
  varchar,
} from './spec-helpers';
import { ownRowsPolicy } from './expected-security';
import type { IndexSpec, PolicySpec, TableSpec } from './types';

export const pushTables: Record<string, TableSpec> = {
  push_subscriptions: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      endpoint: column(TEXT, NOT_NULL),
      p256dh: column(varchar(100), NOT_NULL),
      auth: column(varchar(50), NOT_NULL),
      user_agent: column(varchar(500)),
      created_at: column(TIMESTAMPTZ, { notNull: true, default: NOW }),
      last_success_at: column(TIMESTAMPTZ),
      failure_count: column(INTEGER, { notNull: true, default: '0' }),
    },
    primaryKey: ['id'],
    unique: [['endpoint']],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: true,
  },
  'auth.vapid_keys': {
    columns: {
      id: column('smallint', { notNull: true, default: '1' }),
      public_key: column(varchar(100), NOT_NULL),
      private_key_encrypted: column(TEXT, NOT_NULL),
      created_at: column(TIMESTAMPTZ, { notNull: true, default: NOW }),
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [],
    checks: { vapid_keys_id_check: 'CHECK ((id = 1))' },
    rowLevelSecurity: false,
  },
};

export const pushIndexes: Record<string, IndexSpec> = {
  idx_push_subscriptions_user: index('push_subscriptions', ['user_id']),
};

export const pushPolicies: Record<string, PolicySpec> = {
  push_subscriptions_policy: ownRowsPolicy('push_subscriptions'),
};
