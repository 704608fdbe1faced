/**
 * A user's walk through their onboarding path (the seed's `user_onboarding_progress`): start with
 * a role and use case, save a step's form data, complete a step (doing its real work), skip an
 * optional one, go back, and resume at `current_step` from any device. Steps are taken in order:
 * a step can be completed or skipped once every step before it is; a required step can never be
 * skipped. If the path's steps change after the user started, walk.ts keeps what still applies.
 *
 * Reading takes no lock; every action locks the user's progress row for its transaction, so two
 * actions at once (two tabs) run one after the other.
 */
import type { Knex } from 'knex';
import { OnboardingErrors, type OnboardingState, type StepAction } from '../../../contract/onboarding';
import type { OnboardingProgressRow } from '../../db/tables';
import { ApiError, CommonErrors } from '../../http/errors';
import { parseOrThrow } from '../../http/validate';
import type { Services } from '../../services';
import type { RequestContext } from '../sessions/request-context';
import { BUILT_IN_STEPS, CustomStepData } from './built-in-steps';
import { allPaths, insertProgress, progressOf, updateProgress } from './onboarding.queries';
import { bestPath, choicesOf, stepsOf, type PathRow, type Step } from './paths';
import { view, walk } from './walk';

/**
 * Runs `work` on the user's progress row in one service transaction (queries switch to the user
 * where they touch progress). `lock`: the row stays locked until the transaction ends.
 */
async function withProgress<T>(
  { db }: Services,
  userId: string,
  lock: boolean,
  work: (trx: Knex.Transaction, row: OnboardingProgressRow | undefined, paths: PathRow[]) => Promise<T>,
): Promise<T> {
  return db.knex.transaction(async (trx) => {
    const row = await progressOf(trx, userId, { lock });
    return work(trx, row, await allPaths(trx));
  });
}

const activeChoices = (paths: PathRow[]) => choicesOf(paths.filter((p) => p.is_active));

function pathOf(paths: PathRow[], row: OnboardingProgressRow): PathRow {
  const path = paths.find((p) => p.id === row.path_id);
  if (!path) throw ApiError.of(OnboardingErrors, 'no_onboarding_path');
  return path;
}

export async function getOnboarding(services: Services, userId: string): Promise<OnboardingState> {
  return withProgress(services, userId, false, async (_trx, row, paths) => {
    const choices = activeChoices(paths);
    return row ? view(pathOf(paths, row), row, choices) : { status: 'not_started', choices };
  });
}

/** Starts onboarding on the best path for the role and use case; starting again changes nothing. */
export async function startOnboarding(
  services: Services,
  userId: string,
  choice: { role?: string | undefined; useCase?: string | undefined },
): Promise<OnboardingState> {
  return withProgress(services, userId, true, async (trx, existing, paths) => {
    const choices = activeChoices(paths);
    if (existing) return view(pathOf(paths, existing), existing, choices);
    const path = bestPath(paths, choice.role ?? null, choice.useCase ?? null);
    if (!path) throw ApiError.of(OnboardingErrors, 'no_onboarding_path');
    const row = await insertProgress(trx, {
      userId,
      pathId: path.id,
      role: choice.role ?? null,
      useCase: choice.useCase ?? null,
      currentStep: stepsOf(path)[0]?.key ?? null,
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

/** Where the walk goes after resolving step `index`: the next open step, else the first open one, else the last. */
function nextStep(steps: Step[], index: number, resolved: Set<string>): string | null {
  const next = steps.findIndex((s, i) => i > index && !resolved.has(s.key));
  const firstOpen = steps.findIndex((s) => !resolved.has(s.key));
  if (next !== -1) return steps[next]!.key;
  if (firstOpen !== -1) return steps[firstOpen]!.key;
  return steps[steps.length - 1]?.key ?? null;
}

/** Saves, completes or skips a step. */
export async function actOnStep(
  services: Services,
  user: { id: string; email: string },
  key: string,
  action: StepAction,
  data: unknown,
  context: RequestContext,
): Promise<OnboardingState> {
  return withProgress(services, user.id, true, async (trx, row, paths) => {
    if (!row) throw ApiError.of(OnboardingErrors, 'onboarding_not_started');
    const path = pathOf(paths, row);
    const { steps, step, index } = findStep(path, key);
    const state = walk(steps, row);
    const stepData = { ...(row.step_data ?? {}) };
    const choices = activeChoices(paths);

    if (action === 'save') {
      stepData[key] = parseStepData(step, data);
      return view(path, await updateProgress(trx, user.id, { step_data: stepData, current_step: key }), choices);
    }
    if (state.firstOpen !== -1 && index > state.firstOpen) throw ApiError.of(OnboardingErrors, 'step_not_reached');
    if (action === 'skip' && step.required) throw ApiError.of(OnboardingErrors, 'step_required');

    let completed = state.completed;
    let skipped = state.skipped;
    if (action === 'complete') {
      const parsed = parseStepData(step, data ?? stepData[key]);
      const builtIn = BUILT_IN_STEPS[step.component ?? step.key];
      stepData[key] = builtIn?.run
        ? await builtIn.run({ services, trx, userId: user.id, email: user.email, stepData, context }, parsed)
        : parsed;
      completed = completed.includes(key) ? completed : [...completed, key];
      skipped = skipped.filter((k) => k !== key);
    } else {
      skipped = skipped.includes(key) ? skipped : [...skipped, key];
    }
    const resolved = new Set([...completed, ...skipped]);
    const done =
      steps.every((s) => resolved.has(s.key)) && steps.every((s) => !s.required || completed.includes(s.key));
    const finishing = done && !row.completed_at;
    const updated = await updateProgress(trx, user.id, {
      step_data: stepData,
      completed_steps: completed,
      skipped_steps: skipped,
      current_step: nextStep(steps, index, resolved),
      ...(finishing ? { completed_at: new Date() } : {}),
    });
    const stepEvent = action === 'complete' ? 'onboarding.step_completed' : 'onboarding.step_skipped';
    await services.events.publish(trx, { type: stepEvent, userId: user.id, pathId: path.id, step: key });
    if (finishing)
      await services.events.publish(trx, { type: 'onboarding.completed', userId: user.id, pathId: path.id });
    return view(path, updated, choices);
  });
}

/** Moves back one step (nothing is undone; the earlier step can be changed and completed again). */
export async function goBack(services: Services, userId: string): Promise<OnboardingState> {
  return withProgress(services, userId, true, async (trx, row, paths) => {
    if (!row) throw ApiError.of(OnboardingErrors, 'onboarding_not_started');
    const path = pathOf(paths, row);
    const steps = stepsOf(path);
    const { current } = walk(steps, row);
    const updated = await updateProgress(trx, userId, { current_step: steps[Math.max(0, current - 1)]?.key ?? null });
    return view(path, updated, activeChoices(paths));
  });
}
