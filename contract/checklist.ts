/**
 * The setup checklist.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { ErrorCatalogue, Timestamp } from './wire.js';

/** One item of `GET /api/checklist`. */
export interface ChecklistItem {
  key: string;
  title: string;
  description: string | null;
  /** An icon name (see core/onboarding-icons.ts); null lets the element pick one by key. */
  icon: string | null;
  /** Where the item's task is done on the site, e.g. `/productions/events/new`. */
  actionUrl: string | null;
  completed: boolean;
  completedAt: Timestamp | null;
  dismissed: boolean;
}

export interface Checklist {
  items: ChecklistItem[];
  /** The whole checklist was dismissed (and can be restored). */
  dismissed: boolean;
  completedCount: number;
  total: number;
}

export const ChecklistErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type ChecklistRoutes = Record<never, never>;
