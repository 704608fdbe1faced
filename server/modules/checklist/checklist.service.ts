/**
 * The setup checklist (the seed's `setup_checklist_items` and `setup_checklist_progress`): items
 * with each user's progress, completed by the user, by real events (an invitation sent, a
 * profile with photo and bio, an app connected) and by the site — from its backend or its pages.
 * Completing is idempotent; a single item can be dismissed, and so can the whole checklist
 * (remembered apart, so restoring it brings back exactly what was showing). Progress is
 * user-owned and written through row-level security.
 */
import type { Knex } from 'knex';
import type { Checklist, ChecklistItemAction } from '../../../contract/checklist';
import { iso } from '../../../contract/wire';
import { asUser, asUserWithin } from '../../db/as-user';
import type { DomainEvents } from '../../events/domain-events';
import { ApiError, CommonErrors } from '../../http/errors';
import type { Services } from '../../services';
import { memberRole } from '../organizations/organizations.queries';
import { findUserByEmail, findUserById } from '../users/users.queries';
import * as queries from './checklist.queries';

/** The user's checklist: active items in order, with their progress. */
export async function getChecklist({ db }: Services, userId: string): Promise<Checklist> {
  return asUser(db.knex, userId, async (trx) => {
    const rows = await queries.itemsWithProgress(trx);
    const items = rows.map((r) => ({
      key: r.key,
      title: r.title,
      description: r.description,
      icon: r.icon,
      actionUrl: r.action_url,
      completed: Boolean(r.completed),
      completedAt: iso(r.completed_at ?? null),
      dismissed: Boolean(r.dismissed),
    }));
    const dismissed = await queries.isChecklistDismissed(trx);
    return { items, dismissed, completedCount: items.filter((i) => i.completed).length, total: items.length };
  });
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
    if (!(await queries.isActiveItem(t, key))) {
      // An event naming an item the site has removed must not fail what caused it.
      if (source === 'event') return false;
      throw ApiError.of(CommonErrors, 'not_found');
    }
    return queries.markCompleted(t, userId, key);
  });
  if (changed) await events.publish(trx, { type: 'checklist.item_completed', userId, item: key, source });
  return changed;
}

async function completeItem(services: Services, userId: string, key: string, source: 'user' | 'site'): Promise<void> {
  await services.db.knex.transaction((trx) => completeItemWithin(trx, services.events, userId, key, source));
}

const ITEM_FLAGS: Record<Exclude<ChecklistItemAction, 'complete'>, queries.ItemFlag> = {
  uncomplete: { completed: false },
  dismiss: { dismissed: true },
  restore: { dismissed: false },
};

/** One item's button (complete, un-complete, dismiss, restore); answers the checklist as it now is. */
export async function actOnItem(
  services: Services,
  userId: string,
  key: string,
  action: ChecklistItemAction,
): Promise<Checklist> {
  if (action === 'complete') await completeItem(services, userId, key, 'user');
  else {
    await asUser(services.db.knex, userId, async (trx) => {
      if (!(await queries.isActiveItem(trx, key))) throw ApiError.of(CommonErrors, 'not_found');
      await queries.setItemFlag(trx, userId, key, ITEM_FLAGS[action]);
    });
  }
  return getChecklist(services, userId);
}

/** Dismisses (or restores) the whole checklist; answers it as it now is. */
export async function setChecklistDismissed(
  services: Services,
  userId: string,
  dismissed: boolean,
): Promise<Checklist> {
  await asUser(services.db.knex, userId, (trx) => queries.setChecklistDismissed(trx, userId, dismissed));
  return getChecklist(services, userId);
}

/**
 * The site's backend says a user (by id or by address) did an item's task. With `organizationId`
 * (an API token's organization) only that organization's members can be named: anyone else is
 * 404, exactly as an unknown user, so a token cannot probe who has an account.
 */
export async function completeItemForSite(
  services: Services,
  who: { userId?: string | undefined; email?: string | undefined },
  key: string,
  organizationId?: string,
): Promise<void> {
  const { knex } = services.db;
  const user = who.userId ? await findUserById(knex, who.userId) : await findUserByEmail(knex, who.email!);
  if (!user || (organizationId && !(await memberRole(knex, organizationId, user.id))))
    throw ApiError.of(CommonErrors, 'not_found');
  await completeItem(services, user.id, key, 'site');
}

/**
 * Ticks items from real events: `invite_team` when an invitation is sent, `customize_profile`
 * when the profile has a photo and a bio, `connect_integration` when an app is connected.
 */
export function subscribeChecklistToEvents(events: DomainEvents): void {
  events.subscribe('organization.invitation_sent', async (trx, e) => {
    await completeItemWithin(trx, events, e.userId, 'invite_team', 'event');
  });
  events.subscribe('connected_app.connected', async (trx, e) => {
    await completeItemWithin(trx, events, e.userId, 'connect_integration', 'event');
  });
  events.subscribe('user.profile_updated', async (trx, e) => {
    if (e.profile.avatarUrl && e.profile.bio)
      await completeItemWithin(trx, events, e.userId, 'customize_profile', 'event');
  });
}
