/**
 * Fills a migrated acct database with a realistic volume of rows, in big `INSERT … SELECT` over
 * `generate_series` statements, for `npm run bench:scale` and server/db/hot-queries-explain.test.ts.
 * At scale 1: a million users (onboarding progress for every one, setup-checklist progress for a
 * third of the items), five million sessions, twenty million login-history rows, a hundred thousand
 * organizations with five members each, and what the cleanup job removes — expired sessions, used
 * and expired magic links, idle rate-limit buckets, webhook deliveries past their retention — so
 * that it has a backlog to work through.
 *
 * The rows are valid under the real schema: every constraint, foreign key and unique index is
 * checked as the rows go in (the statements run on the owner's connection, which row-level
 * security does not bind, as the server's own service work does not); the other indexes of a
 * table are built again, as they were, once its rows are in (dropSecondaryIndexes). The one thing
 * switched off is the trigger that keeps the onboarding funnel's counters: row by row it would
 * update the same few counter rows hundreds of thousands of times in one transaction (about 0.3 ms
 * a row, five minutes at scale 1), so the counters are counted once from the rows afterwards, as
 * the migration's backfill does (rebuildOnboardingFunnelCounts). User ids are
 * `md5('u' || n)::uuid`, so every table can name the n-th user without a join, and look random, as
 * gen_random_uuid()'s do. Sessions and history are written oldest first with a random user each,
 * so a user's rows lie scattered over the table, as years of traffic leave them.
 */
import type { Knex } from 'knex';
import { DEFAULT_PATH_STEPS } from '../../migrations/20260201000700_seed_data';
import {
  FUNNEL_TRIGGER,
  rebuildOnboardingFunnelCounts,
} from '../../migrations/20261205000100_onboarding_funnel_counts';

/** Row counts at scale 1 (`BENCH_SCALE`). */
export const SCALE_1 = {
  users: 1_000_000,
  organizations: 100_000,
  sessions: 5_000_000,
  loginHistory: 20_000_000,
  magicLinks: 100_000,
  rateLimitBuckets: 200_000,
  webhookDeliveries: 500_000,
  deletionRequests: 1_000,
} as const;

export type FillCounts = Record<keyof typeof SCALE_1, number>;

/** Members per organization (an owner, an admin, members); also users per organization's owner stride. */
const MEMBERS_PER_ORGANIZATION = 5;
/** Rows per statement: big enough to be fast, small enough to report progress and keep WAL moving. */
const CHUNK = 500_000;

export function countsAt(scale: number): FillCounts {
  if (!(scale > 0)) throw new Error(`the scale must be a positive number, got ${scale}`);
  const counts = Object.fromEntries(
    Object.entries(SCALE_1).map(([table, n]) => [table, Math.max(1, Math.round(n * scale))]),
  ) as FillCounts;
  if (counts.users < MEMBERS_PER_ORGANIZATION * 2) throw new Error(`scale ${scale} is too small: too few users`);
  return counts;
}

/** One timed step of the fill, for the report. */
export interface FillStep {
  what: string;
  rows: number;
  seconds: number;
}

/** The n-th filled user's id (n from 1), as SQL. */
const user = (n: string) => `md5('u' || (${n}))::uuid`;
/** A random filled user's id, as SQL. */
const randomUser = (users: number) => user(`1 + floor(random() * ${users})::int`);
/** The n-th organization's id. */
const organization = (n: string) => `md5('o' || (${n}))::uuid`;
/** The element of a literal text array picked by `index` (any integer expression). */
const pick = (values: string[], index: string) =>
  `(array[${values.map((v) => `'${v}'`).join(', ')}])[1 + ((${index}) % ${values.length})]`;
/** How far back row g of n lies when n rows spread evenly over `span` (a float factor: n × days overflows an interval). */
const ago = (g: string, n: number, span: string) => `interval '${span}' * ((${n} - ${g})::float8 / ${n})`;
/** A private IPv4 address made from an integer. */
const address = (n: string) =>
  `('10.' || ((${n}) >> 16) % 256 || '.' || ((${n}) >> 8) % 256 || '.' || (${n}) % 256)::inet`;

const DEVICE_TYPES = ['desktop', 'mobile', 'tablet'];
const BROWSERS = ['Chrome', 'Safari', 'Firefox', 'Edge'];
const SYSTEMS = ['Windows', 'macOS', 'iOS', 'Android', 'Linux'];
const CITIES = ['Paris', 'Berlin', 'Lisbon', 'Austin', 'Osaka', 'Toronto'];
const COUNTRIES = ['FR', 'DE', 'PT', 'US', 'JP', 'CA'];
const METHODS = ['password', 'magic_link', 'passkey', 'oauth'];
const CHECKLIST_KEYS = ['create_event', 'invite_team', 'connect_integration', 'customize_profile', 'explore_dashboard'];
/** A valid argon2id PHC string (of a password nobody uses): the column's realistic width. */
const PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c2NhbGUtYmVuY2gtc2FsdA$2xq2a3bPp1m7nq2w9Jt3cUu2Ff0Hq1cQ0c9wq5C1b2M';

/**
 * Each table's statement over `generate_series(:from, :to) as g`, in the order foreign keys need.
 * `u` is the user count, `n` the table's own.
 */
interface Statement {
  what: string;
  table: string;
  /** How many `g` the series runs over. */
  series: number;
  /** Rows it inserts, when not one per `g`. */
  rows?: number;
  sql: string;
  /** A row trigger kept off during the load, and what sets its tables from the rows afterwards. */
  derived?: { trigger: string; rebuild: (knex: Knex) => Promise<void>; tables: string[] };
}

function statements(c: FillCounts): Statement[] {
  const u = c.users;
  const webhooks = Math.max(1, Math.floor(c.organizations / 10));
  const steps = DEFAULT_PATH_STEPS.map((s) => s.key);
  return [
    {
      what: 'users',
      table: 'auth.users',
      series: u,
      sql: `insert into auth.users (id, email, password_hash, email_verified_at, display_name, locale, created_at, updated_at)
        select ${user('g')}, 'user' || g || '@scale.example', case when g % 4 <> 0 then '${PASSWORD_HASH}' end,
               case when g % 10 <> 0 then t end, 'User ' || g, ${pick(['en', 'fr', 'de'], 'g')}, t, t
        from (select g, now() - ${ago('g', u, '730 days')} as t from generate_series(:from, :to) g) s`,
    },
    {
      what: 'organizations',
      table: 'organizations',
      series: c.organizations,
      sql: `insert into organizations (id, name, slug, created_by, require_mfa)
        select ${organization('g')}, 'Organization ' || g, 'org-' || g,
               ${user(`((g - 1) * ${MEMBERS_PER_ORGANIZATION}) % ${u} + 1`)}, g % 50 = 0
        from generate_series(:from, :to) g`,
    },
    {
      what: 'organization members',
      table: 'organization_members',
      series: c.organizations * MEMBERS_PER_ORGANIZATION,
      // Member k of organization o is user (o - 1) * 5 + k: distinct within an organization.
      sql: `insert into organization_members (organization_id, user_id, role)
        select ${organization(`(g - 1) / ${MEMBERS_PER_ORGANIZATION} + 1`)}, ${user(`(g - 1) % ${u} + 1`)},
               case (g - 1) % ${MEMBERS_PER_ORGANIZATION} when 0 then 'owner' when 1 then 'admin' else 'member' end
        from generate_series(:from, :to) g`,
    },
    {
      what: 'sessions',
      table: 'user_sessions',
      series: c.sessions,
      // Per 20: 3 expired more than a week ago (the cleanup's work), 1 expired this week, 2
      // revoked, 14 live.
      sql: `insert into user_sessions (user_id, session_token_hash, device_type, device_name, browser, os, ip_address,
                                      location_city, location_country, auth_method, created_at, last_active_at, expires_at, revoked_at)
        select ${randomUser(u)}, encode(sha256(('scale-session-' || g)::bytea), 'hex'), ${pick(DEVICE_TYPES, 'g')},
               null, ${pick(BROWSERS, 'g')}, ${pick(SYSTEMS, 'g / 3')}, ${address('g')}, ${pick(CITIES, 'g / 7')},
               ${pick(COUNTRIES, 'g / 7')}, ${pick(METHODS, 'g')}, x - interval '30 days', x - interval '30 days' + random() * (least(x, now()) - (x - interval '30 days')),
               x, case when g % 20 in (4, 5) then x - interval '29 days' end
        from (select g, case when g % 20 < 3 then now() - interval '8 days' - random() * interval '50 days'
                             when g % 20 = 3 then now() - random() * interval '6 days'
                             else now() + random() * interval '29 days' end as x
              from generate_series(:from, :to) g) s`,
    },
    {
      what: 'login history',
      table: 'login_history',
      series: c.loginHistory,
      sql: `insert into login_history (user_id, event_type, auth_method, ip_address, device_info, location, success, failure_reason, created_at)
        select ${randomUser(u)},
               case g % 10 when 0 then 'login_failed' when 1 then 'logout' else 'login_success' end,
               ${pick(METHODS, 'g')}, ${address('g')},
               jsonb_build_object('type', ${pick(DEVICE_TYPES, 'g')}, 'name', null, 'browser', ${pick(BROWSERS, 'g')}, 'os', ${pick(SYSTEMS, 'g / 3')}),
               jsonb_build_object('city', ${pick(CITIES, 'g / 7')}, 'country', ${pick(COUNTRIES, 'g / 7')}),
               g % 10 <> 0, case when g % 10 = 0 then 'invalid_credentials' end,
               now() - ${ago('g', c.loginHistory, '730 days')}
        from generate_series(:from, :to) g`,
    },
    {
      what: 'onboarding progress',
      table: 'user_onboarding_progress',
      series: u,
      // 6 users in 10 finished; the others stand on step g % 8 having completed the ones before.
      sql: `insert into user_onboarding_progress (user_id, path_id, current_step, completed_steps, started_at, last_activity_at, completed_at)
        select ${user('g')}, p.id, case when done then null else (steps)[1 + g % 8] end,
               coalesce(to_jsonb((steps)[1:case when done then 8 else g % 8 end]), '[]'::jsonb), t, t + interval '1 hour',
               case when done then t + (g % 600) * interval '1 minute' end
        from (select g, g % 10 < 6 as done, now() - interval '700 days' + (g % 700) * interval '1 day' as t,
                     array[${steps.map((k) => `'${k}'`).join(', ')}] as steps
              from generate_series(:from, :to) g) s
        cross join (select id from onboarding_paths where is_default limit 1) p`,
      derived: {
        trigger: FUNNEL_TRIGGER,
        rebuild: rebuildOnboardingFunnelCounts,
        tables: ['onboarding_funnel_counts', 'onboarding_completion_times'],
      },
    },
    {
      what: 'checklist progress',
      table: 'setup_checklist_progress',
      series: u * CHECKLIST_KEYS.length,
      rows: Math.floor((u * CHECKLIST_KEYS.length) / 3),
      // A third of every user's items, completed.
      sql: `insert into setup_checklist_progress (user_id, item_key, completed, completed_at)
        select ${user(`(g - 1) / ${CHECKLIST_KEYS.length} + 1`)}, ${pick(CHECKLIST_KEYS, 'g - 1')}, true, now() - (g % 300) * interval '1 day'
        from generate_series(:from, :to) g where g % 3 = 0`,
    },
    {
      what: 'account deletion requests',
      table: 'account_deletion_requests',
      series: c.deletionRequests,
      sql: `insert into account_deletion_requests (user_id, scheduled_for)
        select ${user(`(g - 1) * ${Math.floor(u / c.deletionRequests)} + 1`)}, now() + (g % 30) * interval '1 day' from generate_series(:from, :to) g`,
    },
    {
      what: 'magic links',
      table: 'magic_links',
      series: c.magicLinks,
      // Per 4: used a while ago, expired unused, used a minute ago, live. Past their day: the cleanup's.
      sql: `insert into magic_links (user_id, email, token_hash, expires_at, used_at, created_at)
        select case when g % 10 <> 9 then ${randomUser(u)} end, 'user' || g || '@scale.example',
               encode(sha256(('scale-link-' || g)::bytea), 'hex'), x, case when g % 2 = 0 then least(x - interval '10 minutes', now()) end,
               x - interval '15 minutes'
        from (select g, case when g % 4 < 2 then now() - interval '1 day' - random() * interval '30 days'
                             else now() + interval '14 minutes' end as x from generate_series(:from, :to) g) s`,
    },
    {
      what: 'rate-limit buckets',
      table: 'rate_limit_buckets',
      series: c.rateLimitBuckets,
      sql: `insert into rate_limit_buckets (identifier, action, tokens, last_refill)
        select 'ip:' || host(${address('g')}) || ':' || g, ${pick(['sign_in', 'sign_up', 'magic_link'], 'g')}, g % 10,
               now() - random() * interval '2 hours'
        from generate_series(:from, :to) g`,
    },
    {
      what: 'webhooks',
      table: 'webhooks',
      series: webhooks,
      sql: `insert into webhooks (id, organization_id, url, secret_hash)
        select md5('w' || g)::uuid, ${organization(`least(g * 10, ${c.organizations})`)}, 'https://hooks.example/' || g, 'x' from generate_series(:from, :to) g`,
    },
    {
      what: 'webhook deliveries',
      table: 'webhook_deliveries',
      series: c.webhookDeliveries,
      // Two months of attempts: half past the default 30-day retention.
      sql: `insert into webhook_deliveries (webhook_id, event_type, payload, message_id, status, created_at)
        select md5('w' || (1 + g % ${webhooks}))::uuid, 'user.created', '{"type":"user.created"}'::jsonb,
               'msg_' || g, case g % 10 when 0 then 'failed' else 'succeeded' end,
               now() - ${ago('g', c.webhookDeliveries, '60 days')}
        from generate_series(:from, :to) g`,
    },
  ];
}

/**
 * Drops the table's indexes that enforce nothing (not unique, no constraint) and returns their
 * definitions, to be built again once the rows are in: one sort per index instead of a random
 * insert per row, the usual way to bulk-load. Primary keys, unique indexes and every constraint
 * stay, and check each row as it goes in.
 */
async function dropSecondaryIndexes(knex: Knex, table: string): Promise<string[]> {
  const { rows } = await knex.raw<{ rows: { name: string; definition: string }[] }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i where i.indrelid = ?::regclass and not i.indisunique
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [table],
  );
  for (const { name } of rows) await knex.raw(`drop index ${name}`);
  return rows.map((r) => r.definition);
}

/** Brings the planner's statistics and the visibility map up to date, as autovacuum would. */
export async function vacuumAnalyze(knex: Knex): Promise<void> {
  for (const { table } of statements(countsAt(1))) await knex.raw('vacuum (analyze) ??', [table]);
}

/**
 * Fills `knex`'s database (migrated, as its owner or a superuser) with `counts` rows, each table
 * analyzed as soon as it is written, then VACUUM ANALYZE. `progress` hears each step as it ends.
 */
export async function fill(
  knex: Knex,
  counts: FillCounts,
  progress: (step: FillStep) => void = () => {},
): Promise<FillStep[]> {
  const done: FillStep[] = [];
  for (const { what, table, series, rows, sql, derived } of statements(counts)) {
    const started = performance.now();
    const secondary = await dropSecondaryIndexes(knex, table);
    if (derived) await knex.raw('alter table ?? disable trigger ??', [table, derived.trigger]);
    for (let from = 1; from <= series; from += CHUNK) {
      // Integers of our own making, written into the text: knex's named bindings would read `::uuid`.
      const to = Math.min(series, from + CHUNK - 1);
      await knex.raw(sql.replaceAll(':from', String(from)).replaceAll(':to', String(to)));
    }
    for (const definition of secondary) await knex.raw(definition);
    if (derived) {
      await knex.raw('alter table ?? enable trigger ??', [table, derived.trigger]);
      await derived.rebuild(knex);
      for (const derivedTable of derived.tables) await knex.raw('analyze ??', [derivedTable]);
    }
    // Statistics at once, as autovacuum would soon: the foreign-key checks of the next tables
    // (a plan per connection, cached) would otherwise plan for the table as it was before.
    await knex.raw('analyze ??', [table]);
    const step = { what, rows: rows ?? series, seconds: (performance.now() - started) / 1000 };
    done.push(step);
    progress(step);
  }
  const started = performance.now();
  await vacuumAnalyze(knex);
  const step = { what: 'vacuum analyze', rows: 0, seconds: (performance.now() - started) / 1000 };
  done.push(step);
  progress(step);
  return done;
}
