/**
 * Seed section 4, row-level security, made real: the seed's seven policies verbatim, the same
 * policy on the user-owned tables the seed left open, and the grants that give the unprivileged
 * `acct_app` role (see server/db/as-user.ts) exactly the tables user-scoped work may touch.
 * Organization-owned tables (connected apps, API tokens, webhooks) get no grant: their access
 * checks run in the service layer, and the role cannot reach them at all.
 */
import type { Knex } from 'knex';

/** The seed's policies: table → policy name, each `for all using (user_id = auth.uid())`. */
const SEED_POLICIES = {
  user_sessions: 'user_sessions_policy',
  login_history: 'login_history_policy',
  notification_preferences: 'notification_prefs_policy',
  passkeys: 'passkeys_policy',
  oauth_accounts: 'oauth_accounts_policy',
  user_onboarding_progress: 'onboarding_progress_policy',
  setup_checklist_progress: 'checklist_progress_policy',
} as const;

/** User-owned tables the seed gives no policy; the same rule, so none of them can leak either. */
const ADDED_POLICIES = {
  notification_quiet_hours: 'notification_quiet_hours_policy',
  data_export_requests: 'data_export_requests_policy',
  account_deletion_requests: 'account_deletion_requests_policy',
} as const;

const USER_OWNED = { ...SEED_POLICIES, ...ADDED_POLICIES };

/** Catalogues every user may read whole (no RLS: they hold no personal data). */
const READABLE_CATALOGUES = ['onboarding_paths', 'setup_checklist_items', 'onboarding_templates'];

/** auth.users columns a user may read, and the profile columns they may change, about themselves. */
const USER_READABLE_COLUMNS =
  'id, email, email_verified_at, display_name, avatar_url, bio, app_role, created_at, updated_at';
const USER_WRITABLE_COLUMNS = 'display_name, avatar_url, bio';

export async function up(knex: Knex): Promise<void> {
  for (const [table, policy] of Object.entries(USER_OWNED)) {
    await knex.raw('alter table ?? enable row level security', [table]);
    await knex.raw('create policy ?? on ?? for all using (user_id = auth.uid())', [policy, table]);
    await knex.raw('grant select, insert, update, delete on ?? to acct_app', [table]);
  }

  await knex.raw('alter table auth.users enable row level security');
  await knex.raw('create policy users_self_policy on auth.users for all using (id = auth.uid())');
  // Column grants: the password hash and the app role cannot be read or changed as the user,
  // whatever the query says.
  await knex.raw(
    `grant select (${USER_READABLE_COLUMNS}), update (${USER_WRITABLE_COLUMNS}) on auth.users to acct_app`,
  );

  for (const table of READABLE_CATALOGUES) {
    await knex.raw('grant select on ?? to acct_app', [table]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of READABLE_CATALOGUES) {
    await knex.raw('revoke all on ?? from acct_app', [table]);
  }
  await knex.raw('revoke all on auth.users from acct_app');
  await knex.raw('drop policy if exists users_self_policy on auth.users');
  await knex.raw('alter table auth.users disable row level security');
  for (const [table, policy] of Object.entries(USER_OWNED)) {
    await knex.raw('revoke all on ?? from acct_app', [table]);
    await knex.raw('drop policy if exists ?? on ??', [policy, table]);
    await knex.raw('alter table ?? disable row level security', [table]);
  }
}
