/**
 * The rate-limit policies, by action, with their defaults, overridable through ACCT_RATE_LIMITS
 * (`sign-in:account=10/400 mail:ip=20/3600`: capacity / seconds for a full refill). The defaults
 * follow docs/security.md: a password is tried at most 10 times in a row per account and at most
 * 100 times in any hour (10 + 3600/40) (A1); one address sprays at most 30 sign-ins, then one
 * every 10 s (A2); anything that sends mail is limited per address and per recipient.
 */
import { rateLimitKeyForIp } from '../../security/client-ip';

/** A bucket's shape: `capacity` tokens, one token back every `refillSeconds`. */
export interface BucketPolicy {
  capacity: number;
  refillSeconds: number;
}

export const RATE_LIMIT_ACTIONS = [
  'sign-in:ip',
  'sign-in:account',
  'sign-up:ip',
  'mail:ip',
  'mail:address',
  'magic-link:address',
  'passkey-options:ip',
  'data-export:account',
  'api-token:token',
  'mfa-code:ip',
  'mfa-code:account',
] as const;
export type RateLimitAction = (typeof RATE_LIMIT_ACTIONS)[number];

/** capacity tokens; a full refill takes `windowSeconds`. */
const DEFAULTS: Record<RateLimitAction, { capacity: number; windowSeconds: number }> = {
  'sign-in:ip': { capacity: 30, windowSeconds: 300 },
  'sign-in:account': { capacity: 10, windowSeconds: 400 },
  'sign-up:ip': { capacity: 10, windowSeconds: 3600 },
  'mail:ip': { capacity: 20, windowSeconds: 3600 },
  'mail:address': { capacity: 5, windowSeconds: 3600 },
  // On top of mail:address: at most one sign-in link a minute to any one address.
  'magic-link:address': { capacity: 1, windowSeconds: 60 },
  // Every sign-in form that offers passkey autofill asks for options on load: a bucket of its
  // own, so browsing pages does not use up the sign-in attempts.
  'passkey-options:ip': { capacity: 60, windowSeconds: 60 },
  // Building an archive reads every table: a few a day per account is plenty.
  'data-export:account': { capacity: 3, windowSeconds: 86_400 },
  // Each API token (server-to-server calls): bursts of 300, then 5 a second.
  'api-token:token': { capacity: 300, windowSeconds: 60 },
  // Second-factor codes (TOTP and recovery codes, at sign-in, enrolment and re-authentication):
  // one address tries at most 30, then one every 10 s; one account 5 in a row, then one every
  // 2 minutes — 720 guesses a day at most against a million codes, of which 3 are right at a time
  // (docs/security.md M3).
  'mfa-code:ip': { capacity: 30, windowSeconds: 300 },
  'mfa-code:account': { capacity: 5, windowSeconds: 600 },
};

export type RateLimitPolicies = Record<RateLimitAction, BucketPolicy>;

const toPolicy = ({ capacity, windowSeconds }: { capacity: number; windowSeconds: number }): BucketPolicy => ({
  capacity,
  refillSeconds: windowSeconds / capacity,
});

/** The policies with the overrides from `raw` applied; throws a readable error for a bad entry. */
export function parseRateLimits(raw: string): RateLimitPolicies {
  const policies = Object.fromEntries(
    Object.entries(DEFAULTS).map(([action, d]) => [action, toPolicy(d)]),
  ) as RateLimitPolicies;
  for (const entry of raw.split(/[\s,]+/).filter(Boolean)) {
    const match = /^([a-z-]+:[a-z]+)=(\d+)\/(\d+)$/.exec(entry);
    const action = match?.[1] as RateLimitAction | undefined;
    if (!match || !action || !RATE_LIMIT_ACTIONS.includes(action) || Number(match[2]) < 1 || Number(match[3]) < 1) {
      throw new Error(
        `ACCT_RATE_LIMITS: "${entry}" is not action=capacity/seconds with action one of ${RATE_LIMIT_ACTIONS.join(', ')}`,
      );
    }
    policies[action] = toPolicy({ capacity: Number(match[2]), windowSeconds: Number(match[3]) });
  }
  return policies;
}

/** Rate-limit defaults, listed in docs/settings.md "Rate limits". */
export const RATE_LIMIT_DEFAULTS = DEFAULTS;

/** The checks for anything that mails an address: per client address (or /64), then per recipient. */
export function mailLimits(policies: RateLimitPolicies, ip: string | undefined, email: string) {
  return [
    { action: 'mail:ip', identifier: rateLimitKeyForIp(ip), policy: policies['mail:ip'] },
    { action: 'mail:address', identifier: email, policy: policies['mail:address'] },
  ];
}

/** The checks for a password attempt: per client address, then per account (known or not). */
export function signInLimits(policies: RateLimitPolicies, ip: string | undefined, email: string) {
  return [
    { action: 'sign-in:ip', identifier: rateLimitKeyForIp(ip), policy: policies['sign-in:ip'] },
    { action: 'sign-in:account', identifier: email, policy: policies['sign-in:account'] },
  ];
}
