/**
 * What a data export contains: one section per table acct keeps about a user, each a name and a
 * query, so that adding a table is one line. Every query filters by the user itself — the job runs
 * on the service connection, so nothing but these `where`s keeps other users' rows out (the test
 * in data-export.test.ts checks that no other user's row gets in). Secrets never leave: no
 * password hash, token hash, encrypted token, passkey key or credential id.
 *
 * `EXCLUDED_TABLES` names the tables with a user column that are left out on purpose, each with
 * its reason; export-sections.test.ts fails when a table that points at a user is in neither list.
 */
import type { Knex } from 'knex';

export interface ExportSubject {
  id: string;
  email: string;
}

export interface ExportSection {
  /** The section's name: the key in the JSON file, `<name>.csv` in the zip. */
  name: string;
  /** The table it reads (for the coverage test). */
  table: string;
  rows(db: Knex | Knex.Transaction, user: ExportSubject): Promise<Record<string, unknown>[]>;
}

type Db = Knex | Knex.Transaction;

/** A section reading `columns` of the rows of `table` whose `user_id` is the user. */
const owned = (name: string, table: string, columns: string[] = ['*']): ExportSection => ({
  name,
  table,
  rows: (db: Db, user) =>
    db(table)
      .select(columns)
      .where('user_id', user.id)
      .orderBy(columns[0] === '*' ? 'id' : columns[0]!),
});

export const EXPORT_SECTIONS: ExportSection[] = [
  {
    name: 'user',
    table: 'auth.users',
    rows: (db, user) =>
      db('auth.users')
        .select('id', 'email', 'email_verified_at', 'display_name', 'avatar_url', 'bio', 'locale', 'app_role')
        .select('created_at', 'updated_at')
        .where('id', user.id),
  },
  owned('sessions', 'user_sessions', [
    'id',
    'device_type',
    'device_name',
    'browser',
    'os',
    'ip_address',
    'location_city',
    'location_country',
    'auth_method',
    'created_at',
    'last_active_at',
    'expires_at',
    'revoked_at',
  ]),
  owned('login_history', 'login_history'),
  owned('notification_preferences', 'notification_preferences'),
  owned('notification_quiet_hours', 'notification_quiet_hours'),
  owned('notifications', 'notifications'),
  // Notifications held by quiet hours or waiting for a digest: not yet delivered, but about the user.
  owned('notifications_waiting', 'notification_outbox'),
  // The picture's type, fingerprint and date; the image itself is at the avatar URL of the user section.
  {
    name: 'avatar',
    table: 'user_avatars',
    rows: (db, user) => db('user_avatars').select('content_type', 'sha256', 'created_at').where('user_id', user.id),
  },
  // Which browsers receive push notifications (the push service's address, no keys).
  owned('push_subscriptions', 'push_subscriptions', ['id', 'endpoint', 'user_agent', 'created_at', 'last_success_at']),
  // Public data only: what the user sees in their passkey list, never the key or credential id.
  owned('passkeys', 'passkeys', [
    'id',
    'device_name',
    'transports',
    'backup_eligible',
    'backed_up',
    'created_at',
    'last_used_at',
  ]),
  // Whether a second factor is on and since when; never the sealed secret or recovery key.
  owned('authenticator_app', 'auth.mfa_totp', ['created_at', 'confirmed_at']),
  // Which recovery codes exist and which were used; never their hashes.
  owned('recovery_codes', 'auth.mfa_recovery_codes', ['created_at', 'used_at', 'id']),
  owned('linked_accounts', 'oauth_accounts', [
    'id',
    'provider',
    'provider_user_id',
    'provider_email',
    'provider_name',
    'provider_avatar_url',
    'scopes',
    'created_at',
    'updated_at',
  ]),
  {
    name: 'organizations',
    table: 'organizations',
    rows: (db, user) =>
      db('organizations')
        .select('id', 'name', 'slug', 'created_at', 'updated_at')
        .select(db.raw('created_by = ? as created_by_you', [user.id]))
        .where('created_by', user.id)
        .orWhereIn('id', db('organization_members').select('organization_id').where('user_id', user.id))
        .orderBy('id'),
  },
  owned('organization_memberships', 'organization_members', ['id', 'organization_id', 'role', 'created_at']),
  {
    name: 'organization_invitations',
    table: 'organization_invitations',
    // Those the user sent, and those sent to them (by address, or accepted as them); never the token.
    rows: (db, user) =>
      db('organization_invitations')
        .select('id', 'organization_id', 'email', 'role', 'expires_at', 'accepted_at', 'revoked_at')
        .select('last_sent_at', 'created_at', 'redirect_url')
        .select(db.raw('invited_by = ? as sent_by_you', [user.id]))
        .where('invited_by', user.id)
        .orWhere('accepted_by', user.id)
        .orWhereRaw('lower(email) = lower(?)', [user.email])
        .orderBy('id'),
  },
  // The templates a user picked are kept in their onboarding progress (`step_data`).
  owned('onboarding_progress', 'user_onboarding_progress'),
  owned('checklist_progress', 'setup_checklist_progress'),
  owned('checklist_state', 'setup_checklist_state'),
  owned('api_tokens', 'api_tokens', [
    'id',
    'organization_id',
    'name',
    'token_prefix',
    'scopes',
    'last_used_at',
    'expires_at',
    'revoked_at',
    'created_at',
  ]),
  owned('connected_apps', 'connected_apps', [
    'id',
    'organization_id',
    'provider',
    'provider_account_id',
    'scopes',
    'token_expires_at',
    'last_sync_at',
    'connected_at',
    'disconnected_at',
  ]),
  {
    name: 'mail',
    table: 'mail_queue',
    // What was mailed to the user: subjects and dates; the bodies hold sign-in links and are sealed.
    rows: (db, user) =>
      db('mail_queue')
        .select('id', 'template', 'subject', 'status', 'created_at', 'sent_at')
        .whereRaw('lower(to_address) = lower(?)', [user.email])
        .orderBy('created_at'),
  },
  owned('data_export_requests', 'data_export_requests', [
    'id',
    'status',
    'format',
    'file_size_bytes',
    'created_at',
    'completed_at',
    'expires_at',
  ]),
  owned('account_deletion_requests', 'account_deletion_requests'),
];

/** Tables with a user column that are not exported, and why. */
export const EXCLUDED_TABLES: Record<string, string> = {
  data_export_files: 'the archives themselves',
  magic_links: 'one-time sign-in secrets, valid minutes and deleted by the cleanup',
  'auth.one_time_tokens': 'one-time secrets (verification, reset), valid minutes and deleted by the cleanup',
  'auth.webauthn_challenges': 'passkey ceremony challenges, valid minutes and deleted by the cleanup',
  oauth_attempts: 'sign-in and linking attempts in flight, valid minutes and deleted by the cleanup',
  'auth.mfa_challenges': 'second-factor sign-in steps in flight, valid minutes and deleted by the cleanup',
  connected_app_attempts: 'connected-app authorizations in flight, valid minutes and deleted by the cleanup',
};
