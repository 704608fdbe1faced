/**
 * The administrators' API (server/modules/admin): onboarding paths, checklist items and templates,
 * each with list / create / update / delete, and the onboarding funnel. Updates take any part of
 * what creating takes (`Partial`), except a checklist item's key, which never changes.
 */
import { z } from 'zod';
import { nameField } from './fields.js';
import { StepsSchema } from './onboarding.js';
import type { Template } from './templates.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const url = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v.startsWith('/') || /^https?:\/\//.test(v), 'invalid_url');

export const PathInput = z.object({
  name: nameField(100),
  description: optionalText(2000),
  targetRole: optionalText(100),
  targetUseCase: optionalText(100),
  steps: StepsSchema,
  isDefault: z.boolean().optional(),
  isActive: z.boolean().optional(),
});

export const ChecklistItemInput = z.object({
  key: z.string().regex(/^[a-z0-9_-]{1,100}$/, 'invalid_key'),
  title: nameField(255),
  description: optionalText(2000),
  icon: optionalText(50),
  actionUrl: url.nullable().optional(),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  isActive: z.boolean().optional(),
});

/** The server also caps `templateData` at 64 kB of JSON (server/modules/admin/admin.service.ts). */
export const TemplateInput = z.object({
  name: nameField(255),
  description: optionalText(2000),
  category: optionalText(100),
  industry: optionalText(100),
  previewImageUrl: url.nullable().optional(),
  templateData: z.record(z.string(), z.unknown()),
  isFeatured: z.boolean().optional(),
  isActive: z.boolean().optional(),
});

export interface AdminPath {
  id: string;
  name: string;
  description: string | null;
  targetRole: string | null;
  targetUseCase: string | null;
  /** As stored: validated on every write, though rows written before validation existed may differ. */
  steps: unknown;
  isDefault: boolean | null;
  isActive: boolean | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AdminChecklistItem {
  id: string;
  key: string;
  title: string;
  description: string | null;
  icon: string | null;
  actionUrl: string | null;
  sortOrder: number | null;
  isActive: boolean | null;
}

/** A template as admins see it: the gallery's fields, its data, and the raw flags. */
export interface AdminTemplate extends Pick<
  Template,
  'id' | 'name' | 'description' | 'category' | 'industry' | 'previewImageUrl'
> {
  templateData: Record<string, unknown>;
  usageCount: number | null;
  isFeatured: boolean | null;
  isActive: boolean | null;
  createdAt: Timestamp;
}

/** One path of `GET /api/admin/onboarding/funnel`. */
export interface FunnelPath {
  pathId: string;
  name: string;
  started: number;
  completed: number;
  /**
   * Median seconds from start to finish of those who finished, to within about 1 % (read from a
   * histogram of completion times, so that it costs the same at any number of users); null when
   * nobody has finished.
   */
  medianSecondsToComplete: number | null;
  steps: { key: string; title: string; required: boolean; reached: number; completed: number; skipped: number }[];
}

export const AdminErrors = {
  admin_only: { status: 403, message: 'Only administrators can do this.' },
  already_exists: { status: 409, message: 'Another entry already has this key.' },
  in_use: { status: 409, message: 'This entry is in use; deactivate it instead of deleting it.' },
} as const satisfies ErrorCatalogue;

/** What an admin catalogue is: its URL segment, how it shows an entry, what creating one takes. */
export interface AdminCatalogues {
  'onboarding/paths': {
    item: AdminPath;
    create: z.input<typeof PathInput>;
    update: Partial<z.input<typeof PathInput>>;
  };
  'checklist/items': {
    item: AdminChecklistItem;
    create: z.input<typeof ChecklistItemInput>;
    update: Partial<Omit<z.input<typeof ChecklistItemInput>, 'key'>>;
  };
  templates: {
    item: AdminTemplate;
    create: z.input<typeof TemplateInput>;
    update: Partial<z.input<typeof TemplateInput>>;
  };
}
export type AdminCatalogue = keyof AdminCatalogues;

/** The four routes of one catalogue. */
type CatalogueRoutes<C extends AdminCatalogue> = Record<
  `GET /api/admin/${C}`,
  Route<never, { items: AdminCatalogues[C]['item'][] }>
> &
  Record<`POST /api/admin/${C}`, Route<AdminCatalogues[C]['create'], { item: AdminCatalogues[C]['item'] }>> &
  Record<`PATCH /api/admin/${C}/:id`, Route<AdminCatalogues[C]['update'], { item: AdminCatalogues[C]['item'] }>> &
  Record<`DELETE /api/admin/${C}/:id`, Route<never, { deleted: true }>>;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type AdminRoutes = CatalogueRoutes<'onboarding/paths'> &
  CatalogueRoutes<'checklist/items'> &
  CatalogueRoutes<'templates'> & {
    'GET /api/admin/onboarding/funnel': Route<never, { paths: FunnelPath[] }>;
  };
