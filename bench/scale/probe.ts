/**
 * The one user whose requests `npm run bench:scale` times, and the rows of their own that those
 * requests read: a signed-in session (its secret kept, for the session check), a few more, two
 * thousand login-history events over two years (so that a page deep in the list exists), onboarding
 * progress halfway, two checklist items done and an organization they own. The probe is created
 * the same way in the empty database and stays as it is while the fill adds everyone else, so
 * each operation reads the same rows of theirs before and after: only the size of the tables
 * around them changes.
 */
import type { Knex } from 'knex';
import { hashToken, randomToken } from '../../server/security/tokens';

export interface Probe {
  userId: string;
  /** The secret of a live session of theirs. */
  token: string;
  organizationId: string;
  webhookId: string;
  /** Where a page deep in their history starts (the row before it, as the API's cursor keeps it). */
  deepCursor: { createdAt: string; id: string };
}

/** Login-history rows of the probe, and how deep the measured page starts. */
export const PROBE_HISTORY = 2_000;
export const DEEP_PAGE_AFTER = 1_800;
/** Live sessions of the probe (the sessions list shows them). */
export const PROBE_SESSIONS = 8;

export async function createProbe(knex: Knex): Promise<Probe> {
  const [user] = await knex('auth.users')
    .insert({ email: 'probe@scale.example', display_name: 'Probe', email_verified_at: knex.fn.now() })
    .returning('id');
  const userId = user!.id as string;
  const token = randomToken();
  await knex.raw(
    `insert into user_sessions (user_id, session_token_hash, device_type, browser, os, auth_method, ip_address, expires_at)
     select ?, case when g = 1 then ? else encode(sha256(('probe-session-' || g)::bytea), 'hex') end,
            'desktop', 'Firefox', 'Linux', 'password', '10.9.9.9', now() + interval '20 days'
     from generate_series(1, ?) g`,
    [userId, hashToken(token), PROBE_SESSIONS],
  );
  await knex.raw(
    `insert into login_history (user_id, event_type, auth_method, ip_address, device_info, location, success, created_at)
     select ?, 'login_success', 'password', '10.9.9.9',
            '{"type":"desktop","name":null,"browser":"Firefox","os":"Linux"}'::jsonb, '{"city":"Paris","country":"FR"}'::jsonb,
            true, now() - interval '730 days' * (g::float8 / ?)
     from generate_series(1, ?) g`,
    [userId, PROBE_HISTORY, PROBE_HISTORY],
  );
  await knex.raw(
    `insert into user_onboarding_progress (user_id, path_id, current_step, completed_steps)
     select ?, id, 'organization', '["welcome", "profile"]'::jsonb from onboarding_paths where is_default limit 1`,
    [userId],
  );
  await knex('setup_checklist_progress').insert(
    ['create_event', 'customize_profile'].map((key) => ({
      user_id: userId,
      item_key: key,
      completed: true,
      completed_at: knex.fn.now(),
    })),
  );
  const [org] = await knex('organizations')
    .insert({ name: 'Probe', slug: 'probe', created_by: userId })
    .returning('id');
  const organizationId = org!.id as string;
  await knex('organization_members').insert({ organization_id: organizationId, user_id: userId, role: 'owner' });
  const [hook] = await knex('webhooks')
    .insert({ organization_id: organizationId, url: 'https://hooks.example/probe', secret_hash: 'x' })
    .returning('id');

  // The cursor exactly as login-history.service.ts makes it from the last row of a page.
  const { rows } = await knex.raw<{ rows: { cursor_at: string; id: string }[] }>(
    `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at, id
     from login_history where user_id = ? order by created_at desc, id desc offset ? limit 1`,
    [userId, DEEP_PAGE_AFTER - 1],
  );
  const last = rows[0]!;
  return {
    userId,
    token,
    organizationId,
    webhookId: hook!.id as string,
    deepCursor: { createdAt: last.cursor_at, id: last.id },
  };
}

/**
 * Ten minutes' worth of what the cleanup job removes at a million users (about 1,200 sessions
 * reach their week past expiry, and as many buckets go idle), made due at once: each timed
 * cleanup run on the empty and the filled database deletes the same rows.
 */
export async function addCleanupBacklog(knex: Knex, probe: Probe): Promise<void> {
  await knex.raw(
    `insert into user_sessions (user_id, session_token_hash, expires_at)
     select ?, encode(sha256(gen_random_uuid()::text::bytea), 'hex'), now() - interval '8 days' from generate_series(1, 1200)`,
    [probe.userId],
  );
  await knex.raw(
    `insert into magic_links (email, token_hash, expires_at, used_at)
     select 'probe@scale.example', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), now() - interval '2 days',
            case when g % 2 = 0 then now() - interval '2 days' end
     from generate_series(1, 200) g`,
  );
  await knex.raw(
    `insert into rate_limit_buckets (identifier, action, last_refill)
     select 'probe:' || gen_random_uuid(), 'sign_in', now() - interval '2 hours' from generate_series(1, 1200)`,
  );
  await knex.raw(
    `insert into webhook_deliveries (webhook_id, event_type, payload, message_id, status, created_at)
     select ?, 'user.created', '{}'::jsonb, 'msg_probe_' || g, 'succeeded', now() - interval '31 days'
     from generate_series(1, 200) g`,
    [probe.webhookId],
  );
}
