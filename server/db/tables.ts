/**
 * Row types of the tables the server reads and writes through Knex's query builder, declared on
 * `knex/types/tables` so that `db('user_sessions')` is typed. Columns are as the migrations make
 * them; timestamps come back as Date on both databases, int8 as number (see database.ts), bytea
 * as Buffer (PostgreSQL) or Uint8Array (PGlite), json(b) parsed.
 */
import type { Knex } from 'knex';

export interface UserRow {
  id: string;
  email: string;
  password_hash: string | null;
  email_verified_at: Date | null;
  display_name: string | null;
  avatar_url: string | null;
  bio: string | null;
  app_role: 'user' | 'admin';
  created_at: Date;
  updated_at: Date;
  /** Language of the user's mail (`en`, `fr`); null: not known, each request's language decides. */
  locale: string | null;
}

export interface SessionRow {
  id: string;
  user_id: string;
  session_token_hash: string;
  device_type: string | null;
  device_name: string | null;
  browser: string | null;
  os: string | null;
  ip_address: string | null;
  location_city: string | null;
  location_country: string | null;
  is_current: boolean | null;
  created_at: Date;
  last_active_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  auth_method: string | null;
  passkey_id: string | null;
  reauthenticated_at: Date | null;
}

/** A secret a bearer refresh replaced (by its hash), kept to recognise its reuse. */
export interface RetiredSessionSecretRow {
  token_hash: string;
  session_id: string;
  retired_at: Date;
}

export interface PasskeyRow {
  id: string;
  user_id: string;
  credential_id: Uint8Array;
  public_key: Uint8Array;
  counter: number;
  device_name: string | null;
  transports: string[] | null;
  aaguid: Uint8Array | null;
  created_at: Date;
  last_used_at: Date | null;
  backup_eligible: boolean;
  backed_up: boolean;
}

export interface MagicLinkRow {
  id: string;
  user_id: string | null;
  email: string;
  token_hash: string;
  redirect_url: string | null;
  expires_at: Date;
  used_at: Date | null;
  ip_address: string | null;
  created_at: Date;
  browser_key_hash: string | null;
  /** Language of the mail that carried the link, and of its landing page. */
  locale: string | null;
}

export interface WebauthnChallengeRow {
  id: string;
  challenge: string;
  ceremony: 'registration' | 'authentication' | 'reauthentication';
  user_id: string | null;
  /** reauthentication: the session that asked for the challenge. */
  session_id: string | null;
  expires_at: Date;
  used_at: Date | null;
  created_at: Date;
}

export interface LoginHistoryRow {
  id: string;
  user_id: string;
  event_type: string;
  auth_method: string | null;
  ip_address: string | null;
  device_info: Record<string, unknown> | null;
  location: Record<string, unknown> | null;
  success: boolean;
  failure_reason: string | null;
  created_at: Date;
}

export interface OneTimeTokenRow {
  id: string;
  user_id: string;
  purpose: string;
  token_hash: string;
  redirect_url: string | null;
  data: Record<string, unknown>;
  ip_address: string | null;
  expires_at: Date;
  used_at: Date | null;
  created_at: Date;
}

export interface MailQueueRow {
  id: string;
  to_address: string;
  template: string;
  subject: string;
  body_encrypted: string | null;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
}

export interface SigningKeyRow {
  kid: string;
  algorithm: string;
  public_jwk: Record<string, unknown>;
  private_jwk_encrypted: string;
  created_at: Date;
  rotated_at: Date | null;
}

export interface PushSubscriptionRow {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string | null;
  created_at: Date;
  last_success_at: Date | null;
  failure_count: number;
}

export interface VapidKeyRow {
  id: number;
  public_key: string;
  private_key_encrypted: string;
  created_at: Date;
}

export interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  /** Migration 20261002000100_mfa: members must use a second factor. */
  require_mfa: boolean;
}

export type OrganizationRole = 'owner' | 'admin' | 'member';

export interface OrganizationMemberRow {
  id: string;
  organization_id: string;
  user_id: string;
  role: OrganizationRole;
  created_at: Date;
}

export interface OrganizationInvitationRow {
  id: string;
  organization_id: string;
  email: string;
  role: Exclude<OrganizationRole, 'owner'>;
  token_hash: string;
  invited_by: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
  last_sent_at: Date;
  created_at: Date;
  redirect_url: string | null;
  /** Language of the invitation mail, and of its landing page. */
  locale: string | null;
}

export interface OnboardingPathRow {
  id: string;
  name: string;
  description: string | null;
  target_role: string | null;
  target_use_case: string | null;
  /** The steps as stored: read them with `stepsOf()` (server/modules/onboarding/paths.ts). */
  steps: unknown;
  is_default: boolean | null;
  is_active: boolean | null;
  created_at: Date;
  updated_at: Date;
}

export interface OnboardingProgressRow {
  id: string;
  user_id: string;
  path_id: string | null;
  selected_role: string | null;
  selected_use_case: string | null;
  current_step: string | null;
  completed_steps: string[] | null;
  skipped_steps: string[];
  step_data: Record<string, unknown> | null;
  started_at: Date;
  last_activity_at: Date;
  completed_at: Date | null;
}

export interface ChecklistItemRow {
  id: string;
  key: string;
  title: string;
  description: string | null;
  icon: string | null;
  action_url: string | null;
  sort_order: number | null;
  is_active: boolean | null;
}

export interface ChecklistProgressRow {
  id: string;
  user_id: string;
  item_key: string;
  completed: boolean | null;
  completed_at: Date | null;
  dismissed: boolean | null;
}

/** The whole checklist dismissed (and when), per user. */
export interface ChecklistStateRow {
  id: string;
  user_id: string;
  dismissed_at: Date | null;
}

export interface OnboardingTemplateRow {
  id: string;
  name: string;
  description: string | null;
  category: string | null;
  industry: string | null;
  preview_image_url: string | null;
  template_data: Record<string, unknown>;
  usage_count: number | null;
  is_featured: boolean | null;
  is_active: boolean | null;
  created_at: Date;
}

export interface NotificationPreferenceRow {
  id: string;
  user_id: string;
  category: string;
  event_type: string;
  email_enabled: boolean | null;
  push_enabled: boolean | null;
  in_app_enabled: boolean | null;
  frequency: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface NotificationQuietHoursRow {
  id: string;
  user_id: string;
  enabled: boolean | null;
  /** `HH:MM:SS`. */
  start_time: string | null;
  end_time: string | null;
  timezone: string | null;
  days_of_week: number[] | null;
}

export interface DataExportRequestRow {
  id: string;
  user_id: string;
  /** The seed's values: pending → processing → ready → expired. */
  status: 'pending' | 'processing' | 'ready' | 'expired';
  format: 'json' | 'csv';
  download_url: string | null;
  /** BIGINT: node-postgres reads it as text. */
  file_size_bytes: string | number | null;
  expires_at: Date | null;
  created_at: Date;
  completed_at: Date | null;
  site_hook_failures: number;
}

export interface DataExportFileRow {
  export_id: string;
  user_id: string;
  seq: number;
  data: Buffer;
}

export interface AccountDeletionRequestRow {
  id: string;
  user_id: string;
  reason: string | null;
  feedback: string | null;
  scheduled_for: Date;
  cancelled_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
}

/**
 * What an insert or update may set: any subset of the columns (the database fills defaults), each
 * as its value, as SQL (`db.raw('now()')`), or — for json and timestamp columns — as text
 * (JSON arrays must be sent as text, or node-postgres would turn them into PostgreSQL arrays).
 */
type Writable<Row> = { [K in keyof Row]?: Row[K] | Knex.Raw | (NonNullable<Row[K]> extends object ? string : never) };

type Table<Row> = Knex.CompositeTableType<Row, Writable<Row>, Writable<Row>>;

declare module 'knex/types/tables' {
  interface Tables {
    'auth.users': Table<UserRow>;
    user_sessions: Table<SessionRow>;
    user_session_retired_secrets: Table<RetiredSessionSecretRow>;
    login_history: Table<LoginHistoryRow>;
    'auth.one_time_tokens': Table<OneTimeTokenRow>;
    mail_queue: Table<MailQueueRow>;
    'auth.signing_keys': Table<SigningKeyRow>;
    passkeys: Table<PasskeyRow>;
    magic_links: Table<MagicLinkRow>;
    'auth.webauthn_challenges': Table<WebauthnChallengeRow>;
    organizations: Table<OrganizationRow>;
    organization_members: Table<OrganizationMemberRow>;
    organization_invitations: Table<OrganizationInvitationRow>;
    onboarding_paths: Table<OnboardingPathRow>;
    user_onboarding_progress: Table<OnboardingProgressRow>;
    setup_checklist_items: Table<ChecklistItemRow>;
    setup_checklist_progress: Table<ChecklistProgressRow>;
    setup_checklist_state: Table<ChecklistStateRow>;
    onboarding_templates: Table<OnboardingTemplateRow>;
    data_export_requests: Table<DataExportRequestRow>;
    data_export_files: Table<DataExportFileRow>;
    notification_preferences: Table<NotificationPreferenceRow>;
    notification_quiet_hours: Table<NotificationQuietHoursRow>;
    push_subscriptions: Table<PushSubscriptionRow>;
    'auth.vapid_keys': Table<VapidKeyRow>;
    account_deletion_requests: Table<AccountDeletionRequestRow>;
  }
}
