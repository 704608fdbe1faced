/**
 * The test databases never let a lock wait hang a run (server/testing/databases.ts): on
 * PostgreSQL each test database gives up on a lock after TEST_LOCK_TIMEOUT, so a test that waits
 * on a lock another connection holds fails with `lock_not_available` instead of blocking CI. The
 * embedded database has one connection, where no such wait can happen.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachDatabase, TEST_LOCK_TIMEOUT } from '../testing/databases';

describeOnEachDatabase('test databases', (getDb, kind) => {
  it(
    'give up on a lock another connection holds instead of waiting',
    { skip: kind === 'pglite' && 'one connection' },
    async () => {
      const { knex } = getDb();
      const setting = await knex.raw<{ rows: { lock_timeout: string }[] }>('show lock_timeout');
      assert.equal(setting.rows[0]!.lock_timeout, TEST_LOCK_TIMEOUT);

      // The mechanism, made quick: a second connection waits on a row the first has locked.
      await knex.raw('create table lock_probe (id int primary key)');
      await knex('lock_probe').insert({ id: 1 });
      const holder = await knex.transaction();
      try {
        await holder('lock_probe').where({ id: 1 }).forUpdate();
        const started = Date.now();
        await assert.rejects(
          knex.transaction(async (trx) => {
            await trx.raw("set local lock_timeout = '200ms'");
            await trx('lock_probe').where({ id: 1 }).forUpdate();
          }),
          (err: { code?: string }) => err.code === '55P03',
        );
        assert.ok(Date.now() - started < 5000);
      } finally {
        await holder.rollback();
        await knex.raw('drop table lock_probe');
      }
    },
  );
});
