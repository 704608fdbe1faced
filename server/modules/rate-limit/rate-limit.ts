/**
 * Token-bucket rate limits kept in the seed's `rate_limit_buckets`, so they hold across any number
 * of server processes. Refill and spend happen in ONE statement (an upsert whose update only
 * applies while a token is left), so 200 parallel requests on a bucket of capacity C admit exactly
 * C (docs/security.md A3); the SQL is in rate-limit.queries.ts, the policies in policies.ts.
 */
import type { Knex } from 'knex';
import { RateLimitErrors } from '../../../contract/errors';
import { ApiError } from '../../http/errors';
import type { BucketPolicy } from './policies';
import { consumeToken } from './rate-limit.queries';

export { RateLimitErrors };

/**
 * Spends a token from each bucket in order, and throws 429 `too_many_requests` with `Retry-After`
 * at the first empty one. Order them broadest first (per address, then per account): a request
 * refused by its address then costs the account nothing, so a sprayer on one address cannot
 * drain the buckets of the accounts it aims at and lock their owners out.
 */
export async function enforceLimits(
  knex: Knex | Knex.Transaction,
  checks: { action: string; identifier: string; policy: BucketPolicy }[],
): Promise<void> {
  for (const check of checks) {
    const result = await consumeToken(knex, check.action, check.identifier, check.policy);
    if (!result.allowed) {
      throw ApiError.of(RateLimitErrors, 'too_many_requests', {
        headers: { 'Retry-After': String(result.retryAfterSeconds) },
      });
    }
  }
}

/**
 * Spends a token from each bucket like `enforceLimits`, but answers false where that would throw
 * 429: for work that is skipped, not refused, over a limit (a mail not sent again).
 */
export async function withinLimits(
  knex: Knex | Knex.Transaction,
  checks: Parameters<typeof enforceLimits>[1],
): Promise<boolean> {
  try {
    await enforceLimits(knex, checks);
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'too_many_requests') return false;
    throw err;
  }
}
