/**
 * Seed section 1, the account module, written down from the seed text (not from the migrations):
 * tables 1.1–1.7 and their indexes. Row-level security is what section 4 of the seed enables;
 * what acct adds on top (more policies, webhooks.secret_encrypted) is in expected-project.ts.
 */
import {
  BIGINT,
  BOOLEAN,
  column,
  ID,
  index,
  INET,
  INTEGER,
  JSONB,
  jsonbDefault,
  NOT_NULL,
  references,
  TEXT,
  TIME,
  TIMESTAMPTZ,
  TIMESTAMPTZ_NOW,
  USER_CASCADE,
  UUID,
  varchar,
  varcharDefault,
} from './spec-helpers';
import type { IndexSpec, TableSpec } from './types';

const ORGANIZATION_CASCADE = references('organization_id', 'organizations', 'id', 'CASCADE');
const USER_SET_NULL = references('user_id', 'auth.users', 'id', 'SET NULL');

export const accountTables: Record<string, TableSpec> = {
  // 1.1
  user_sessions: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      session_token_hash: column(varchar(255), NOT_NULL),
      device_type: column(varchar(50)),
      device_name: column(varchar(255)),
      browser: column(varchar(100)),
      os: column(varchar(100)),
      ip_address: column(INET),
      location_city: column(varchar(100)),
      location_country: column(varchar(100)),
      is_current: column(BOOLEAN, { default: 'false' }),
      created_at: TIMESTAMPTZ_NOW,
      last_active_at: TIMESTAMPTZ_NOW,
      expires_at: column(TIMESTAMPTZ, NOT_NULL),
      revoked_at: column(TIMESTAMPTZ),
    },
    primaryKey: ['id'],
    unique: [['session_token_hash']],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: true,
  },

  // 1.2
  login_history: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      event_type: column(varchar(50), NOT_NULL),
      auth_method: column(varchar(50)),
      ip_address: column(INET),
      device_info: column(JSONB),
      location: column(JSONB),
      success: column(BOOLEAN, NOT_NULL),
      failure_reason: column(varchar(255)),
      created_at: TIMESTAMPTZ_NOW,
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: true,
  },

  // 1.3
  notification_preferences: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      category: column(varchar(100), NOT_NULL),
      event_type: column(varchar(100), NOT_NULL),
      email_enabled: column(BOOLEAN, { default: 'true' }),
      push_enabled: column(BOOLEAN, { default: 'true' }),
      in_app_enabled: column(BOOLEAN, { default: 'true' }),
      frequency: column(varchar(50), { default: varcharDefault('instant') }),
      created_at: TIMESTAMPTZ_NOW,
      updated_at: TIMESTAMPTZ_NOW,
    },
    primaryKey: ['id'],
    unique: [['user_id', 'event_type']],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: true,
  },
  notification_quiet_hours: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      enabled: column(BOOLEAN, { default: 'false' }),
      // TIME DEFAULT '22:00': PostgreSQL stores the literal as a full time of day.
      start_time: column(TIME, { default: `'22:00:00'::${TIME}` }),
      end_time: column(TIME, { default: `'08:00:00'::${TIME}` }),
      timezone: column(varchar(100), { default: varcharDefault('UTC') }),
      days_of_week: column(`${INTEGER}[]`, { default: 'ARRAY[0, 1, 2, 3, 4, 5, 6]' }),
    },
    primaryKey: ['id'],
    // `user_id … UNIQUE`: one row of quiet hours per user.
    unique: [['user_id']],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: false,
  },

  // 1.4
  connected_apps: {
    columns: {
      id: ID,
      organization_id: column(UUID, NOT_NULL),
      user_id: column(UUID),
      provider: column(varchar(100), NOT_NULL),
      provider_account_id: column(varchar(255)),
      scopes: column(JSONB),
      access_token_encrypted: column(TEXT),
      refresh_token_encrypted: column(TEXT),
      token_expires_at: column(TIMESTAMPTZ),
      last_sync_at: column(TIMESTAMPTZ),
      connected_at: TIMESTAMPTZ_NOW,
      disconnected_at: column(TIMESTAMPTZ),
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [ORGANIZATION_CASCADE, USER_SET_NULL],
    rowLevelSecurity: false,
  },

  // 1.5
  api_tokens: {
    columns: {
      id: ID,
      organization_id: column(UUID, NOT_NULL),
      user_id: column(UUID),
      name: column(varchar(255), NOT_NULL),
      token_hash: column(varchar(255), NOT_NULL),
      token_prefix: column(varchar(10), NOT_NULL),
      scopes: column(JSONB, { default: jsonbDefault('[]') }),
      last_used_at: column(TIMESTAMPTZ),
      expires_at: column(TIMESTAMPTZ),
      revoked_at: column(TIMESTAMPTZ),
      created_at: TIMESTAMPTZ_NOW,
    },
    primaryKey: ['id'],
    unique: [['token_hash']],
    foreignKeys: [ORGANIZATION_CASCADE, USER_SET_NULL],
    rowLevelSecurity: false,
  },

  // 1.6
  webhooks: {
    columns: {
      id: ID,
      organization_id: column(UUID, NOT_NULL),
      url: column(TEXT, NOT_NULL),
      events: column(JSONB, { notNull: true, default: jsonbDefault('[]') }),
      secret_hash: column(varchar(255), NOT_NULL),
      is_active: column(BOOLEAN, { default: 'true' }),
      last_triggered_at: column(TIMESTAMPTZ),
      failure_count: column(INTEGER, { default: '0' }),
      created_at: TIMESTAMPTZ_NOW,
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [ORGANIZATION_CASCADE],
    rowLevelSecurity: false,
  },
  webhook_deliveries: {
    columns: {
      id: ID,
      webhook_id: column(UUID, NOT_NULL),
      event_type: column(varchar(100), NOT_NULL),
      payload: column(JSONB, NOT_NULL),
      response_status: column(INTEGER),
      response_body: column(TEXT),
      duration_ms: column(INTEGER),
      success: column(BOOLEAN),
      created_at: TIMESTAMPTZ_NOW,
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [references('webhook_id', 'webhooks', 'id', 'CASCADE')],
    rowLevelSecurity: false,
  },

  // 1.7
  data_export_requests: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      status: column(varchar(50), { default: varcharDefault('pending') }),
      format: column(varchar(20), { default: varcharDefault('json') }),
      download_url: column(TEXT),
      file_size_bytes: column(BIGINT),
      expires_at: column(TIMESTAMPTZ),
      created_at: TIMESTAMPTZ_NOW,
      completed_at: column(TIMESTAMPTZ),
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: false,
  },
  account_deletion_requests: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      reason: column(TEXT),
      feedback: column(TEXT),
      scheduled_for: column(TIMESTAMPTZ, NOT_NULL),
      cancelled_at: column(TIMESTAMPTZ),
      completed_at: column(TIMESTAMPTZ),
      created_at: TIMESTAMPTZ_NOW,
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: false,
  },
};

export const accountIndexes: Record<string, IndexSpec> = {
  idx_user_sessions_user_id: index('user_sessions', ['user_id']),
  idx_user_sessions_active: index('user_sessions', ['user_id', 'expires_at'], { where: '(revoked_at IS NULL)' }),
  idx_login_history_user: index('login_history', ['user_id', 'created_at DESC']),
  idx_connected_apps_org: index('connected_apps', ['organization_id']),
  idx_api_tokens_org: index('api_tokens', ['organization_id']),
  idx_api_tokens_hash: index('api_tokens', ['token_hash'], { where: '(revoked_at IS NULL)' }),
  idx_webhook_deliveries: index('webhook_deliveries', ['webhook_id', 'created_at DESC']),
};
