/**
 * Seed sections 4 and 5, written down from the seed text: the seven row-level security policies,
 * the update_updated_at() trigger function with its three triggers, and
 * cleanup_expired_sessions(). Function bodies are the seed's statements verbatim; the comparison
 * ignores case and whitespace.
 */
import type { FunctionSpec, PolicySpec, TriggerSpec } from './types';

/** `CREATE POLICY … ON <table> FOR ALL USING (<owner> = auth.uid())`: permissive, for every role. */
export function ownRowsPolicy(table: string, owner = 'user_id'): PolicySpec {
  return {
    table,
    command: 'ALL',
    permissive: true,
    roles: ['public'],
    using: `(${owner} = auth.uid())`,
    withCheck: null,
  };
}

export const seedPolicies: Record<string, PolicySpec> = {
  user_sessions_policy: ownRowsPolicy('user_sessions'),
  login_history_policy: ownRowsPolicy('login_history'),
  notification_prefs_policy: ownRowsPolicy('notification_preferences'),
  passkeys_policy: ownRowsPolicy('passkeys'),
  oauth_accounts_policy: ownRowsPolicy('oauth_accounts'),
  onboarding_progress_policy: ownRowsPolicy('user_onboarding_progress'),
  checklist_progress_policy: ownRowsPolicy('setup_checklist_progress'),
};

export const seedFunctions: Record<string, FunctionSpec> = {
  // 5.1
  'update_updated_at()': {
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'VOLATILE',
    statements: ['NEW.updated_at = NOW()', 'RETURN NEW'],
  },
  // 5.2
  'cleanup_expired_sessions()': {
    returns: 'void',
    language: 'plpgsql',
    volatility: 'VOLATILE',
    statements: [
      "DELETE FROM user_sessions WHERE expires_at < NOW() - INTERVAL '7 days'",
      "DELETE FROM magic_links WHERE expires_at < NOW() - INTERVAL '1 day'",
      "DELETE FROM rate_limit_buckets WHERE last_refill < NOW() - INTERVAL '1 hour'",
    ],
  },
};

/** `BEFORE UPDATE ON <table> FOR EACH ROW EXECUTE FUNCTION update_updated_at()`. */
export function updatedAtTrigger(table: string): TriggerSpec {
  return { table, timing: 'BEFORE', events: ['UPDATE'], level: 'ROW', function: 'update_updated_at()' };
}

export const seedTriggers: Record<string, TriggerSpec> = {
  notification_prefs_updated: updatedAtTrigger('notification_preferences'),
  oauth_accounts_updated: updatedAtTrigger('oauth_accounts'),
  onboarding_paths_updated: updatedAtTrigger('onboarding_paths'),
};
