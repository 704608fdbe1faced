/**
 * A user's walk through their onboarding path (the seed's `user_onboarding_progress`): start with
 * a role and use case, save a step's form data, complete a step (doing its real work), skip an
 * optional one, go back, and resume at `current_step` from any device. Steps are taken in order:
 * a step can be completed or skipped once every step before it is; a required step can never be
 * skipped. Progress counts required steps. If the path's steps change after the user started,
 * completed keys that still exist are kept and the walk continues at the first open step.
 */
import type { Knex } from 'knex';
import { asUserWithin } from '../../db/as-user';
import { ApiError, CommonErrors } from '../../http/errors';
import { parseOrThrow } from '../../http/validate';
import type { Services } from '../../services';
import type { RequestContext } from '../sessions/request-context';
import { BUILT_IN_STEPS, CustomStepData } from './built-in-steps';
import { activePaths, bestPath, choicesOf, stepsOf, type PathRow, type Step } from './paths';

export const OnboardingErrors = {
  onboarding_not_started: { status: 409, message: 'Start onboarding first.' },
  step_required: { status: 409, message: 'This step is required and cannot be skipped.' },
  step_not_reached: { status: 409, message: 'Finish the steps before this one first.' },
  no_onboarding_path: { status: 404, message: 'No onboarding path is set up.' },
} as const;

interface ProgressRow {
  id: string;
  user_id: string;
  path_id: string | null;
  selected_role: string | null;
  selected_use_case: string | null;
  current_step: string | null;
  completed_steps: string[] | null;
  skipped_steps: string[] | null;
  step_data: Record<string, unknown> | null;
  started_at: Date;
  last_activity_at: Date;
  completed_at: Date | null;
}

export interface OnboardingView {
  status: 'not_started' | 'in_progress' | 'completed';
  choices: { roles: string[]; useCases: string[] };
  path?: { id: string; name: string; description: string | null; steps: Step[] };
  role?: string | null;
  useCase?: string | null;
  currentStep?: string | null;
  completedSteps?: string[];
  skippedSteps?: string[];
  stepData?: Record<string, unknown>;
  progress?: { requiredDone: number; requiredTotal: number; percent: number };
  startedAt?: Date;
  completedAt?: Date | null;
}

/** The walk as it stands on the path's current steps. */
function walk(steps: Step[], row: ProgressRow) {
  const keys = new Set(steps.map((s) => s.key));
  const completed = (row.completed_steps ?? []).filter((k) => keys.has(k));
  const skipped = (row.skipped_steps ?? []).filter((k) => keys.has(k) && !completed.includes(k));
  const resolved = new Set([...completed, ...skipped]);
  const firstOpen = steps.findIndex((s) => !resolved.has(s.key));
  const storedCurrent = steps.findIndex((s) => s.key === row.current_step);
  // The stored step if it still exists and is reachable; else the first open one (or the last).
  const current = storedCurrent !== -1 && (firstOpen === -1 || storedCurrent <= firstOpen) ? storedCurrent : firstOpen === -1 ? steps.length - 1 : firstOpen;
  return { completed, skipped, resolved, firstOpen, current };
}

function view(path: PathRow, row: ProgressRow, choices: OnboardingView['choices']): OnboardingView {
  const steps = stepsOf(path);
  const { completed, skipped, current } = walk(steps, row);
  const required = steps.filter((s) => s.required);
  const requiredDone = required.filter((s) => completed.includes(s.key)).length;
  return {
    status: row.completed_at ? 'completed' : 'in_progress',
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
      percent: required.length ? Math.round((requiredDone / required.length) * 100) : steps.length ? Math.round(((completed.length + skipped.length) / steps.length) * 100) : 100,
    },
    startedAt: row.started_at,
    completedAt: row.completed_at,
  };
}

/** Runs `work` on the user's progress row, locked, in one service transaction switched to the user where it writes. */
async function withProgress<T>(
  { db }: Services,
  userId: string,
  work: (trx: Knex.Transaction, row: ProgressRow | undefined, paths: PathRow[]) => Promise<T>,
): Promise<T> {
  return db.knex.transaction(async (trx) => {
    const row = await asUserWithin(trx, userId, (t) => t('user_onboarding_progress').forUpdate().first() as Promise<ProgressRow | undefined>);
    const paths = await trx('onboarding_paths').orderBy('created_at') as PathRow[];
    return work(trx, row, paths);
  });
}

function pathOf(paths: PathRow[], row: ProgressRow): PathRow {
  const path = paths.find((p) => p.id === row.path_id);
  if (!path) throw ApiError.of(OnboardingErrors, 'no_onboarding_path');
  return path;
}

export async function getOnboarding(services: Services, userId: string): Promise<OnboardingView> {
  return withProgress(services, userId, async (_trx, row, paths) => {
    const choices = choicesOf(paths.filter((p) => p.is_active));
    return row ? view(pathOf(paths, row), row, choices) : { status: 'not_started', choices };
  });
}

/** Starts onboarding on the best path for the role and use case; starting again changes nothing. */
export async function startOnboarding(services: Services, userId: string, choice: { role?: string | undefined; useCase?: string | undefined }): Promise<OnboardingView> {
  return withProgress(services, userId, async (trx, existing, paths) => {
    const choices = choicesOf(paths.filter((p) => p.is_active));
    if (existing) return view(pathOf(paths, existing), existing, choices);
    const path = bestPath(paths, choice.role ?? null, choice.useCase ?? null);
    if (!path) throw ApiError.of(OnboardingErrors, 'no_onboarding_path');
    const row = await asUserWithin(trx, userId, async (t) => {
      const [inserted] = await t('user_onboarding_progress')
        .insert({ user_id: userId, path_id: path.id, selected_role: choice.role ?? null, selected_use_case: choice.useCase ?? null, current_step: stepsOf(path)[0]?.key ?? null })
        .returning('*');
      return inserted as ProgressRow;
    });
    await services.events.publish(trx, { type: 'onboarding.started', userId, pathId: path.id });
    return view(path, row, choices);
  });
}

/** Validates a step's data: the built-in step's schema, or any small object for the site's own steps. */
function parseStepData(step: Step, data: unknown): unknown {
  const builtIn = BUILT_IN_STEPS[step.component ?? step.key];
  return parseOrThrow(builtIn ? builtIn.schema : CustomStepData, data ?? {});
}

function findStep(path: PathRow, key: string): { steps: Step[]; step: Step; index: number } {
  const steps = stepsOf(path);
  const index = steps.findIndex((s) => s.key === key);
  if (index === -1) throw ApiError.of(CommonErrors, 'not_found');
  return { steps, step: steps[index]!, index };
}

async function save(trx: Knex.Transaction, userId: string, changes: Partial<Record<keyof ProgressRow, unknown>>): Promise<ProgressRow> {
  return asUserWithin(trx, userId, async (t) => {
    const values = Object.fromEntries(
      Object.entries(changes).map(([k, v]) => [k, v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v]),
    );
    const [row] = await t('user_onboarding_progress').update({ ...values, last_activity_at: t.fn.now() }).returning('*');
    return row as ProgressRow;
  });
}

type StepAction = 'save' | 'complete' | 'skip';

/** Saves, completes or skips a step. */
export async function actOnStep(
  services: Services,
  user: { id: string; email: string },
  key: string,
  action: StepAction,
  data: unknown,
  context: RequestContext,
): Promise<OnboardingView> {
  return withProgress(services, user.id, async (trx, row, paths) => {
    if (!row) throw ApiError.of(OnboardingErrors, 'onboarding_not_started');
    const path = pathOf(paths, row);
    const { steps, step, index } = findStep(path, key);
    const state = walk(steps, row);
    const stepData = { ...(row.step_data ?? {}) };
    const choices = choicesOf(paths.filter((p) => p.is_active));

    if (action === 'save') {
      stepData[key] = parseStepData(step, data);
      return view(path, await save(trx, user.id, { step_data: stepData, current_step: key }), choices);
    }
    if (state.firstOpen !== -1 && index > state.firstOpen) throw ApiError.of(OnboardingErrors, 'step_not_reached');
    if (action === 'skip' && step.required) throw ApiError.of(OnboardingErrors, 'step_required');

    let completed = state.completed;
    let skipped = state.skipped;
    if (action === 'complete') {
      const parsed = parseStepData(step, data ?? stepData[key]);
      const builtIn = BUILT_IN_STEPS[step.component ?? step.key];
      stepData[key] = builtIn?.run ? await builtIn.run({ services, trx, userId: user.id, email: user.email, stepData, context }, parsed) : parsed;
      completed = completed.includes(key) ? completed : [...completed, key];
      skipped = skipped.filter((k) => k !== key);
    } else {
      skipped = skipped.includes(key) ? skipped : [...skipped, key];
    }
    const resolved = new Set([...completed, ...skipped]);
    const next = steps.findIndex((s, i) => i > index && !resolved.has(s.key));
    const firstOpen = steps.findIndex((s) => !resolved.has(s.key));
    const done = firstOpen === -1 && steps.every((s) => !s.required || completed.includes(s.key));
    const updated = await save(trx, user.id, {
      step_data: stepData,
      completed_steps: completed,
      skipped_steps: skipped,
      current_step: steps[next !== -1 ? next : firstOpen !== -1 ? firstOpen : steps.length - 1]?.key ?? null,
      ...(done && !row.completed_at ? { completed_at: new Date() } : {}),
    });
    await services.events.publish(trx, { type: action === 'complete' ? 'onboarding.step_completed' : 'onboarding.step_skipped', userId: user.id, pathId: path.id, step: key });
    if (done && !row.completed_at) await services.events.publish(trx, { type: 'onboarding.completed', userId: user.id, pathId: path.id });
    return view(path, updated, choices);
  });
}

/** Moves back one step (nothing is undone; the earlier step can be changed and completed again). */
export async function goBack(services: Services, userId: string): Promise<OnboardingView> {
  return withProgress(services, userId, async (trx, row, paths) => {
    if (!row) throw ApiError.of(OnboardingErrors, 'onboarding_not_started');
    const path = pathOf(paths, row);
    const steps = stepsOf(path);
    const { current } = walk(steps, row);
    const updated = await save(trx, userId, { current_step: steps[Math.max(0, current - 1)]?.key ?? null });
    return view(path, updated, choicesOf(paths.filter((p) => p.is_active)));
  });
}
