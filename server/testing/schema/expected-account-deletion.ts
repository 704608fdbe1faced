/**
 * acct's own objects for account deletion, read off migration 20260806000100_account_deletion: at
 * most one open request per user (a partial unique index, also the look-up of every session
 * check), and the due requests by date. The cancel link's token purpose (`deletion_cancel`) is in
 * the one-time tokens' check, expected-sign-in.ts.
 */
import { index } from './spec-helpers';
import type { IndexSpec } from './types';

const OPEN = '((cancelled_at IS NULL) AND (completed_at IS NULL))';

export const accountDeletionIndexes: Record<string, IndexSpec> = {
  account_deletion_requests_open_key: index('account_deletion_requests', ['user_id'], { unique: true, where: OPEN }),
  idx_account_deletion_requests_due: index('account_deletion_requests', ['scheduled_for'], { where: OPEN }),
};
