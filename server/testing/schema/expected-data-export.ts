/**
 * acct's own objects for data export, read off migration 20260805000100_data_export_files: the
 * chunks of an export's archive (user-owned, RLS-bound), the count of failed site-hook calls on
 * the seed's request table, its index by user, and the partial unique index that allows one
 * export in the making per user.
 */
import { BYTEA, column, index, INTEGER, NOT_NULL, references, USER_CASCADE, UUID } from './spec-helpers';
import { ownRowsPolicy } from './expected-security';
import type { ColumnSpec, IndexSpec, PolicySpec, TableSpec } from './types';

export const dataExportTables: Record<string, TableSpec> = {
  data_export_files: {
    columns: {
      export_id: column(UUID, NOT_NULL),
      user_id: column(UUID, NOT_NULL),
      seq: column(INTEGER, NOT_NULL),
      data: column(BYTEA, NOT_NULL),
    },
    primaryKey: ['export_id', 'seq'],
    unique: [],
    foreignKeys: [references('export_id', 'data_export_requests', 'id', 'CASCADE'), USER_CASCADE],
    rowLevelSecurity: true,
  },
};

export const dataExportRequestColumns: Record<string, ColumnSpec> = {
  site_hook_failures: column(INTEGER, { notNull: true, default: '0' }),
};

export const dataExportIndexes: Record<string, IndexSpec> = {
  data_export_requests_user_idx: index('data_export_requests', ['user_id', 'created_at DESC']),
  data_export_requests_one_open_idx: index('data_export_requests', ['user_id'], {
    unique: true,
    where: `((status)::text = ANY ((ARRAY['pending'::character varying, 'processing'::character varying])::text[]))`,
  }),
};

export const dataExportPolicies: Record<string, PolicySpec> = {
  data_export_files_policy: ownRowsPolicy('data_export_files'),
};
