/**
 * The rate limits' SQL, on the seed's `rate_limit_buckets`: refill and spend happen in ONE
 * statement (an upsert whose update only applies while a token is left), so 200 parallel requests
 * on a bucket of capacity C admit exactly C (docs/security.md A3): PostgreSQL re-checks the condition
 * on the row's latest version under its row lock. `last_refill` advances by whole tokens only, so
 * slow refills are not lost to rounding.
 */
import type { Knex } from 'knex';
import type { BucketPolicy } from './policies';

export interface RateLimitResult {
  allowed: boolean;
  /** Tokens left after this request (0 when refused). */
  remaining: number;
  /** When refused: seconds until a token is back. */
  retryAfterSeconds: number;
}

// elapsed: whole seconds since the last refill, never negative (a statement that waited for the
// row lock may have started before the one that refilled it). refilled: tokens available now.
const CONSUME_SQL = `
  insert into rate_limit_buckets as b (identifier, action, tokens, last_refill)
  values (:identifier, :action, :capacity - 1, now())
  on conflict (identifier, action) do update set
    tokens = least(:capacity, b.tokens + floor(greatest(0, extract(epoch from now() - b.last_refill)) / :refill)::int) - 1,
    last_refill = case
      when b.tokens + floor(greatest(0, extract(epoch from now() - b.last_refill)) / :refill)::int >= :capacity then now()
      else b.last_refill + make_interval(secs => floor(greatest(0, extract(epoch from now() - b.last_refill)) / :refill) * :refill)
    end
  where least(:capacity, b.tokens + floor(greatest(0, extract(epoch from now() - b.last_refill)) / :refill)::int) >= 1
  returning b.tokens`;

const RETRY_AFTER_SQL = `
  select ceil(:refill - mod(greatest(0, extract(epoch from now() - last_refill))::numeric, :refill))::int as seconds
  from rate_limit_buckets where identifier = :identifier and action = :action`;

/** Spends one token from the bucket `action` × `identifier`, creating it full if new. */
export async function consumeToken(
  knex: Knex | Knex.Transaction,
  action: string,
  identifier: string,
  policy: BucketPolicy,
): Promise<RateLimitResult> {
  const bindings = {
    identifier: identifier.slice(0, 255),
    action,
    capacity: policy.capacity,
    refill: policy.refillSeconds,
  };
  const spent = await knex.raw<{ rows: { tokens: number }[] }>(CONSUME_SQL, bindings);
  const row = spent.rows[0];
  if (row) return { allowed: true, remaining: row.tokens, retryAfterSeconds: 0 };
  const wait = await knex.raw<{ rows: { seconds: number }[] }>(RETRY_AFTER_SQL, bindings);
  return {
    allowed: false,
    remaining: 0,
    retryAfterSeconds: Math.max(1, wait.rows[0]?.seconds ?? policy.refillSeconds),
  };
}
