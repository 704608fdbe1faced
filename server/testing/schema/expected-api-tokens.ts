/**
 * acct's own objects for API tokens, read off migration 20260901000100_api_token_lookup: the
 * unique index on the seed's `api_tokens.token_prefix`, the token's lookup id.
 */
import { index } from './spec-helpers';
import type { IndexSpec } from './types';

export const apiTokenIndexes: Record<string, IndexSpec> = {
  idx_api_tokens_prefix: index('api_tokens', ['token_prefix'], { unique: true }),
};
