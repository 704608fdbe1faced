/**
 * Onboarding paths (the seed's `onboarding_paths`): which one a user walks, and a path's steps.
 * A user who picks a role and a use case gets the best match among the ACTIVE paths: both match,
 * then the role alone (the path targets every use case), then the use case alone, then the
 * default path. A path aimed at another role or use case never matches. Pure rules, no SQL.
 */
import { StepsSchema, type OnboardingChoices, type OnboardingStep } from '../../../contract/onboarding';
import type { OnboardingPathRow } from '../../db/tables';

export type Step = OnboardingStep;

/** A path as the rules read it (its row, less the bookkeeping they do not need). */
export type PathRow = Omit<OnboardingPathRow, 'updated_at'>;

/** How well a path fits; undefined when it does not fit at all. */
function fit(path: PathRow, role: string | null, useCase: string | null): number | undefined {
  const roleMatch = path.target_role !== null && path.target_role === role;
  const useCaseMatch = path.target_use_case !== null && path.target_use_case === useCase;
  if (roleMatch && useCaseMatch) return 3;
  if (roleMatch && path.target_use_case === null) return 2;
  if (useCaseMatch && path.target_role === null) return 1;
  if (path.is_default) return 0;
  return undefined;
}

/** The best active path for a role and use case; ties go to the oldest path. */
export function bestPath(paths: PathRow[], role: string | null, useCase: string | null): PathRow | undefined {
  let best: { path: PathRow; score: number } | undefined;
  for (const path of paths) {
    if (!path.is_active) continue;
    const score = fit(path, role, useCase);
    if (score === undefined) continue;
    if (!best || score > best.score || (score === best.score && path.created_at < best.path.created_at))
      best = { path, score };
  }
  return best?.path;
}

/** A stored path's steps, read defensively: rows written before validation existed still load. */
export function stepsOf(path: Pick<PathRow, 'steps'>): Step[] {
  const parsed = StepsSchema.safeParse(path.steps);
  return parsed.success ? parsed.data : [];
}

/** The roles and use cases active paths target: the choices offered before onboarding starts. */
export function choicesOf(paths: PathRow[]): OnboardingChoices {
  const uniq = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  return { roles: uniq(paths.map((p) => p.target_role)), useCases: uniq(paths.map((p) => p.target_use_case)) };
}
