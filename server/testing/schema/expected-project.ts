/**
 * acct's own objects, which the seed references but does not define, read off the migrations
 * (20260201000100_auth_foundation, …500_row_level_security, …600_functions_and_triggers) and
 * docs/architecture.md §4 "Data": auth.users, organizations with members and invitations, auth.uid(), the
 * policies on the user-owned tables the seed left open, the updated_at triggers on acct's tables,
 * and the one documented deviation, webhooks.secret_encrypted. Kept apart from the seed's
 * expectations so that it is plain which is which.
 */
import { dataExportRequestColumns } from './expected-data-export';
import {
  column,
  inCheck,
  ID,
  index,
  NOT_NULL,
  NOW,
  references,
  TEXT,
  TIMESTAMPTZ,
  USER_CASCADE,
  UUID,
  varchar,
  varcharDefault,
} from './spec-helpers';
import { ownRowsPolicy, updatedAtTrigger } from './expected-security';
import { signInSessionColumns } from './expected-sign-in';
import { invitationColumns, onboardingProgressColumns } from './expected-onboarding-support';
import { localeColumns } from './expected-locales';
import { webhookColumns, webhookDeliveryColumns } from './expected-webhooks';
import { organizationMfaColumns } from './expected-mfa';
import {
  passwordlessPasskeyColumns,
  passwordlessSessionColumns,
  passwordlessSessionForeignKeys,
} from './expected-passwordless';
import type { ColumnSpec, ForeignKeySpec, FunctionSpec, IndexSpec, PolicySpec, TableSpec, TriggerSpec } from './types';

/** acct's tables say NOT NULL on their timestamps, unlike the seed's. */
const TIMESTAMPTZ_NOW_NOT_NULL = column(TIMESTAMPTZ, { notNull: true, default: NOW });
const ORGANIZATION_CASCADE = references('organization_id', 'organizations', 'id', 'CASCADE');
const ROLE = column(varchar(20), { notNull: true, default: varcharDefault('member') });

export const projectTables: Record<string, TableSpec> = {
  'auth.users': {
    columns: {
      id: ID,
      email: column(varchar(255), NOT_NULL),
      password_hash: column(TEXT),
      email_verified_at: column(TIMESTAMPTZ),
      display_name: column(varchar(255)),
      avatar_url: column(TEXT),
      bio: column(TEXT),
      app_role: column(varchar(20), { notNull: true, default: varcharDefault('user') }),
      created_at: TIMESTAMPTZ_NOW_NOT_NULL,
      updated_at: TIMESTAMPTZ_NOW_NOT_NULL,
      // Added by the languages migration (expected-locales.ts).
      ...localeColumns,
    },
    primaryKey: ['id'],
    // Email uniqueness is case-insensitive, so it is an expression index (users_email_lower_key).
    unique: [],
    foreignKeys: [],
    checks: {
      users_app_role_check: inCheck('app_role', ['user', 'admin']),
      users_email_check: "CHECK ((((email)::text = btrim((email)::text)) AND ((email)::text ~~ '%_@_%'::text)))",
    },
    rowLevelSecurity: true,
  },
  organizations: {
    columns: {
      id: ID,
      name: column(varchar(255), NOT_NULL),
      slug: column(varchar(100), NOT_NULL),
      created_by: column(UUID),
      created_at: TIMESTAMPTZ_NOW_NOT_NULL,
      updated_at: TIMESTAMPTZ_NOW_NOT_NULL,
      // Added by the second-factor migration (expected-mfa.ts).
      ...organizationMfaColumns,
    },
    primaryKey: ['id'],
    unique: [['slug']],
    foreignKeys: [references('created_by', 'auth.users', 'id', 'SET NULL')],
    checks: { organizations_slug_check: "CHECK (((slug)::text ~ '^[a-z0-9]+(-[a-z0-9]+)*$'::text))" },
    rowLevelSecurity: false,
  },
  organization_members: {
    columns: {
      id: ID,
      organization_id: column(UUID, NOT_NULL),
      user_id: column(UUID, NOT_NULL),
      role: ROLE,
      created_at: TIMESTAMPTZ_NOW_NOT_NULL,
    },
    primaryKey: ['id'],
    unique: [['organization_id', 'user_id']],
    foreignKeys: [ORGANIZATION_CASCADE, USER_CASCADE],
    checks: { organization_members_role_check: inCheck('role', ['owner', 'admin', 'member']) },
    rowLevelSecurity: false,
  },
  organization_invitations: {
    columns: {
      id: ID,
      organization_id: column(UUID, NOT_NULL),
      email: column(varchar(255), NOT_NULL),
      role: ROLE,
      token_hash: column(varchar(255), NOT_NULL),
      invited_by: column(UUID),
      expires_at: column(TIMESTAMPTZ, NOT_NULL),
      accepted_at: column(TIMESTAMPTZ),
      accepted_by: column(UUID),
      revoked_at: column(TIMESTAMPTZ),
      last_sent_at: TIMESTAMPTZ_NOW_NOT_NULL,
      created_at: TIMESTAMPTZ_NOW_NOT_NULL,
      // Added by the onboarding migration (expected-onboarding-support.ts).
      ...invitationColumns,
      // Added by the languages migration (expected-locales.ts).
      ...localeColumns,
    },
    primaryKey: ['id'],
    unique: [['token_hash']],
    foreignKeys: [
      ORGANIZATION_CASCADE,
      references('invited_by', 'auth.users', 'id', 'SET NULL'),
      references('accepted_by', 'auth.users', 'id', 'SET NULL'),
    ],
    // Invitations may only grant admin or member: ownership is never handed out by email.
    checks: { organization_invitations_role_check: inCheck('role', ['admin', 'member']) },
    rowLevelSecurity: false,
  },
};

/** What acct changes on the seed's own tables. */
export const projectChangesToSeedTables: Record<
  string,
  { addColumns?: Record<string, ColumnSpec>; addForeignKeys?: ForeignKeySpec[]; rowLevelSecurity?: boolean }
> = {
  // Deviation (docs/architecture.md §4 "Data"): a hash cannot sign webhook payloads, so the secret is also kept
  // encrypted at rest; added after the seed's columns.
  // Webhook delivery (expected-webhooks.ts): rotation, disabling, one row per attempt.
  webhooks: { addColumns: { secret_encrypted: column(TEXT), ...webhookColumns } },
  webhook_deliveries: { addColumns: webhookDeliveryColumns },
  // The sign-in core: how a session signed in (expected-sign-in.ts; its two columns for bearer
  // rotation were later replaced by a table, expected-retired-secrets.ts).
  // Passwordless sign-in: which passkey a session used (expected-passwordless.ts).
  user_sessions: {
    addColumns: { ...signInSessionColumns, ...passwordlessSessionColumns },
    addForeignKeys: passwordlessSessionForeignKeys,
  },
  // Passwordless sign-in: synced or device-bound (expected-passwordless.ts).
  passkeys: { addColumns: passwordlessPasskeyColumns },
  // Proving an address: the browser that asked for a sign-in link (migration 20260601000200).
  // Languages: the language of the link's mail (expected-locales.ts).
  magic_links: { addColumns: { browser_key_hash: column(varchar(64)), ...localeColumns } },
  // Onboarding: skipped optional steps (expected-onboarding-support.ts).
  user_onboarding_progress: { addColumns: onboardingProgressColumns },
  // User-owned tables the seed left without a policy get the same one (see projectPolicies).
  notification_quiet_hours: { rowLevelSecurity: true },
  // Data export: failed site-hook calls (expected-data-export.ts).
  data_export_requests: { rowLevelSecurity: true, addColumns: dataExportRequestColumns },
  account_deletion_requests: { rowLevelSecurity: true },
};

export const projectIndexes: Record<string, IndexSpec> = {
  users_email_lower_key: index('auth.users', ['lower(email::text)'], { unique: true }),
  idx_organization_members_user: index('organization_members', ['user_id']),
  idx_organization_invitations_org: index('organization_invitations', ['organization_id']),
  // At most one open invitation per address and organization.
  organization_invitations_open_key: index('organization_invitations', ['organization_id', 'lower(email::text)'], {
    unique: true,
    where: '((accepted_at IS NULL) AND (revoked_at IS NULL))',
  }),
};

export const projectPolicies: Record<string, PolicySpec> = {
  notification_quiet_hours_policy: ownRowsPolicy('notification_quiet_hours'),
  data_export_requests_policy: ownRowsPolicy('data_export_requests'),
  account_deletion_requests_policy: ownRowsPolicy('account_deletion_requests'),
  users_self_policy: ownRowsPolicy('auth.users', 'id'),
};

export const projectFunctions: Record<string, FunctionSpec> = {
  // Supabase's signature; the user is the transaction-local setting server/db/as-user.ts makes.
  'auth.uid()': {
    returns: 'uuid',
    language: 'sql',
    volatility: 'STABLE',
    statements: ["select nullif(current_setting('acct.user_id', true), '')::uuid"],
  },
};

export const projectTriggers: Record<string, TriggerSpec> = {
  users_updated: updatedAtTrigger('auth.users'),
  organizations_updated: updatedAtTrigger('organizations'),
};
