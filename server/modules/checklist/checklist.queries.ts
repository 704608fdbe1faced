/**
 * The SQL of the setup checklist — the only file of the module that touches Knex. Progress and
 * the checklist's own state are user-owned: these run inside a transaction already switched to
 * the user (server/db/as-user.ts), which the service opens.
 */
import type { Knex } from 'knex';
import type { ChecklistItemRow, ChecklistProgressRow } from '../../db/tables';

export type ChecklistRow = Pick<ChecklistItemRow, 'key' | 'title' | 'description' | 'icon' | 'action_url'> & {
  completed: ChecklistProgressRow['completed'];
  completed_at: ChecklistProgressRow['completed_at'];
  dismissed: ChecklistProgressRow['dismissed'];
};

/** The active items in order, each with the current user's progress (null columns: none yet). */
export async function itemsWithProgress(trx: Knex.Transaction): Promise<ChecklistRow[]> {
  return trx('setup_checklist_items as i')
    .leftJoin('setup_checklist_progress as p', function () {
      this.on('p.item_key', '=', 'i.key').andOn('p.user_id', '=', trx.raw('auth.uid()'));
    })
    .where('i.is_active', true)
    .orderBy([{ column: 'i.sort_order' }, { column: 'i.key' }])
    .select(
      'i.key',
      'i.title',
      'i.description',
      'i.icon',
      'i.action_url',
      'p.completed',
      'p.completed_at',
      'p.dismissed',
    );
}

/** Whether the current user dismissed the whole checklist. */
export async function isChecklistDismissed(trx: Knex.Transaction): Promise<boolean> {
  const state = await trx('setup_checklist_state').first('dismissed_at');
  return Boolean(state?.dismissed_at);
}

export async function isActiveItem(trx: Knex.Transaction, key: string): Promise<boolean> {
  return (await trx('setup_checklist_items').where({ key, is_active: true }).first('key')) !== undefined;
}

/** Marks the item done for the user unless it already is; true when it changed. */
export async function markCompleted(trx: Knex.Transaction, userId: string, key: string): Promise<boolean> {
  const rows = await trx.raw<{ rows: unknown[] }>(
    `insert into setup_checklist_progress (user_id, item_key, completed, completed_at)
     values (?, ?, true, now())
     on conflict (user_id, item_key) do update set completed = true, completed_at = now()
     where setup_checklist_progress.completed is not true
     returning id`,
    [userId, key],
  );
  return rows.rows.length > 0;
}

export type ItemFlag = { completed: false } | { dismissed: boolean };

/** Sets one column of the user's progress on an item (un-complete, dismiss, restore). */
export async function setItemFlag(trx: Knex.Transaction, userId: string, key: string, change: ItemFlag): Promise<void> {
  const values = 'completed' in change ? { completed: false, completed_at: null } : { dismissed: change.dismissed };
  await trx('setup_checklist_progress')
    .insert({ user_id: userId, item_key: key, ...values })
    .onConflict(['user_id', 'item_key'])
    .merge(values);
}

export async function setChecklistDismissed(trx: Knex.Transaction, userId: string, dismissed: boolean): Promise<void> {
  await trx('setup_checklist_state')
    .insert({ user_id: userId, dismissed_at: dismissed ? trx.fn.now() : null })
    .onConflict('user_id')
    .merge();
}
