/**
 * Where a user stands on their path, worked out from the stored progress and the path's CURRENT
 * steps (pure, no SQL): completed keys that still exist are kept, and the walk continues at the
 * stored step if it is still reachable, else at the first open one. Progress counts required steps.
 */
import type { OnboardingChoices, OnboardingState } from '../../../contract/onboarding';
import { iso } from '../../../contract/wire';
import type { OnboardingProgressRow } from '../../db/tables';
import type { PathRow, Step } from './paths';
import type { PolicyWalk } from './policy-steps';

/** The walk as it stands on the path's current steps. */
export function walk(steps: Step[], row: OnboardingProgressRow) {
  const keys = new Set(steps.map((s) => s.key));
  const completed = (row.completed_steps ?? []).filter((k) => keys.has(k));
  const skipped = (row.skipped_steps ?? []).filter((k) => keys.has(k) && !completed.includes(k));
  const resolved = new Set([...completed, ...skipped]);
  const firstOpen = steps.findIndex((s) => !resolved.has(s.key));
  const storedCurrent = steps.findIndex((s) => s.key === row.current_step);
  // The stored step if it still exists and is reachable; else the first open one (or the last).
  let current = firstOpen === -1 ? steps.length - 1 : firstOpen;
  if (storedCurrent !== -1 && (firstOpen === -1 || storedCurrent <= firstOpen)) current = storedCurrent;
  return { completed, skipped, resolved, firstOpen, current };
}

/** Percent done: of the required steps, or of all steps when none is required. */
function percentDone(steps: Step[], required: Step[], requiredDone: number, resolvedCount: number): number {
  if (required.length) return Math.round((requiredDone / required.length) * 100);
  return steps.length ? Math.round((resolvedCount / steps.length) * 100) : 100;
}

/** The walk as the API answers it: the path's steps with any its organizations' policy adds (policy-steps.ts). */
export function view(path: PathRow, { steps, row, reopened }: PolicyWalk, choices: OnboardingChoices): OnboardingState {
  const { completed, skipped, current } = walk(steps, row);
  const required = steps.filter((s) => s.required);
  const requiredDone = required.filter((s) => completed.includes(s.key)).length;
  return {
    status: row.completed_at && !reopened ? 'completed' : 'in_progress',
    choices,
    path: { id: path.id, name: path.name, description: path.description, steps },
    role: row.selected_role,
    useCase: row.selected_use_case,
    currentStep: steps[current]?.key ?? null,
    completedSteps: completed,
    skippedSteps: skipped,
    stepData: row.step_data ?? {},
    progress: {
      requiredDone,
      requiredTotal: required.length,
      percent: percentDone(steps, required, requiredDone, completed.length + skipped.length),
    },
    startedAt: iso(row.started_at),
    completedAt: iso(row.completed_at),
  };
}
