/**
 * The SQL of onboarding — the only file of the module that touches Knex. Every function takes the
 * transaction to run on; progress is user-owned, so its functions run as the user (row-level
 * security) inside the caller's service transaction.
 */
import type { Knex } from 'knex';
import { asUserWithin } from '../../db/as-user';
import type { OnboardingProgressRow } from '../../db/tables';
import { NOTIFICATION_EVENTS } from './notification-defaults';
import type { PathRow } from './paths';

type Db = Knex | Knex.Transaction;

/** Every path, oldest first (a user keeps walking a path after it is deactivated). */
export async function allPaths(db: Db): Promise<PathRow[]> {
  return db('onboarding_paths').orderBy('created_at');
}

/**
 * The user's progress row. `lock` takes a row lock for the rest of the transaction, for the
 * actions that write it; a read takes none.
 */
export async function progressOf(
  trx: Knex.Transaction,
  userId: string,
  { lock }: { lock: boolean },
): Promise<OnboardingProgressRow | undefined> {
  return asUserWithin(trx, userId, (t) => {
    const query = t('user_onboarding_progress');
    if (lock) query.forUpdate();
    return query.first();
  });
}

export async function insertProgress(
  trx: Knex.Transaction,
  progress: { userId: string; pathId: string; role: string | null; useCase: string | null; currentStep: string | null },
): Promise<OnboardingProgressRow> {
  return asUserWithin(trx, progress.userId, async (t) => {
    const [inserted] = await t('user_onboarding_progress')
      .insert({
        user_id: progress.userId,
        path_id: progress.pathId,
        selected_role: progress.role,
        selected_use_case: progress.useCase,
        current_step: progress.currentStep,
      })
      .returning('*');
    return inserted!;
  });
}

export type ProgressChange = Partial<
  Pick<OnboardingProgressRow, 'step_data' | 'completed_steps' | 'skipped_steps' | 'current_step' | 'completed_at'>
>;

/** Writes `changes` to the user's progress (json columns as text) and marks the activity. */
export async function updateProgress(
  trx: Knex.Transaction,
  userId: string,
  changes: ProgressChange,
): Promise<OnboardingProgressRow> {
  return asUserWithin(trx, userId, async (t) => {
    const values = Object.fromEntries(
      Object.entries(changes).map(([k, v]) => [
        k,
        v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v,
      ]),
    );
    const [row] = await t('user_onboarding_progress')
      .update({ ...values, last_activity_at: t.fn.now() })
      .returning('*');
    return row!;
  });
}

export async function isMember(trx: Knex.Transaction, organizationId: string, userId: string): Promise<boolean> {
  return (
    (await trx('organization_members').where({ organization_id: organizationId, user_id: userId }).first('id')) !==
    undefined
  );
}

export type NotificationChoice = { email?: boolean; push?: boolean; inApp?: boolean };

/** Writes the user's notification preferences (every default event, with their choices) and quiet hours. */
export async function saveNotificationPreferences(
  trx: Knex.Transaction,
  userId: string,
  preferences: {
    notifications?: Partial<Record<string, NotificationChoice>> | undefined;
    frequency?: string | undefined;
    quietHours?: { enabled: boolean; start: string; end: string; timeZone: string; days: number[] } | undefined;
  },
): Promise<void> {
  await asUserWithin(trx, userId, async (t) => {
    for (const event of NOTIFICATION_EVENTS) {
      const choice = preferences.notifications?.[event.eventType] ?? {};
      const row = {
        user_id: userId,
        category: event.category,
        event_type: event.eventType,
        email_enabled: choice.email ?? event.email,
        push_enabled: choice.push ?? event.push,
        in_app_enabled: choice.inApp ?? event.inApp,
        frequency: preferences.frequency ?? event.frequency,
      };
      await t('notification_preferences').insert(row).onConflict(['user_id', 'event_type']).merge();
    }
    const q = preferences.quietHours;
    if (q) {
      await t('notification_quiet_hours')
        .insert({
          user_id: userId,
          enabled: q.enabled,
          start_time: q.start,
          end_time: q.end,
          timezone: q.timeZone,
          days_of_week: q.days,
        })
        .onConflict('user_id')
        .merge();
    }
  });
}
