/**
 * The seed's functions at work (section 5): update_updated_at() stamps `updated_at` on every
 * update of the tables that carry a trigger, and cleanup_expired_sessions() deletes exactly the
 * sessions, magic links and rate-limit buckets past the seed's grace periods, and nothing else.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Knex } from 'knex';
import { describeOnEachDatabase } from '../testing/databases';

/** Long before any test runs: a row stamped with it has visibly not been touched since. */
const LONG_AGO = new Date('2000-01-01T00:00:00Z');

/** The tables with an updated_at trigger: a valid row (given an existing user) and a change. */
const STAMPED: Record<string, { row: (userId: string) => Record<string, unknown>; change: Record<string, unknown> }> = {
  notification_preferences: {
    row: (u) => ({ user_id: u, category: 'security', event_type: 'new_device' }),
    change: { frequency: 'daily' },
  },
  oauth_accounts: {
    row: (u) => ({ user_id: u, provider: 'github', provider_user_id: randomUUID() }),
    change: { provider_name: 'changed' },
  },
  onboarding_paths: {
    row: () => ({ name: 'Trigger test', steps: JSON.stringify([]) }),
    change: { description: 'changed' },
  },
  'auth.users': { row: () => ({ email: `${randomUUID()}@example.test` }), change: { display_name: 'changed' } },
  organizations: { row: () => ({ name: 'Trigger test', slug: `org-${randomUUID()}` }), change: { name: 'changed' } },
};

async function insertId(knex: Knex, table: string, row: Record<string, unknown>): Promise<string> {
  const [inserted] = (await knex(table).insert(row).returning('id')) as Array<{ id: string }>;
  return inserted!.id;
}

/** `now()` shifted by an interval, as a value to insert: at(knex, '-7 days -1 minute'). */
const at = (knex: Knex, offset: string) => knex.raw('now() + ?::interval', [offset]);

describeOnEachDatabase('database functions', (getDb) => {
  it('update_updated_at() stamps updated_at on every update', async () => {
    const { knex } = getDb();
    const userId = await insertId(knex, 'auth.users', { email: `${randomUUID()}@example.test` });
    for (const [table, { row, change }] of Object.entries(STAMPED)) {
      // Inserted already old (an INSERT fires no update trigger), so any stamp is visible.
      const id = await insertId(knex, table, { ...row(userId), updated_at: LONG_AGO });
      const stamped = await knex.transaction(async (trx) => {
        await trx(table).where({ id }).update(change);
        // now() is the transaction's start, which is what the trigger wrote.
        const { rows } = (await trx.raw('select updated_at = now() as stamped from ?? where id = ?', [table, id])) as {
          rows: Array<{ stamped: boolean }>;
        };
        return rows[0]?.stamped;
      });
      assert.equal(stamped, true, `${table}: updated_at was not moved to the time of the update`);
    }
  });

  it('cleanup_expired_sessions() deletes only what is past its grace period', async () => {
    const { knex } = getDb();
    const userId = await insertId(knex, 'auth.users', { email: `${randomUUID()}@example.test` });
    const session = (label: string, expiresAt: Knex.Raw) => ({
      user_id: userId,
      session_token_hash: label,
      expires_at: expiresAt,
    });
    await knex('user_sessions').insert([
      session('expired 8 days ago', at(knex, '-8 days')),
      session('expired 7 days 1 minute ago', at(knex, '-7 days -1 minute')),
      session('expired 6 days ago', at(knex, '-6 days')),
      session('live', at(knex, '1 day')),
    ]);
    const link = (label: string, expiresAt: Knex.Raw) => ({
      email: 'someone@example.test',
      token_hash: label,
      expires_at: expiresAt,
    });
    await knex('magic_links').insert([
      link('expired 2 days ago', at(knex, '-2 days')),
      link('expired 1 day 1 minute ago', at(knex, '-1 day -1 minute')),
      link('expired 23 hours ago', at(knex, '-23 hours')),
      link('live', at(knex, '15 minutes')),
    ]);
    const bucket = (label: string, lastRefill: Knex.Raw) => ({
      identifier: label,
      action: 'sign_in',
      last_refill: lastRefill,
    });
    await knex('rate_limit_buckets').insert([
      bucket('refilled 2 hours ago', at(knex, '-2 hours')),
      bucket('refilled 61 minutes ago', at(knex, '-61 minutes')),
      bucket('refilled 59 minutes ago', at(knex, '-59 minutes')),
      { identifier: 'refilled now', action: 'sign_in' }, // last_refill defaults to now()
    ]);

    await knex.raw('select cleanup_expired_sessions()');

    const left = (table: string, column: string) => knex(table).orderBy(column).pluck(column);
    assert.deepEqual(await left('user_sessions', 'session_token_hash'), ['expired 6 days ago', 'live']);
    assert.deepEqual(await left('magic_links', 'token_hash'), ['expired 23 hours ago', 'live']);
    assert.deepEqual(await left('rate_limit_buckets', 'identifier'), ['refilled 59 minutes ago', 'refilled now']);
  });
});
