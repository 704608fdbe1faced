/**
 * Seed section 2, the authentication module, written down from the seed text: passkeys, magic
 * links, OAuth accounts and the rate-limit buckets (2.1–2.4), with their indexes.
 */
import {
  BYTEA,
  column,
  ID,
  index,
  INET,
  INTEGER,
  JSONB,
  NOT_NULL,
  NOW,
  TEXT,
  TIMESTAMPTZ,
  TIMESTAMPTZ_NOW,
  USER_CASCADE,
  UUID,
  varchar,
} from './spec-helpers';
import type { IndexSpec, TableSpec } from './types';

export const authTables: Record<string, TableSpec> = {
  // 2.1
  passkeys: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      credential_id: column(BYTEA, NOT_NULL),
      public_key: column(BYTEA, NOT_NULL),
      counter: column(INTEGER, { notNull: true, default: '0' }),
      device_name: column(varchar(255)),
      transports: column(JSONB),
      aaguid: column(BYTEA),
      created_at: TIMESTAMPTZ_NOW,
      last_used_at: column(TIMESTAMPTZ),
    },
    primaryKey: ['id'],
    unique: [['credential_id']],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: true,
  },

  // 2.2: user_id may be null (a link can go to an address with no account yet).
  magic_links: {
    columns: {
      id: ID,
      user_id: column(UUID),
      email: column(varchar(255), NOT_NULL),
      token_hash: column(varchar(255), NOT_NULL),
      redirect_url: column(TEXT),
      expires_at: column(TIMESTAMPTZ, NOT_NULL),
      used_at: column(TIMESTAMPTZ),
      ip_address: column(INET),
      created_at: TIMESTAMPTZ_NOW,
    },
    primaryKey: ['id'],
    unique: [['token_hash']],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: false,
  },

  // 2.3
  oauth_accounts: {
    columns: {
      id: ID,
      user_id: column(UUID, NOT_NULL),
      provider: column(varchar(50), NOT_NULL),
      provider_user_id: column(varchar(255), NOT_NULL),
      provider_email: column(varchar(255)),
      provider_name: column(varchar(255)),
      provider_avatar_url: column(TEXT),
      access_token_encrypted: column(TEXT),
      refresh_token_encrypted: column(TEXT),
      token_expires_at: column(TIMESTAMPTZ),
      scopes: column(JSONB),
      created_at: TIMESTAMPTZ_NOW,
      updated_at: TIMESTAMPTZ_NOW,
    },
    primaryKey: ['id'],
    unique: [['provider', 'provider_user_id']],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: true,
  },

  // 2.4: no id; the bucket is identified by who and what.
  rate_limit_buckets: {
    columns: {
      identifier: column(varchar(255), NOT_NULL),
      action: column(varchar(100), NOT_NULL),
      tokens: column(INTEGER, { notNull: true, default: '10' }),
      last_refill: column(TIMESTAMPTZ, { default: NOW }),
    },
    primaryKey: ['identifier', 'action'],
    unique: [],
    foreignKeys: [],
    rowLevelSecurity: false,
  },
};

export const authIndexes: Record<string, IndexSpec> = {
  idx_passkeys_user: index('passkeys', ['user_id']),
  idx_passkeys_credential: index('passkeys', ['credential_id']),
  idx_magic_links_token: index('magic_links', ['token_hash'], { where: '(used_at IS NULL)' }),
  idx_magic_links_cleanup: index('magic_links', ['expires_at'], { where: '(used_at IS NULL)' }),
  idx_oauth_accounts_user: index('oauth_accounts', ['user_id']),
  idx_rate_limit_cleanup: index('rate_limit_buckets', ['last_refill']),
};
