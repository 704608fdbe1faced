/**
 * acct's own indexes for the cleanup job, read off migration 20261204000100_cleanup_indexes: old
 * sessions and magic links found by `expires_at` alone, as `cleanup_expired_sessions()` and the
 * batched deletes before it look for them, and old mail by `created_at`.
 */
import { index } from './spec-helpers';
import type { IndexSpec } from './types';

export const cleanupIndexes: Record<string, IndexSpec> = {
  idx_user_sessions_expires: index('user_sessions', ['expires_at']),
  idx_magic_links_expires: index('magic_links', ['expires_at']),
  idx_mail_queue_created: index('mail_queue', ['created_at']),
};
