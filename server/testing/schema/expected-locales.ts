/**
 * acct's language columns, read off migration 20260601000300_locales: the user's language on
 * auth.users, and the language of an emailed link's mail on magic_links (a seed table, so added
 * through expected-project.ts's changes) and organization_invitations.
 */
import { column, varchar } from './spec-helpers';
import type { ColumnSpec } from './types';

/** One nullable language code; the same on every table that has one. */
export const localeColumns: Record<string, ColumnSpec> = {
  locale: column(varchar(35)),
};
