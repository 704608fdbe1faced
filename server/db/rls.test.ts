/**
 * Row-level security binds: inside `asUser` a user reads, changes and deletes only their own rows
 * in every user-owned table (and their own auth.users row), cannot write rows for someone else,
 * cannot reach secret columns or organization-owned tables, and nothing of the user or the role
 * outlives the transaction. Rows are set up and checked afterwards through the service
 * connection, which is not bound by the policies.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Knex } from 'knex';
import { describeOnEachDatabase } from '../testing/databases';
import { APP_ROLE, asUser } from './as-user';
import { openDatabase } from './database';

const inADay = () => new Date(Date.now() + 24 * 3600 * 1000);

/** Each user-owned table: a valid row for a user, and a change any of its rows accepts. */
const USER_OWNED: Record<
  string,
  { row: (userId: string) => Record<string, unknown>; change: Record<string, unknown> }
> = {
  user_sessions: {
    row: (u) => ({ user_id: u, session_token_hash: randomUUID(), expires_at: inADay() }),
    change: { device_name: 'changed' },
  },
  login_history: {
    row: (u) => ({ user_id: u, event_type: 'login_success', success: true }),
    change: { failure_reason: 'changed' },
  },
  notification_preferences: {
    row: (u) => ({ user_id: u, category: 'security', event_type: 'new_device' }),
    change: { frequency: 'daily' },
  },
  notification_quiet_hours: { row: (u) => ({ user_id: u }), change: { timezone: 'Europe/Paris' } },
  data_export_requests: { row: (u) => ({ user_id: u }), change: { status: 'processing' } },
  account_deletion_requests: { row: (u) => ({ user_id: u, scheduled_for: inADay() }), change: { reason: 'changed' } },
  passkeys: {
    row: (u) => ({ user_id: u, credential_id: Buffer.from(randomUUID()), public_key: Buffer.from('key') }),
    change: { device_name: 'changed' },
  },
  oauth_accounts: {
    row: (u) => ({ user_id: u, provider: 'github', provider_user_id: randomUUID() }),
    change: { provider_name: 'changed' },
  },
  user_onboarding_progress: { row: (u) => ({ user_id: u }), change: { current_step: 'profile' } },
  setup_checklist_progress: { row: (u) => ({ user_id: u, item_key: 'create_event' }), change: { dismissed: true } },
  setup_checklist_state: { row: (u) => ({ user_id: u }), change: { dismissed_at: new Date() } },
};
const USER_OWNED_TABLES = Object.keys(USER_OWNED);

/** Tables that belong to an organization; their access checks live in the service layer. */
const ORGANIZATION_OWNED = ['connected_apps', 'api_tokens', 'webhooks', 'webhook_deliveries'];

async function createUser(knex: Knex): Promise<string> {
  const [user] = (await knex('auth.users')
    .insert({ email: `${randomUUID()}@example.test` })
    .returning('id')) as Array<{ id: string }>;
  return user!.id;
}

/** A user with one row in every user-owned table, made through the service connection. */
async function createOwner(knex: Knex): Promise<string> {
  const id = await createUser(knex);
  for (const [table, { row }] of Object.entries(USER_OWNED)) await knex(table).insert(row(id));
  return id;
}

/**
 * Deletes `table`'s rows (only `ownerId`'s when given) and returns how many went. Raw SQL because
 * knex-pglite reports a `.delete()` as command "DEL", so that knex hands back the driver's
 * response instead of the count there; a raw statement's rowCount is the same on both databases.
 */
async function deleteRows(knex: Knex, table: string, ownerId?: string): Promise<number> {
  const result = ownerId
    ? await knex.raw('delete from ?? where user_id = ?', [table, ownerId])
    : await knex.raw('delete from ??', [table]);
  return (result as { rowCount: number }).rowCount;
}

/** Everything `userId` owns, per table, as the service connection sees it. */
async function rowsOf(knex: Knex, userId: string): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = { 'auth.users': await knex('auth.users').where({ id: userId }) };
  for (const table of USER_OWNED_TABLES) rows[table] = await knex(table).where({ user_id: userId }).orderBy('id');
  return rows;
}

describeOnEachDatabase('row-level security', (getDb, kind) => {
  it('shows a user only their own rows', async () => {
    const { knex } = getDb();
    const a = await createOwner(knex);
    await createOwner(knex);
    await asUser(knex, a, async (trx) => {
      for (const table of USER_OWNED_TABLES) assert.deepEqual(await trx(table).pluck('user_id'), [a], table);
      assert.deepEqual(await trx('auth.users').pluck('id'), [a], 'auth.users');
    });
  });

  it('lets a user change and delete only their own rows', async () => {
    const { knex } = getDb();
    const [a, b] = [await createOwner(knex), await createOwner(knex)];
    const before = await rowsOf(knex, b);

    await asUser(knex, a, async (trx) => {
      for (const [table, { change }] of Object.entries(USER_OWNED)) {
        assert.equal(
          await trx(table).where({ user_id: b }).update(change),
          0,
          `${table}: update of another user's row`,
        );
        assert.equal(await deleteRows(trx, table, b), 0, `${table}: delete of another user's row`);
        // No WHERE at all: the policy alone must keep it to A's row.
        assert.equal(await trx(table).update(change), 1, `${table}: unfiltered update`);
      }
      assert.equal(await trx('auth.users').where({ id: b }).update({ display_name: 'changed' }), 0, 'auth.users');
    });
    for (const [table, { change }] of Object.entries(USER_OWNED)) {
      assert.deepEqual(
        await knex(table)
          .where({ user_id: a })
          .first(...Object.keys(change)),
        change,
        `${table}: A's row changed`,
      );
    }

    await asUser(knex, a, async (trx) => {
      for (const table of USER_OWNED_TABLES)
        assert.equal(await deleteRows(trx, table), 1, `${table}: unfiltered delete`);
    });
    for (const table of USER_OWNED_TABLES)
      assert.deepEqual(await knex(table).where({ user_id: a }), [], `${table}: A's row deleted`);
    assert.deepEqual(await rowsOf(knex, b), before, "another user's rows are untouched");
  });

  it('refuses rows written for another user', async () => {
    const { knex } = getDb();
    const [a, b] = [await createUser(knex), await createUser(knex)];
    // One transaction per attempt: an error aborts the transaction it happens in.
    for (const [table, { row }] of Object.entries(USER_OWNED)) {
      await assert.rejects(
        asUser(knex, a, (trx) => trx(table).insert(row(b))),
        /violates row-level security policy/,
        `${table}: insert`,
      );
      await knex(table).insert(row(a));
      await assert.rejects(
        asUser(knex, a, (trx) => trx(table).where({ user_id: a }).update({ user_id: b })),
        /violates row-level security policy/,
        `${table}: handing a row over`,
      );
    }
    assert.equal(Object.values(await rowsOf(knex, b)).flat().length, 1, 'B owns nothing but their user row');
  });

  it('keeps the password hash and the app role out of reach', async () => {
    const { knex } = getDb();
    const a = await createUser(knex);
    await assert.rejects(
      asUser(knex, a, (trx) => trx('auth.users').select('password_hash')),
      /permission denied/,
    );
    await assert.rejects(
      asUser(knex, a, (trx) => trx('auth.users').select('*')),
      /permission denied/,
    );
    await assert.rejects(
      asUser(knex, a, (trx) => trx('auth.users').update({ app_role: 'admin' })),
      /permission denied/,
    );
    // The profile itself stays the user's to read and edit.
    await asUser(knex, a, async (trx) => {
      assert.equal(await trx('auth.users').update({ display_name: 'Ada' }), 1);
      assert.deepEqual(await trx('auth.users').select('id', 'display_name', 'app_role'), [
        { id: a, display_name: 'Ada', app_role: 'user' },
      ]);
    });
  });

  it('shows the app role nothing while no user is set', async () => {
    const { knex } = getDb();
    await createOwner(knex);
    await knex.transaction(async (trx) => {
      await trx.raw(`select set_config('role', ?, true)`, [APP_ROLE]);
      for (const table of [...USER_OWNED_TABLES, 'auth.users'])
        assert.deepEqual(await trx(table).select('id'), [], table);
    });
  });

  it('carries neither the user nor the role over to the next transaction', async () => {
    const db = getDb();
    // A pool of one, so the next transaction surely gets the connection asUser used (PGlite
    // has only one anyway).
    const single = kind === 'postgres' ? await openDatabase({ url: db.url!, poolMax: 1 }) : undefined;
    const knex = single?.knex ?? db.knex;
    const identity = async (q: Knex) =>
      (
        (await q.raw('select auth.uid() as uid, current_user as current, session_user as session')) as {
          rows: Array<{ uid: string | null; current: string; session: string }>;
        }
      ).rows[0]!;
    try {
      const a = await createUser(knex);
      const inside = await asUser(knex, a, identity);
      assert.equal(inside.uid, a);
      assert.equal(inside.current, APP_ROLE);
      await assert.rejects(
        asUser(knex, a, async () => Promise.reject(new Error('work failed'))),
        /work failed/,
      );
      await knex.transaction(async (trx) => {
        const after = await identity(trx);
        assert.equal(after.uid, null);
        assert.equal(after.current, after.session);
      });
      const outside = await identity(knex);
      assert.equal(outside.uid, null);
      assert.equal(outside.current, outside.session);
    } finally {
      await single?.close();
    }
  });

  it('keeps the app role ordinary: no superuser, no BYPASSRLS, no login, no tables', async () => {
    const { knex } = getDb();
    const { rows } = (await knex.raw(
      `select r.rolsuper, r.rolbypassrls, r.rolcanlogin,
              (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
       from pg_roles r where r.rolname = ?`,
      [APP_ROLE],
    )) as { rows: unknown[] };
    assert.deepEqual(rows, [{ rolsuper: false, rolbypassrls: false, rolcanlogin: false, owned: 0 }]);
  });

  it('keeps the app role away from organization-owned tables', async () => {
    const { knex } = getDb();
    const a = await createUser(knex);
    const attempts: Record<string, (q: Knex.QueryBuilder) => Knex.QueryBuilder> = {
      select: (q) => q.select('id'),
      insert: (q) => q.insert({ id: randomUUID() }),
      update: (q) => q.update({ id: randomUUID() }),
      delete: (q) => q.delete(),
    };
    for (const table of ORGANIZATION_OWNED) {
      for (const [verb, attempt] of Object.entries(attempts)) {
        await assert.rejects(
          asUser(knex, a, async (trx) => attempt(trx(table))),
          /permission denied/,
          `${verb} on ${table}`,
        );
      }
    }
  });
});
