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
import { bestPath, choicesOf, type PathRow, type Step } from './paths';
import { firstStepKey, mfaPolicyOf, policyWalk, type MfaPolicy } from './policy-steps';
import { view, walk } from './walk';

/** What every action works on: the progress row, the paths, and whether the MFA policy adds its step. */
interface Progress {
  trx: Knex.Transaction;
  row: OnboardingProgressRow | undefined;
  paths: PathRow[];
  /** What an organization's MFA policy adds to the walk (policy-steps.ts). */
  policy: MfaPolicy;
}

/**
 * Runs `work` on the user's progress row in one service transaction (queries switch to the user
 * where they touch progress). `lock`: the row stays locked until the transaction ends.
 */
async function withProgress<T>(
  { db }: Services,
  userId: string,
  lock: boolean,
  work: (progress: Progress) => Promise<T>,
): Promise<T> {
  return db.knex.transaction(async (trx) => {
    const row = await progressOf(trx, userId, { lock });
    return work({ trx, row, paths: await allPaths(trx), policy: await mfaPolicyOf(trx, userId) });
  });
}

const activeChoices = (paths: PathRow[]) => choicesOf(paths.filter((p) => p.is_active));

function pathOf(paths: PathRow[], row: OnboardingProgressRow): PathRow {
  const path = paths.find((p) => p.id === row.path_id);
  if (!path) throw ApiError.of(OnboardingErrors, 'no_onboarding_path');
  return path;
}

export async function getOnboarding(services: Services, userId: string): Promise<OnboardingState> {
  return withProgress(services, userId, false, async ({ row, paths, policy }) => {
    const choices = activeChoices(paths);
    if (!row) return { status: 'not_started', choices };
    const path = pathOf(paths, row);
    return view(path, policyWalk(path, row, policy), choices);
  });
}

/** Starts onboarding on the best path for the role and use case; starting again changes nothing. */
export async function startOnboarding(
  services: Services,
  userId: string,
  choice: { role?: string | undefined; useCase?: string | undefined },
): Promise<OnboardingState> {
  return withProgress(services, userId, true, async ({ trx, row: existing, paths, policy }) => {
    const choices = activeChoices(paths);
    if (existing) {
      const path = pathOf(paths, existing);
      return view(path, policyWalk(path, existing, policy), choices);
    }
    const path = bestPath(paths, choice.role ?? null, choice.useCase ?? null);
    if (!path) throw ApiError.of(OnboardingErrors, 'no_onboarding_path');
    const row = await insertProgress(trx, {
      userId,
      pathId: path.id,
      role: choice.role ?? null,
      useCase: choice.useCase ?? null,
      currentStep: firstStepKey(path, policy),
    });
    await services.events.publish(trx, { type: 'onboarding.started', userId, pathId: path.id });
    return view(path, policyWalk(path, row, policy), choices);
  });
}

/** Validates a step's data: the built-in step's schema, or any small object for the site's own steps. */
function parseStepData(step: Step, data: unknown): unknown {
  const builtIn = BUILT_IN_STEPS[step.component ?? step.key];
  return parseOrThrow(builtIn ? builtIn.schema : CustomStepData, data ?? {});
}

function findStep(steps: Step[], key: string): { step: Step; index: number } {
  const index = steps.findIndex((s) => s.key === key);
  if (index === -1) throw ApiError.of(CommonErrors, 'not_found');
  return { step: steps[index]!, index };
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
  return withProgress(services, user.id, true, async ({ trx, row: stored, paths, policy }) => {
    if (!stored) throw ApiError.of(OnboardingErrors, 'onboarding_not_started');
    const path = pathOf(paths, stored);
    const { steps, row } = policyWalk(path, stored, policy);
    const { step, index } = findStep(steps, key);
    const state = walk(steps, row);
    const answer = (updated: OnboardingProgressRow) => view(path, policyWalk(path, updated, policy), choices);
    const stepData = { ...(row.step_data ?? {}) };
    const choices = activeChoices(paths);

    if (action === 'save') {
      stepData[key] = parseStepData(step, data);
      return answer(await updateProgress(trx, user.id, { step_data: stepData, current_step: key }));
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
    return answer(updated);
  });
}

/** Moves back one step (nothing is undone; the earlier step can be changed and completed again). */
export async function goBack(services: Services, userId: string): Promise<OnboardingState> {
  return withProgress(services, userId, true, async ({ trx, row: stored, paths, policy }) => {
    if (!stored) throw ApiError.of(OnboardingErrors, 'onboarding_not_started');
    const path = pathOf(paths, stored);
    const { steps, row } = policyWalk(path, stored, policy);
    const { current } = walk(steps, row);
    const updated = await updateProgress(trx, userId, { current_step: steps[Math.max(0, current - 1)]?.key ?? null });
    return view(path, policyWalk(path, updated, policy), activeChoices(paths));
  });
}
