/**
 * The three catalogues admins manage — onboarding paths, checklist items, templates — each named
 * once: its table, its schema in API terms (contract/admin.ts) and its mapping between API fields
 * and columns. admin.service.ts does the work for all three alike.
 */
import type { z } from 'zod';
import {
  ChecklistItemInput,
  PathInput,
  TemplateInput,
  type AdminCatalogue,
  type AdminCatalogues,
  type AdminChecklistItem,
  type AdminPath,
  type AdminTemplate,
} from '../../../contract/admin';
import { iso } from '../../../contract/wire';
import { jsonLength } from '../../http/json-limits';
import type { CatalogueTable } from './admin.queries';

export interface Catalogue<C extends AdminCatalogue = AdminCatalogue, S extends z.ZodObject = z.ZodObject> {
  path: C;
  table: CatalogueTable;
  schema: S;
  /** A row as the API shows it. */
  toApi(row: Record<string, unknown>): AdminCatalogues[C]['item'];
  /** API fields to columns, keeping only those given (updates give any subset). */
  columns: Record<string, string>;
  /** Fields that may not change after creation. */
  immutable?: string[];
  /** Making this entry the default unmarks the others (paths: one default at most). */
  singleDefault?: boolean;
  orderBy: string;
}

/** Every field an item shows in the API, with the column it comes from. */
type FieldColumns<T> = { [K in keyof T]-?: string };

/**
 * A row as the API shows it, from the item's fields and their columns (the writable `columns`
 * plus the read-only ones). `dates` are the `Timestamp` fields, which cross the wire as ISO strings.
 */
function rowToApi<T>(fields: FieldColumns<T>, dates: ReadonlyArray<keyof T & string> = []) {
  const entries = Object.entries<string>(fields);
  return (row: Record<string, unknown>): T =>
    Object.fromEntries(
      entries.map(([field, column]) => {
        const value = row[column];
        return [field, (dates as readonly string[]).includes(field) ? iso(value as Date | null) : value];
      }),
    ) as T;
}

const pathColumns = {
  name: 'name',
  description: 'description',
  targetRole: 'target_role',
  targetUseCase: 'target_use_case',
  steps: 'steps',
  isDefault: 'is_default',
  isActive: 'is_active',
} as const;

const paths: Catalogue<'onboarding/paths', typeof PathInput> = {
  path: 'onboarding/paths',
  table: 'onboarding_paths',
  schema: PathInput,
  singleDefault: true,
  orderBy: 'created_at',
  columns: pathColumns,
  toApi: rowToApi<AdminPath>({ id: 'id', ...pathColumns, createdAt: 'created_at', updatedAt: 'updated_at' }, [
    'createdAt',
    'updatedAt',
  ]),
};

const checklistItemColumns = {
  key: 'key',
  title: 'title',
  description: 'description',
  icon: 'icon',
  actionUrl: 'action_url',
  sortOrder: 'sort_order',
  isActive: 'is_active',
} as const;

const checklistItems: Catalogue<'checklist/items', typeof ChecklistItemInput> = {
  path: 'checklist/items',
  table: 'setup_checklist_items',
  schema: ChecklistItemInput,
  immutable: ['key'],
  orderBy: 'sort_order',
  columns: checklistItemColumns,
  toApi: rowToApi<AdminChecklistItem>({ id: 'id', ...checklistItemColumns }),
};

/** The contract's template input, with the server's size cap on the data. */
const CappedTemplateInput = TemplateInput.extend({
  templateData: TemplateInput.shape.templateData.refine((d) => jsonLength(d) <= 65_536, 'too_large'),
});

const templateColumns = {
  name: 'name',
  description: 'description',
  category: 'category',
  industry: 'industry',
  previewImageUrl: 'preview_image_url',
  templateData: 'template_data',
  isFeatured: 'is_featured',
  isActive: 'is_active',
} as const;

const templates: Catalogue<'templates', typeof CappedTemplateInput> = {
  path: 'templates',
  table: 'onboarding_templates',
  schema: CappedTemplateInput,
  orderBy: 'created_at',
  columns: templateColumns,
  toApi: rowToApi<AdminTemplate>({ id: 'id', ...templateColumns, usageCount: 'usage_count', createdAt: 'created_at' }, [
    'createdAt',
  ]),
};

export const CATALOGUES = [paths, checklistItems, templates] as const;
