/** The token bucket on each database: exact admission under parallel load, refill, and Retry-After. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachDatabase } from '../../testing/databases';
import { enforceLimits } from './rate-limit';
import { consumeToken } from './rate-limit.queries';
import { ApiError } from '../../http/errors';

describeOnEachDatabase('rate limits', (getDb) => {
  it('admits exactly C of 200 parallel requests on a bucket of capacity C (A3)', async () => {
    const { knex } = getDb();
    const capacity = 17;
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        consumeToken(knex, 'test:parallel', 'ip:198.51.100.7', { capacity, refillSeconds: 3600 }),
      ),
    );
    assert.equal(results.filter((r) => r.allowed).length, capacity);
    const refused = results.find((r) => !r.allowed)!;
    assert.ok(refused.retryAfterSeconds > 3500 && refused.retryAfterSeconds <= 3600, String(refused.retryAfterSeconds));
  });

  it('counts buckets separately per identifier and action', async () => {
    const { knex } = getDb();
    const policy = { capacity: 1, refillSeconds: 3600 };
    assert.equal((await consumeToken(knex, 'test:separate', 'a', policy)).allowed, true);
    assert.equal((await consumeToken(knex, 'test:separate', 'a', policy)).allowed, false);
    assert.equal((await consumeToken(knex, 'test:separate', 'b', policy)).allowed, true);
    assert.equal((await consumeToken(knex, 'test:other', 'a', policy)).allowed, true);
  });

  it('refills one token per interval, keeping fractions of an interval', async () => {
    const { knex } = getDb();
    const policy = { capacity: 3, refillSeconds: 10 };
    for (let i = 0; i < 3; i++) assert.equal((await consumeToken(knex, 'test:refill', 'x', policy)).allowed, true);
    assert.equal((await consumeToken(knex, 'test:refill', 'x', policy)).allowed, false);
    // 25 s ago: two whole tokens are back, and the half interval left over still counts.
    await knex('rate_limit_buckets')
      .where({ identifier: 'x', action: 'test:refill' })
      .update({ last_refill: knex.raw(`now() - interval '25 seconds'`) });
    const first = await consumeToken(knex, 'test:refill', 'x', policy);
    assert.deepEqual([first.allowed, first.remaining], [true, 1]);
    assert.equal((await consumeToken(knex, 'test:refill', 'x', policy)).allowed, true);
    const refused = await consumeToken(knex, 'test:refill', 'x', policy);
    assert.equal(refused.allowed, false);
    assert.ok(refused.retryAfterSeconds >= 4 && refused.retryAfterSeconds <= 5, String(refused.retryAfterSeconds));
  });

  it('never fills a bucket beyond its capacity', async () => {
    const { knex } = getDb();
    const policy = { capacity: 2, refillSeconds: 1 };
    await consumeToken(knex, 'test:cap', 'y', policy);
    await knex('rate_limit_buckets')
      .where({ identifier: 'y' })
      .update({ last_refill: knex.raw(`now() - interval '1 day'`) });
    assert.equal((await consumeToken(knex, 'test:cap', 'y', policy)).remaining, 1);
  });

  it('enforceLimits stops at the first empty bucket and answers 429 with Retry-After', async () => {
    const { knex } = getDb();
    const ip = { action: 'test:ip', identifier: 'ip:203.0.113.1', policy: { capacity: 1, refillSeconds: 60 } };
    const account = {
      action: 'test:account',
      identifier: 'alice@example.com',
      policy: { capacity: 5, refillSeconds: 60 },
    };
    await enforceLimits(knex, [ip, account]);
    await assert.rejects(enforceLimits(knex, [ip, account]), (err: unknown) => {
      assert.ok(err instanceof ApiError);
      assert.equal(err.status, 429);
      assert.equal(err.code, 'too_many_requests');
      assert.match(err.headers?.['Retry-After'] ?? '', /^\d+$/);
      return true;
    });
    const row = await knex('rate_limit_buckets').where({ action: 'test:account' }).first();
    assert.equal(row.tokens, 4, 'the account bucket was not charged for the refused request');
  });
});
