/**
 * The onboarding funnel for admins: per path, how many users started, reached, completed and
 * skipped each step, how many finished, and the median time from start to finish. "Reached" is
 * derived from progress alone: a user reached a step when they resolved (completed or skipped) it
 * or any later step, or stand on it now.
 */
import type { Knex } from 'knex';
import type { FunnelPath } from '../../../contract/admin';
import { stepsOf, type PathRow } from '../onboarding/paths';
import { allPaths, medianSecondsToComplete, progressOnPaths, type ProgressGroup } from './admin.queries';

export async function onboardingFunnel(db: Knex): Promise<FunnelPath[]> {
  return funnelOf(await allPaths(db), await progressOnPaths(db), await medianSecondsToComplete(db));
}

/**
 * The funnel of `paths` from users counted by state and the medians, wherever they were read
 * (the counters tests compare with a fresh count of the progress rows).
 */
export function funnelOf(
  paths: PathRow[],
  progress: ProgressGroup[],
  medians: { path_id: string; median: number | null }[],
): FunnelPath[] {
  return paths.map((path) => {
    const steps = stepsOf(path);
    const mine = progress.filter((p) => p.path_id === path.id);
    /** How many users are in the states that pass `test`. */
    const users = (test: (group: ProgressGroup) => boolean) =>
      mine.reduce((sum, group) => (test(group) ? sum + group.users : sum), 0);
    // The furthest step index each state has reached.
    const furthest = new Map(
      mine.map((p) => {
        const resolved = new Set([...(p.completed_steps ?? []), ...(p.skipped_steps ?? [])]);
        const lastResolved = steps.reduce((max, s, i) => (resolved.has(s.key) ? i : max), -1);
        const current = steps.findIndex((s) => s.key === p.current_step);
        return [p, Math.max(lastResolved, current, 0)];
      }),
    );
    const median = medians.find((m) => m.path_id === path.id)?.median;
    return {
      pathId: path.id,
      name: path.name,
      started: users(() => true),
      completed: users((p) => p.completed),
      medianSecondsToComplete: median === undefined || median === null ? null : Math.round(Number(median)),
      steps: steps.map((s, i) => ({
        key: s.key,
        title: s.title,
        required: s.required,
        reached: users((p) => furthest.get(p)! >= i),
        completed: users((p) => p.completed_steps?.includes(s.key) ?? false),
        skipped: users((p) => p.skipped_steps?.includes(s.key) ?? false),
      })),
    };
  });
}
