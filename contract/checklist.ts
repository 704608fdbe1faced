/**
 * The setup checklist (server/modules/checklist).
 */
import { z } from 'zod';
import { SiteSecretErrors } from './errors.js';
import { emailField } from './fields.js';
import type { EmptyBody } from './onboarding.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/** An item's key, as in `POST /api/checklist/items/:key/complete`. */
export const ChecklistItemKey = z.string().regex(/^[a-z0-9_-]{1,100}$/);

/** `POST /api/checklist/events` (the site's backend): an item done by a user named by id or by email. */
export const SiteEventBody = z
  .object({ userId: z.uuid().optional(), email: emailField.optional(), item: ChecklistItemKey })
  .strict()
  .refine((e) => Boolean(e.userId) !== Boolean(e.email), { message: 'user_or_email', path: ['userId'] });

/** What the buttons of one item do. */
export const CHECKLIST_ITEM_ACTIONS = ['complete', 'uncomplete', 'dismiss', 'restore'] as const;
export type ChecklistItemAction = (typeof CHECKLIST_ITEM_ACTIONS)[number];

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

export const ChecklistErrors = {
  site_secret_required: SiteSecretErrors.site_secret_required,
  site_events_disabled: { status: 404, message: 'Site events are off: ACCT_SITE_SECRET is not set.' },
} as const satisfies ErrorCatalogue;

type ChecklistAction = Route<z.input<typeof EmptyBody>, Checklist>;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface ChecklistRoutes {
  'GET /api/checklist': Route<never, Checklist>;
  'POST /api/checklist/items/:key/complete': ChecklistAction;
  'POST /api/checklist/items/:key/uncomplete': ChecklistAction;
  'POST /api/checklist/items/:key/dismiss': ChecklistAction;
  'POST /api/checklist/items/:key/restore': ChecklistAction;
  'POST /api/checklist/dismiss': ChecklistAction;
  'POST /api/checklist/restore': ChecklistAction;
  'POST /api/checklist/events': Route<z.input<typeof SiteEventBody>, { completed: true }>;
}
