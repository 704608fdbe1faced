/**
 * Connecting an app completes the onboarding's `integrations` step (a built-in step, matched by
 * its component or its key) for the admin who connected it, inside the connection's transaction,
 * as the checklist's `connect_integration` item is ticked by the same event (checklist.service.ts).
 * The step's data lists the apps connected (`{ connected: [...] }`, the step's own schema). The
 * step is completed even when the user has not reached it yet: the walk (onboarding/walk.ts)
 * counts completed steps wherever they are, so the user passes over it later. If it was the last
 * open step, the onboarding completes, with its events, as completing it by hand would.
 */
import type { DomainEvents } from '../../events/domain-events';
import { allPaths, progressOf, updateProgress } from '../onboarding/onboarding.queries';
import { stepsOf } from '../onboarding/paths';
import { walk } from '../onboarding/walk';

const COMPONENT = 'integrations';

export function subscribeOnboardingToConnectedApps(events: DomainEvents): void {
  events.subscribe('connected_app.connected', async (trx, e) => {
    const row = await progressOf(trx, e.userId, { lock: true });
    if (!row || row.completed_at) return;
    const path = (await allPaths(trx)).find((p) => p.id === row.path_id);
    if (!path) return;
    const steps = stepsOf(path);
    const index = steps.findIndex((s) => (s.component ?? s.key) === COMPONENT);
    const step = steps[index];
    if (!step) return;
    const { completed, skipped } = walk(steps, row);
    const previous = (row.step_data?.[step.key] ?? {}) as { connected?: string[] };
    const connected = [...new Set([...(previous.connected ?? []), e.provider])].slice(-50);
    const newlyCompleted = !completed.includes(step.key);
    const nowCompleted = newlyCompleted ? [...completed, step.key] : completed;
    const nowSkipped = skipped.filter((k) => k !== step.key);
    const resolved = new Set([...nowCompleted, ...nowSkipped]);
    const finishing =
      steps.every((s) => resolved.has(s.key)) && steps.every((s) => !s.required || nowCompleted.includes(s.key));
    // A user standing on the step moves on to the next open one, as completing it by hand does.
    const nextOpen = steps.find((s, i) => i > index && !resolved.has(s.key)) ?? steps.find((s) => !resolved.has(s.key));
    await updateProgress(trx, e.userId, {
      step_data: { ...(row.step_data ?? {}), [step.key]: { connected } },
      completed_steps: nowCompleted,
      skipped_steps: nowSkipped,
      ...(row.current_step === step.key ? { current_step: nextOpen?.key ?? steps[steps.length - 1]!.key } : {}),
      ...(finishing ? { completed_at: new Date() } : {}),
    });
    if (newlyCompleted) {
      await events.publish(trx, {
        type: 'onboarding.step_completed',
        userId: e.userId,
        pathId: path.id,
        step: step.key,
      });
    }
    if (finishing) await events.publish(trx, { type: 'onboarding.completed', userId: e.userId, pathId: path.id });
  });
}
