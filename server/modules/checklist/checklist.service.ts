/**
 * The setup checklist (the seed's `setup_checklist_items` and `setup_checklist_progress`): items
 * with each user's progress, completed by the user, by real events (an invitation sent, a
 * profile with photo and bio, an app connected) and by the site — from its backend or its pages.
 * Completing is idempotent; a single item can be dismissed, and so can the whole checklist
 * (remembered apart, so restoring it brings back exactly what was showing). Progress is
 * user-owned and written through row-level security.
 */
import type { Knex } from 'knex';
import { asUser, asUserWithin } from '../../db/as-user';
import { ApiError, CommonErrors } from '../../http/errors';
import type { DomainEvents } from '../../events/domain-events';
import type { Services } from '../../services';

export interface ChecklistItem {
  key: string;
  title: string;
  description: string | null;
  icon: string | null;
  actionUrl: string | null;
  completed: boolean;
  completedAt: Date | null;
  dismissed: boolean;
}

export interface Checklist {
  items: ChecklistItem[];
  /** The whole checklist was dismissed (and can be restored). */
  dismissed: boolean;
  completedCount: number;
  total: number;
}

/** The user's checklist: active items in order, with their progress. */
export async function getChecklist({ db }: Services, userId: string): Promise<Checklist> {
  return asUser(db.knex, userId, async (trx) => {
    const rows = await trx('setup_checklist_items as i')
      .leftJoin('setup_checklist_progress as p', function () {
        this.on('p.item_key', '=', 'i.key').andOn('p.user_id', '=', trx.raw('auth.uid()'));
      })
      .where('i.is_active', true)
      .orderBy([{ column: 'i.sort_order' }, { column: 'i.key' }])
      .select('i.key', 'i.title', 'i.description', 'i.icon', 'i.action_url', 'p.completed', 'p.completed_at', 'p.dismissed');
    const state = await trx('setup_checklist_state').first('dismissed_at');
    const items = rows.map((r) => ({
      key: r.key as string,
      title: r.title as string,
      description: r.description as string | null,
      icon: r.icon as string | null,
      actionUrl: r.action_url as string | null,
      completed: Boolean(r.completed),
      completedAt: (r.completed_at as Date | null) ?? null,
      dismissed: Boolean(r.dismissed),
    }));
    return { items, dismissed: Boolean(state?.dismissed_at), completedCount: items.filter((i) => i.completed).length, total: items.length };
  });
}

async function isActiveItem(trx: Knex.Transaction, key: string): Promise<boolean> {
  return (await trx('setup_checklist_items').where({ key, is_active: true }).first('key')) !== undefined;
}

async function assertActiveItem(trx: Knex.Transaction, key: string): Promise<void> {
  if (!(await isActiveItem(trx, key))) throw ApiError.of(CommonErrors, 'not_found');
}

/**
 * Marks an item done for the user, inside `trx` (already switched to the user, or a service
 * transaction: it switches itself). Idempotent: completing a completed item changes nothing and
 * publishes nothing. Returns whether it changed.
 */
export async function completeItemWithin(
  trx: Knex.Transaction,
  events: DomainEvents,
  userId: string,
  key: string,
  source: 'user' | 'event' | 'site',
): Promise<boolean> {
  const changed = await asUserWithin(trx, userId, async (t) => {
    if (!(await isActiveItem(t, key))) {
      // An event naming an item the site has removed must not fail what caused it.
      if (source === 'event') return false;
      throw ApiError.of(CommonErrors, 'not_found');
    }
    const rows = await t.raw<{ rows: unknown[] }>(
      `insert into setup_checklist_progress (user_id, item_key, completed, completed_at)
       values (?, ?, true, now())
       on conflict (user_id, item_key) do update set completed = true, completed_at = now()
       where setup_checklist_progress.completed is not true
       returning id`,
      [userId, key],
    );
    return rows.rows.length > 0;
  });
  if (changed) await events.publish(trx, { type: 'checklist.item_completed', userId, item: key, source });
  return changed;
}

export async function completeItem(services: Services, userId: string, key: string, source: 'user' | 'site'): Promise<void> {
  await services.db.knex.transaction((trx) => completeItemWithin(trx, services.events, userId, key, source));
}

/** Sets one column of the user's progress on an item (un-complete, dismiss, restore). */
export async function setItemFlag(
  { db }: Services,
  userId: string,
  key: string,
  change: { completed: false } | { dismissed: boolean },
): Promise<void> {
  await asUser(db.knex, userId, async (trx) => {
    await assertActiveItem(trx, key);
    const values = 'completed' in change ? { completed: false, completed_at: null } : { dismissed: change.dismissed };
    await trx('setup_checklist_progress')
      .insert({ user_id: userId, item_key: key, ...values })
      .onConflict(['user_id', 'item_key'])
      .merge(values);
  });
}

/** Dismisses (or restores) the whole checklist. */
export async function setChecklistDismissed({ db }: Services, userId: string, dismissed: boolean): Promise<void> {
  await asUser(db.knex, userId, (trx) =>
    trx('setup_checklist_state')
      .insert({ user_id: userId, dismissed_at: dismissed ? trx.fn.now() : null })
      .onConflict('user_id')
      .merge(),
  );
}

/**
 * Ticks items from real events: `invite_team` when an invitation is sent, `customize_profile`
 * when the profile has a photo and a bio, `connect_integration` when an app is connected.
 */
export function subscribeChecklistToEvents(events: DomainEvents): void {
  events.subscribe('organization.invitation_sent', (trx, e) => completeItemWithin(trx, events, e.userId, 'invite_team', 'event').then(() => {}));
  events.subscribe('connected_app.connected', (trx, e) => completeItemWithin(trx, events, e.userId, 'connect_integration', 'event').then(() => {}));
  events.subscribe('user.profile_updated', async (trx, e) => {
    if (e.profile.avatarUrl && e.profile.bio) await completeItemWithin(trx, events, e.userId, 'customize_profile', 'event');
  });
}
