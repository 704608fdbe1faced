/**
 * The onboarding funnel for admins: per path, how many users started, reached, completed and
 * skipped each step, how many finished, and the median time from start to finish. "Reached" is
 * derived from progress alone: a user reached a step when they resolved (completed or skipped) it
 * or any later step, or stand on it now.
 */
import type { Knex } from 'knex';
import { stepsOf, type PathRow } from '../onboarding/paths';

interface ProgressSlice {
  path_id: string;
  current_step: string | null;
  completed_steps: string[] | null;
  skipped_steps: string[] | null;
  completed_at: Date | null;
}

export interface FunnelPath {
  pathId: string;
  name: string;
  started: number;
  completed: number;
  medianSecondsToComplete: number | null;
  steps: { key: string; title: string; required: boolean; reached: number; completed: number; skipped: number }[];
}

export async function onboardingFunnel(db: Knex): Promise<FunnelPath[]> {
  const paths = (await db('onboarding_paths').orderBy('created_at')) as PathRow[];
  const progress = (await db('user_onboarding_progress')
    .whereNotNull('path_id')
    .select('path_id', 'current_step', 'completed_steps', 'skipped_steps', 'completed_at')) as ProgressSlice[];
  const medians = (
    await db.raw<{ rows: { path_id: string; median: number | null }[] }>(
      `select path_id, percentile_cont(0.5) within group (order by extract(epoch from completed_at - started_at))::float8 as median
       from user_onboarding_progress where completed_at is not null and path_id is not null group by path_id`,
    )
  ).rows;

  return paths.map((path) => {
    const steps = stepsOf(path);
    const mine = progress.filter((p) => p.path_id === path.id);
    // The furthest step index each user has reached.
    const furthest = mine.map((p) => {
      const resolved = new Set([...(p.completed_steps ?? []), ...(p.skipped_steps ?? [])]);
      const lastResolved = steps.reduce((max, s, i) => (resolved.has(s.key) ? i : max), -1);
      const current = steps.findIndex((s) => s.key === p.current_step);
      return Math.max(lastResolved, current, 0);
    });
    const median = medians.find((m) => m.path_id === path.id)?.median;
    return {
      pathId: path.id,
      name: path.name,
      started: mine.length,
      completed: mine.filter((p) => p.completed_at).length,
      medianSecondsToComplete: median === undefined || median === null ? null : Math.round(Number(median)),
      steps: steps.map((s, i) => ({
        key: s.key,
        title: s.title,
        required: s.required,
        reached: furthest.filter((f) => f >= i).length,
        completed: mine.filter((p) => p.completed_steps?.includes(s.key)).length,
        skipped: mine.filter((p) => p.skipped_steps?.includes(s.key)).length,
      })),
    };
  });
}
