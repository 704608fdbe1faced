/**
 * acct's own objects for notifications, read off migration 20260803000100_notifications: the
 * in-app feed (RLS-bound like every user-owned table) and the outbox of held and digest
 * notifications (a service table: no RLS, no grant to acct_app).
 */
import { ownRowsPolicy } from './expected-security';
import {
  column,
  ID,
  index,
  inCheck,
  JSONB,
  jsonbDefault,
  NOT_NULL,
  NOW,
  TEXT,
  TIMESTAMPTZ,
  USER_CASCADE,
  UUID,
  varchar,
} from './spec-helpers';
import type { IndexSpec, PolicySpec, TableSpec } from './types';

const content = {
  id: ID,
  user_id: column(UUID, NOT_NULL),
  event_type: column(varchar(100), NOT_NULL),
  category: column(varchar(100), NOT_NULL),
  title: column(TEXT, NOT_NULL),
  body: column(TEXT, { notNull: true, default: "''::text" }),
  url: column(TEXT),
};

export const notificationTables: Record<string, TableSpec> = {
  notifications: {
    columns: {
      ...content,
      data: column(JSONB, { notNull: true, default: jsonbDefault('{}') }),
      read_at: column(TIMESTAMPTZ),
      created_at: column(TIMESTAMPTZ, { notNull: true, default: NOW }),
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [USER_CASCADE],
    rowLevelSecurity: true,
  },
  notification_outbox: {
    columns: {
      ...content,
      channels: column(JSONB, NOT_NULL),
      digest: column(varchar(10)),
      deliver_after: column(TIMESTAMPTZ, NOT_NULL),
      created_at: column(TIMESTAMPTZ, { notNull: true, default: NOW }),
    },
    primaryKey: ['id'],
    unique: [],
    foreignKeys: [USER_CASCADE],
    checks: { notification_outbox_digest_check: inCheck('digest', ['daily', 'weekly']) },
    rowLevelSecurity: false,
  },
};

export const notificationIndexes: Record<string, IndexSpec> = {
  idx_notifications_user_created: index('notifications', ['user_id', 'created_at DESC', 'id DESC']),
  idx_notifications_user_unread: index('notifications', ['user_id'], { where: '(read_at IS NULL)' }),
  idx_notification_outbox_due: index('notification_outbox', ['deliver_after']),
};

export const notificationPolicies: Record<string, PolicySpec> = {
  notifications_policy: ownRowsPolicy('notifications'),
};
