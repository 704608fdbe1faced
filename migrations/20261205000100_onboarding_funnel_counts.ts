/**
 * Counters for the admin's onboarding funnel, kept up to date as progress changes, so that the
 * funnel reads a few hundred small rows instead of aggregating every user's progress (8.9 s at a
 * million users, docs/performance.md "Data growth"):
 *
 * - `onboarding_funnel_counts`: how many users are in each state of a path — where they stand,
 *   which steps they completed and skipped, whether they finished — the groups the funnel's
 *   GROUP BY used to make. Each state is split over `slot`s (from the user id), so that many users
 *   moving through the same step at once do not all queue on one counter row's lock; readers sum
 *   the slots. `state` is an md5 of the state's columns: the key, since two jsonb arrays can be
 *   too long for a btree key.
 * - `onboarding_completion_times`: per path, how many finished users took a given time, in
 *   logarithmic buckets (`round(ln(1 + seconds) * 100)`, about 1 % wide), from which the funnel
 *   reads the median (server/modules/admin/completion-time.ts). No slots: two users rarely finish
 *   the same path at the same moment with the same duration to 1 %.
 *
 * One row trigger on user_onboarding_progress keeps both: it takes 1 from the old row's group and
 * adds 1 to the new row's, only when a counted column changed (saving a step's form data does
 * not write a counter). Rows without a path are not counted, as the funnel never counted them.
 * The counter rows of one change are written in key order, so two transactions that each change
 * one user's progress (all the app does) never take the same two rows in opposite orders; two
 * statements that each change many users' rows at once could, and one would fail with a deadlock.
 * Zero rows stay (readers skip them): a state is a handful of rows per path and slot, whatever the
 * number of users.
 *
 * The progress table is written as the user (acct_app, server/db/as-user.ts), which gets no grant
 * on the counters: they are service tables (no RLS, no grant to acct_app) that a user could
 * otherwise change at will. The trigger function is SECURITY DEFINER — it runs as its owner,
 * the migrating role — with a fixed search_path, so that nothing in the caller's path can stand
 * in for the tables it writes.
 *
 * The backfill runs in the migration's transaction after the trigger is created; creating the
 * trigger locks out concurrent writes to the progress table until the commit, so no change falls
 * between the two. bench/scale/fill.ts loads progress with the trigger disabled and calls
 * `rebuildOnboardingFunnelCounts` afterwards, as the backfill does.
 */
import type { Knex } from 'knex';

/** Counter rows per state: enough to spread concurrent users' writes, few for the funnel to sum. */
export const FUNNEL_SLOTS = 16;
/** Buckets per unit of ln(1 + seconds): neighbouring buckets differ by e^(1/100), about 1 %. */
export const BUCKETS_PER_LOG_SECOND = 100;

export const FUNNEL_TRIGGER = 'onboarding_funnel_count';

/** A progress row's (`r`, a row variable or table alias) counter slot: a byte of its random user id. */
const slot = (r: string) => `(get_byte(uuid_send(${r}.user_id), 15) % ${FUNNEL_SLOTS})::smallint`;
/** The key of a row's state, from the columns the funnel groups by. */
const state = (r: string) =>
  `md5(jsonb_build_array(${r}.path_id, ${r}.current_step, ${r}.completed_steps, ${r}.skipped_steps, ${r}.completed_at is not null)::text)::uuid`;
/**
 * The duration bucket of a finished row; null when the row is not finished (or has no start),
 * which GREATEST alone would turn into 0. A finish before the start counts as 0 seconds.
 */
const bucket = (r: string) =>
  `case when ${r}.completed_at - ${r}.started_at is not null then
     round(ln(1 + greatest(extract(epoch from ${r}.completed_at - ${r}.started_at), 0)) * ${BUCKETS_PER_LOG_SECOND})::int end`;
/** The counted columns of a row, in the counts table's order after `path_id`. */
const countedColumns = (r: string) =>
  `${r}.path_id, ${state(r)}, ${slot(r)}, ${r}.current_step, ${r}.completed_steps, ${r}.skipped_steps, ${r}.completed_at is not null`;

const COUNT_COLUMNS = 'path_id, state, slot, current_step, completed_steps, skipped_steps, completed';

/**
 * Adds each group's `delta` (rows of `deltas`, with COUNT_COLUMNS then `delta`) to its counter,
 * in key order, leaving out groups whose changes cancel out.
 */
const addToCounts = (deltas: string) => `
    insert into onboarding_funnel_counts as c (${COUNT_COLUMNS}, users)
    select ${COUNT_COLUMNS}, sum(delta)::int from (${deltas}) d (${COUNT_COLUMNS}, delta)
    where path_id is not null
    group by ${COUNT_COLUMNS} having sum(delta) <> 0
    order by path_id, state, slot
    on conflict (path_id, state, slot) do update set users = c.users + excluded.users`;

/** The same for the completion times: `deltas` has path_id, bucket, delta. */
const addToTimes = (deltas: string) => `
    insert into onboarding_completion_times as t (path_id, bucket, users)
    select path_id, bucket, sum(delta)::int from (${deltas}) d (path_id, bucket, delta)
    where path_id is not null and bucket is not null
    group by path_id, bucket having sum(delta) <> 0
    order by path_id, bucket
    on conflict (path_id, bucket) do update set users = t.users + excluded.users`;

/**
 * The trigger function's body. No DECLARE block: the schema check splits bodies at semicolons
 * (server/testing/schema/catalog.ts). OLD is null on INSERT and NEW on DELETE, so each side's
 * row is simply left out there.
 */
export const FUNNEL_TRIGGER_BODY = `
begin
  if tg_op <> 'UPDATE'
     or (old.user_id, old.path_id, old.current_step, old.completed_steps, old.skipped_steps, old.completed_at is null)
        is distinct from (new.user_id, new.path_id, new.current_step, new.completed_steps, new.skipped_steps, new.completed_at is null) then
    ${addToCounts(`
      select ${countedColumns('old')}, -1 where tg_op <> 'INSERT'
      union all
      select ${countedColumns('new')}, 1 where tg_op <> 'DELETE'`)};
  end if;
  if tg_op <> 'UPDATE'
     or (old.path_id, old.started_at, old.completed_at) is distinct from (new.path_id, new.started_at, new.completed_at) then
    ${addToTimes(`
      select old.path_id, ${bucket('old')}, -1 where tg_op <> 'INSERT'
      union all
      select new.path_id, ${bucket('new')}, 1 where tg_op <> 'DELETE'`)};
  end if;
  return null;
end`;

/**
 * Sets both tables from the progress rows as they are: the migration's backfill, and the bulk
 * fill's (bench/scale/fill.ts), which loads progress with the trigger off. Run it where no other
 * transaction writes progress (the caller holds the table, or nobody else is connected).
 */
export async function rebuildOnboardingFunnelCounts(knex: Knex): Promise<void> {
  await knex.raw('delete from onboarding_funnel_counts');
  await knex.raw('delete from onboarding_completion_times');
  await knex.raw(addToCounts(`select ${countedColumns('p')}, 1 from user_onboarding_progress p`));
  await knex.raw(addToTimes(`select p.path_id, ${bucket('p')}, 1 from user_onboarding_progress p`));
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table onboarding_funnel_counts (
      path_id uuid not null references onboarding_paths(id) on delete cascade,
      state uuid not null,
      slot smallint not null,
      current_step varchar(100),
      completed_steps jsonb,
      skipped_steps jsonb,
      completed boolean not null,
      users integer not null default 0,
      primary key (path_id, state, slot)
    )`);
  await knex.raw(
    `comment on table onboarding_funnel_counts is 'users per state of onboarding progress (summed over slots), kept by trigger ${FUNNEL_TRIGGER}'`,
  );
  await knex.raw(`
    create table onboarding_completion_times (
      path_id uuid not null references onboarding_paths(id) on delete cascade,
      bucket integer not null,
      users integer not null default 0,
      primary key (path_id, bucket)
    )`);
  await knex.raw(
    `comment on column onboarding_completion_times.bucket is 'round(ln(1 + seconds from start to finish) * ${BUCKETS_PER_LOG_SECOND})'`,
  );

  await knex.raw(`
    create function ${FUNNEL_TRIGGER}() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
    as $$${FUNNEL_TRIGGER_BODY}$$`);
  await knex.raw(`
    create trigger ${FUNNEL_TRIGGER} after insert or update or delete on user_onboarding_progress
    for each row execute function ${FUNNEL_TRIGGER}()`);
  await rebuildOnboardingFunnelCounts(knex);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`drop trigger if exists ${FUNNEL_TRIGGER} on user_onboarding_progress`);
  await knex.raw(`drop function if exists ${FUNNEL_TRIGGER}()`);
  await knex.raw('drop table if exists onboarding_completion_times');
  await knex.raw('drop table if exists onboarding_funnel_counts');
}
