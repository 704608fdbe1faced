/**
 * The median time to finish a path, from the histogram of completion times that the trigger of
 * migration 20261205000100_onboarding_funnel_counts keeps: per path, how many users took
 * `round(ln(1 + seconds) * 100)` — buckets about 1 % wide.
 *
 * The exact median needs every finished user's duration, so it costs a read of all of them, and
 * grows with the users. The histogram stays small (some 1,800 buckets cover two years) and so
 * does its read, at the price of resolution: each duration counts as its bucket's middle value,
 * at most half a bucket (0.5 %) of `1 + seconds` off, so the median is within about 0.5 % of the
 * exact one (a second or two on a median of minutes; a few minutes on one of a day).
 */
import { BUCKETS_PER_LOG_SECOND } from '../../../migrations/20261205000100_onboarding_funnel_counts';

/** The seconds a bucket stands for: the middle of the durations that round to it. */
export const secondsOfBucket = (bucket: number) => Math.expm1(bucket / BUCKETS_PER_LOG_SECOND);

/** One bucket of a path's histogram. */
export interface CompletionBucket {
  bucket: number;
  users: number;
}

/**
 * The median of a histogram sorted by bucket, as `percentile_cont(0.5)` takes it: the middle
 * value, or the mean of the two middle ones when the count is even. Null when it is empty.
 */
export function medianOfBuckets(buckets: CompletionBucket[]): number | null {
  const total = buckets.reduce((sum, b) => sum + b.users, 0);
  if (total <= 0) return null;
  /** The value at 0-based rank `rank`: the bucket whose cumulative count first passes it. */
  const at = (rank: number) => {
    let seen = 0;
    const found = buckets.find((b) => (seen += b.users) > rank)!;
    return secondsOfBucket(found.bucket);
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.ceil((total - 1) / 2))) / 2;
}
