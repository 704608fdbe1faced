/**
 * The push module's SQL: the user's `push_subscriptions` saved and removed as that user
 * (`asUser`, row-level security); the job's reads and bookkeeping on one subscription, and the
 * VAPID key pair (`auth.vapid_keys`), with the service connection.
 */
import type { Knex } from 'knex';
import { asUser, asUserWithin } from '../../db/as-user';
import type { PushSubscriptionRow, VapidKeyRow } from '../../db/tables';

type Db = Knex | Knex.Transaction;

/** A user keeps at most this many browsers subscribed; a newer one displaces the oldest. */
export const MAX_SUBSCRIPTIONS_PER_USER = 20;

export interface NewSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string | null;
}

/**
 * Saves the user's subscription; the same endpoint again updates its keys. An endpoint belongs to
 * one browser profile, so when another user had it (someone else signed in on that browser
 * before), it moves to this user: that row is deleted first, with the service connection, since
 * it is invisible as this user.
 */
export function saveSubscription(
  knex: Knex,
  userId: string,
  subscription: NewSubscription,
): Promise<Pick<PushSubscriptionRow, 'id' | 'created_at'>> {
  return knex.transaction(async (trx) => {
    await trx('push_subscriptions').where({ endpoint: subscription.endpoint }).whereNot({ user_id: userId }).delete();
    return asUserWithin(trx, userId, async (t) => {
      const [row] = await t('push_subscriptions')
        .insert({
          user_id: userId,
          endpoint: subscription.endpoint,
          p256dh: subscription.p256dh,
          auth: subscription.auth,
          user_agent: subscription.userAgent,
        })
        .onConflict('endpoint')
        .merge(['p256dh', 'auth', 'user_agent'])
        .returning(['id', 'created_at']);
      const kept = t('push_subscriptions')
        .select('id')
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(MAX_SUBSCRIPTIONS_PER_USER);
      await t('push_subscriptions').whereNotIn('id', kept).delete();
      return row!;
    });
  });
}

/** Deletes the user's subscription with this endpoint; false when the user has none such. */
export async function deleteOwnSubscription(knex: Knex, userId: string, endpoint: string): Promise<boolean> {
  const deleted = await asUser(knex, userId, (t) => t('push_subscriptions').where({ endpoint }).delete());
  return deleted > 0;
}

/** The user's subscriptions, newest first, as that user (RLS). */
export function listOwnSubscriptions(
  knex: Knex,
  userId: string,
): Promise<Pick<PushSubscriptionRow, 'id' | 'user_agent' | 'created_at' | 'last_success_at'>[]> {
  return asUser(knex, userId, (t) =>
    t('push_subscriptions')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .select('id', 'user_agent', 'created_at', 'last_success_at'),
  );
}

/** Deletes the user's subscription `id`, as that user (RLS); false when the user has none such. */
export async function deleteOwnSubscriptionById(knex: Knex, userId: string, id: string): Promise<boolean> {
  const deleted = await asUser(knex, userId, (t) => t('push_subscriptions').where({ id }).delete());
  return deleted > 0;
}

/** The ids of every subscription of the user. */
export async function subscriptionIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db('push_subscriptions').where({ user_id: userId }).orderBy('created_at').select('id');
  return rows.map((r) => r.id);
}

export function findSubscription(db: Db, id: string): Promise<PushSubscriptionRow | undefined> {
  return db('push_subscriptions').where({ id }).first();
}

/** A delivery was accepted: the failures since the last success start again from 0. */
export async function recordSuccess(db: Db, id: string, at: Date): Promise<void> {
  await db('push_subscriptions').where({ id }).update({ last_success_at: at, failure_count: 0 });
}

export async function recordFailure(db: Db, id: string): Promise<void> {
  await db('push_subscriptions').where({ id }).increment('failure_count', 1);
}

/** The push service said the subscription is gone (404/410). */
export async function deleteSubscription(db: Db, id: string): Promise<void> {
  await db('push_subscriptions').where({ id }).delete();
}

export function readVapidKey(db: Db): Promise<VapidKeyRow | undefined> {
  return db('auth.vapid_keys').where({ id: 1 }).first();
}

/** Stores the key pair unless one is there already (two processes generating at once: the first wins). */
export async function insertVapidKey(
  db: Db,
  key: Pick<VapidKeyRow, 'public_key' | 'private_key_encrypted'>,
): Promise<void> {
  await db('auth.vapid_keys')
    .insert({ id: 1, ...key })
    .onConflict('id')
    .ignore();
}
