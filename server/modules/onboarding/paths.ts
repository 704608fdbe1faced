/**
 * Onboarding paths (the seed's `onboarding_paths`): which one a user walks, and the shape of a
 * path's steps. A user who picks a role and a use case gets the best match among the ACTIVE paths:
 * both match, then the role alone (the path targets every use case), then the use case alone,
 * then the default path. A path aimed at another role or use case never matches.
 */
import type { Knex } from 'knex';
import { z } from 'zod';
import { nameField } from '../../http/validate';

/** Step keys: lowercase, digits, `-` and `_`, as used in slots (`slot="step-tour"`). */
export const StepKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'invalid_step_key');

export const StepSchema = z
  .object({
    key: StepKey,
    title: nameField(100),
    description: z.string().trim().max(500).optional(),
    required: z.boolean().default(false),
    /** Which built-in form renders the step; default: the one named like the key, else the host's slot. */
    component: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
  })
  .strict();

/** A path's steps: at least one, unique keys. */
export const StepsSchema = z
  .array(StepSchema)
  .min(1)
  .max(30)
  .refine((steps) => new Set(steps.map((s) => s.key)).size === steps.length, 'duplicate_step_key');

export type Step = z.infer<typeof StepSchema>;

export interface PathRow {
  id: string;
  name: string;
  description: string | null;
  target_role: string | null;
  target_use_case: string | null;
  steps: unknown;
  is_default: boolean | null;
  is_active: boolean | null;
  created_at: Date;
}

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
    if (!best || score > best.score || (score === best.score && path.created_at < best.path.created_at)) best = { path, score };
  }
  return best?.path;
}

/** A stored path's steps, read defensively: rows written before validation existed still load. */
export function stepsOf(path: Pick<PathRow, 'steps'>): Step[] {
  const parsed = StepsSchema.safeParse(path.steps);
  return parsed.success ? parsed.data : [];
}

export async function activePaths(db: Knex | Knex.Transaction): Promise<PathRow[]> {
  return db('onboarding_paths').where({ is_active: true }).orderBy('created_at') as Promise<PathRow[]>;
}

/** The roles and use cases active paths target: the choices offered before onboarding starts. */
export function choicesOf(paths: PathRow[]): { roles: string[]; useCases: string[] } {
  const uniq = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  return { roles: uniq(paths.map((p) => p.target_role)), useCases: uniq(paths.map((p) => p.target_use_case)) };
}
