/**
 * The funnel's counters (migration 20261205000100_onboarding_funnel_counts) on each database: after
 * a mix of progress changes — users starting, completing, skipping, saving, going back, finishing,
 * switching path, losing their path, being deleted, through the onboarding service and by hand —
 * and after many truly parallel changes, they hold exactly what a fresh count of every progress row
 * gives (the funnel's old queries, kept here as the oracle), and the funnel built from them is the
 * one built from the oracle, the median within its 1 % resolution. The user's role writes progress
 * and fires the trigger, yet may not touch the counters.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { Knex } from 'knex';
import type { FunnelPath } from '../../../contract/admin';
import { APP_ROLE } from '../../db/as-user';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { adminClient } from '../../testing/admin';
import { describeOnEachDatabase } from '../../testing/databases';
import type { TestClient } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';
import type { RequestContext } from '../sessions/request-context';
import { actOnStep, goBack, startOnboarding } from '../onboarding/onboarding.service';
import { allPaths, progressOnPaths, type ProgressGroup } from './admin.queries';
import { medianOfBuckets } from './completion-time';
import { funnelOf, onboardingFunnel } from './funnel';

/** The funnel's queries before the counters: every progress row, counted at each request. */
const FRESH_PROGRESS = `
  select path_id, current_step, completed_steps, skipped_steps, completed_at is not null as completed,
         count(*)::int as users
  from user_onboarding_progress where path_id is not null
  group by path_id, current_step, completed_steps, skipped_steps, completed_at is not null`;
const FRESH_MEDIANS = `
  select path_id, percentile_cont(0.5) within group (order by extract(epoch from completed_at - started_at))::float8 as median
  from user_onboarding_progress where completed_at is not null and path_id is not null group by path_id`;

/** Two paths of three steps, the middle one optional; each role matches one. */
const PATHS = {
  a: ['welcome', 'venue', 'done'],
  b: ['intro', 'extras', 'finish'],
} as const;
type PathName = keyof typeof PATHS;

const CONTEXT: RequestContext = {
  ip: '127.0.0.1',
  userAgent: 'funnel-counts.test',
  device: { type: 'desktop', name: null, browser: null, os: null },
  location: null,
};

const sorted = (groups: ProgressGroup[]) => groups.map((g) => JSON.stringify(g)).sort();

/** The counters equal a fresh count of the progress rows, and the funnel the oracle's funnel. */
async function assertCountersExact(knex: Knex, served?: FunnelPath[]): Promise<void> {
  const fresh = (await knex.raw<{ rows: ProgressGroup[] }>(FRESH_PROGRESS)).rows;
  assert.deepEqual(sorted(await progressOnPaths(knex)), sorted(fresh));
  const { rows: negative } = await knex.raw<{ rows: unknown[] }>(
    `select path_id, state, slot, users from onboarding_funnel_counts where users < 0
     union all select path_id, null, bucket, users from onboarding_completion_times where users < 0`,
  );
  assert.deepEqual(negative, []);

  const oracle = funnelOf(await allPaths(knex), fresh, (await knex.raw(FRESH_MEDIANS)).rows);
  for (const funnel of [await onboardingFunnel(knex), ...(served ? [served] : [])]) {
    const withoutMedians = (paths: FunnelPath[]) => paths.map((p) => ({ ...p, medianSecondsToComplete: 0 }));
    assert.deepEqual(withoutMedians(funnel), withoutMedians(oracle));
    funnel.forEach((path, i) => {
      const [have, want] = [path.medianSecondsToComplete, oracle[i]!.medianSecondsToComplete];
      if (have === null || want === null) return assert.equal(have, want, path.name);
      // 1 % of the exact value, plus the rounding of both to whole seconds.
      assert.ok(Math.abs(have - want) <= want * 0.01 + 1, `${path.name}: median ${have}, exactly ${want}`);
    });
  }
}

describeOnEachDatabase('onboarding funnel counters', (getDb, kind) => {
  let server: RunningServer;
  let knex: Knex;
  const pathIds = {} as Record<PathName, string>;

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'sign-up:ip=1000/60 mail:ip=1000/60' } });
    knex = server.db.knex;
    for (const name of Object.keys(PATHS) as PathName[]) {
      const [row] = await knex('onboarding_paths')
        .insert({
          name: `Counters ${name}`,
          target_role: `counter-${name}`,
          steps: JSON.stringify(PATHS[name].map((key, i) => ({ key, title: key, required: i !== 1 }))),
        })
        .returning('id');
      pathIds[name] = (row as { id: string }).id;
    }
  });
  after(() => server.close());

  /** A user made in the database, started on `path` through the onboarding service. */
  async function startedUser(path: PathName | 'default'): Promise<string> {
    const id = randomUUID();
    await knex('auth.users').insert({ id, email: `${id}@counters.example` });
    await startOnboarding(server.services, id, { role: path === 'default' ? 'nobody' : `counter-${path}` });
    return id;
  }
  const act = (id: string, key: string, action: 'save' | 'complete' | 'skip', data?: unknown) =>
    actOnStep(server.services, { id, email: `${id}@counters.example` }, key, action, data, CONTEXT);

  /** Walks the steps of `path` a way chosen by `script` (0–5): from nothing done to finished and back. */
  async function walkScript(id: string, path: PathName, script: number): Promise<void> {
    const [first, optional, last] = PATHS[path];
    if (script >= 1) await act(id, first, 'complete');
    if (script === 2 || script === 4) await act(id, optional, 'skip');
    if (script === 3 || script === 5) {
      await act(id, optional, 'save', { note: 'half way' });
      await act(id, optional, 'complete');
    }
    if (script >= 4) await act(id, last, 'complete');
    if (script === 5) await goBack(server.services, id);
  }

  it('the user’s role fires the trigger but may not touch the counters', async () => {
    const { rows } = await knex.raw<{ rows: { privileged: boolean }[] }>(
      `select has_table_privilege(?, t, 'select, insert, update, delete') as privileged
       from unnest(array['onboarding_funnel_counts', 'onboarding_completion_times']) t`,
      [APP_ROLE],
    );
    assert.deepEqual(rows, [{ privileged: false }, { privileged: false }]);
  });

  it('hold a fresh count of every progress row through a mix of changes', { timeout: 120_000 }, async () => {
    const users: { id: string; path: PathName; script: number }[] = [];
    for (let i = 0; i < 30; i++) {
      const path: PathName = i % 3 === 0 ? 'b' : 'a';
      const id = await startedUser(path);
      await walkScript(id, path, i % 6);
      users.push({ id, path, script: i % 6 });
    }
    for (let i = 0; i < 3; i++) await startedUser('default');
    await assertCountersExact(knex);

    // Spread the finished users' durations over seconds to weeks, as time would.
    await knex.raw(`
      update user_onboarding_progress p set started_at = p.completed_at - interval '1 second' * (7 + power(r.n, 5))
      from (select user_id, row_number() over (order by user_id) as n from user_onboarding_progress
            where completed_at is not null) r
      where r.user_id = p.user_id`);
    await assertCountersExact(knex);

    // Saving form data and activity alone writes no counter: the rows keep their versions.
    const versions = () =>
      knex.raw<{ rows: unknown[] }>(
        `select xmin::text, path_id, state, slot from onboarding_funnel_counts
         union all select xmin::text, path_id, null, bucket from onboarding_completion_times order by 1, 2, 3, 4`,
      );
    const before = (await versions()).rows;
    await knex.raw(
      `update user_onboarding_progress set step_data = step_data || '{"x": 1}', last_activity_at = now() - interval '1 day'`,
    );
    assert.deepEqual((await versions()).rows, before);

    // Changes by hand: a switch of path, a finish undone, a path taken away, a row made finished.
    const on = (script: number, path: PathName = 'a') =>
      users.filter((u) => u.script === script && u.path === path).map((u) => u.id);
    await knex('user_onboarding_progress')
      .whereIn('user_id', on(1))
      .update({ path_id: pathIds.b, current_step: PATHS.b[0], completed_steps: '[]', skipped_steps: '[]' });
    await knex('user_onboarding_progress')
      .whereIn('user_id', on(4).slice(0, 1))
      .update({ completed_at: null, current_step: PATHS.a[2] });
    await knex('user_onboarding_progress').whereIn('user_id', on(2).slice(0, 1)).update({ path_id: null });
    await knex('user_onboarding_progress')
      .whereIn('user_id', on(3, 'b').slice(0, 1))
      .update({ completed_at: knex.raw(`started_at + interval '3 hours'`), current_step: null });
    await assertCountersExact(knex);

    // Deleted: an account (its progress goes by cascade), a progress row alone; then a row put in
    // by hand, finished at once.
    await knex('auth.users')
      .where({ id: on(5)[0] })
      .delete();
    await knex('user_onboarding_progress')
      .where({ user_id: on(0, 'b')[0] })
      .delete();
    const late = randomUUID();
    await knex('auth.users').insert({ id: late, email: `${late}@counters.example` });
    await knex('user_onboarding_progress').insert({
      user_id: late,
      path_id: pathIds.a,
      completed_steps: JSON.stringify(PATHS.a),
      completed_at: knex.fn.now(),
    });

    const { client: admin } = await adminClient(server);
    const served = await admin.get('/api/admin/onboarding/funnel');
    assert.equal(served.status, 200);
    await assertCountersExact(knex, served.body.paths);
  });

  it('stay exact under many parallel changes', { timeout: 120_000 }, async () => {
    const clients: TestClient[] = [];
    for (let i = 0; i < 16; i++) clients.push((await signedUpClient(server.services, server.url)).client);
    const byHand = await Promise.all(Array.from({ length: 16 }, () => startedUser('b')));
    const ok = async (request: Promise<{ status: number; body: unknown }>) => {
      const res = await request;
      assert.equal(res.status, 200, JSON.stringify(res.body));
    };
    const [first, optional, last] = PATHS.a;
    // Everyone at once, on the same path and steps: the same states, so the same counter rows.
    await Promise.all(clients.map((c) => ok(c.post('/api/onboarding/start', { role: 'counter-a' }))));
    for (const round of [
      (c: TestClient) => c.post(`/api/onboarding/steps/${first}/complete`, {}),
      (c: TestClient, i: number) => c.post(`/api/onboarding/steps/${optional}/${i % 2 ? 'skip' : 'complete'}`, {}),
      (c: TestClient) => c.post(`/api/onboarding/steps/${last}/complete`, {}),
    ]) {
      // With each round, other users' rows changed on their own connections, moving between the
      // same states in both directions.
      await Promise.all([
        ...clients.map((c, i) => ok(round(c, i))),
        ...byHand.map((id, i) =>
          knex('user_onboarding_progress')
            .where({ user_id: id })
            .update({
              current_step: PATHS.b[i % 3],
              completed_steps: JSON.stringify(PATHS.b.slice(0, i % 3)),
              completed_at: i % 4 === 0 ? knex.fn.now() : null,
            }),
        ),
      ]);
      byHand.reverse();
    }
    if (kind === 'postgres') {
      const { rows } = await knex.raw<{ rows: { slots: number }[] }>(
        'select count(distinct slot)::int as slots from onboarding_funnel_counts where path_id = ? and completed',
        [pathIds.a],
      );
      assert.ok(rows[0]!.slots > 1, 'the finished users’ counts are spread over slots');
    }
    await assertCountersExact(knex);
  });

  it('takes the median of a histogram as percentile_cont does, at bucket resolution', () => {
    assert.equal(medianOfBuckets([]), null);
    const b = (seconds: number) => Math.round(Math.log1p(seconds) * 100);
    assert.ok(Math.abs(medianOfBuckets([{ bucket: b(600), users: 3 }])! - 600) <= 6);
    // Two users: the mean of the two middle values.
    const two = medianOfBuckets([
      { bucket: b(100), users: 1 },
      { bucket: b(300), users: 1 },
    ])!;
    assert.ok(Math.abs(two - 200) <= 2, String(two));
    const odd = medianOfBuckets([
      { bucket: b(10), users: 2 },
      { bucket: b(3600), users: 1 },
      { bucket: b(86_400), users: 2 },
    ])!;
    assert.ok(Math.abs(odd - 3600) <= 36, String(odd));
  });
});
